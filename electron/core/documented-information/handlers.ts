import type { DomainHandlers } from '../handler';
import { listDocuments } from './queries';
import { saveDocument } from './write';

export const documentHandlers: DomainHandlers<'documents'> = {
  'documents.list': (ctx, input) => listDocuments(ctx, input.assessmentId),
  'documents.save': (ctx, input) => saveDocument(ctx, input),
};
