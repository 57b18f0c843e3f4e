/**
 * The exchange domain's public face: one engagement as an encrypted, optionally signed `.assayx`
 * file (format.ts), written from and merged into a data directory through the sync change sets.
 */
export {
  exportExchange,
  MIN_PASSPHRASE,
  type ExchangeProgress,
  type ExportOptions,
  type ExportResult,
} from './export';
export { importExchange, type ImportOptions, type ImportResult } from './import';
export { ExchangeRefused, type RefusalReason } from './errors';
export { exchangeHandlers } from './handlers';
