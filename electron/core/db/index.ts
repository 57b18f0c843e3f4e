/** The store's public face: opening it (pragmas, migrations, backups) and its classified errors. */
export {
  applyPragmas,
  DB_FILE,
  openStore,
  type Db,
  type Store,
  type OpenStoreOptions,
} from './open';
export { StoreError } from './store-error';
export { checkIntegrity, damagedReadMessage, readOnlyRefusal, type StoreHealth } from './health';
export * as schema from './schema';
export { readJson, StoredJsonError, writeJson } from './json';
export { preparedOnce } from './prepared';
export { readSetting, writeSetting } from './settings';
