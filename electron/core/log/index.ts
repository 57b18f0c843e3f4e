/** The log's public face: where unexpected errors are recorded, and how a person is told so. */
export { LOG_DIR, openLog, type AppLog } from './file-log';
export { logUnexpected } from './unexpected';
