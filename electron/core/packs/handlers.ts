import type { DomainHandlers } from '../handler';
import {
  exportPack,
  getPack,
  importIncomingPack,
  listPacks,
  readExportChunk,
  readPackFile,
} from './service';

export const packHandlers: DomainHandlers<'packs'> = {
  'packs.export': (ctx, input) => exportPack(ctx, input),
  'packs.readChunk': (ctx, input) => readExportChunk(ctx, input),
  'packs.importIncoming': (ctx, input) => importIncomingPack(ctx, input),
  'packs.list': (ctx) => listPacks(ctx),
  'packs.get': (ctx, input) => getPack(ctx, input),
  'packs.readFile': (ctx, input) => readPackFile(ctx, input),
};
