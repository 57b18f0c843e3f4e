import type { DomainHandlers } from '../handler';
import { checkVault } from './check';
import { deleteEvidence, updateEvidence } from './edit';
import { linkEvidence, unlinkEvidence } from './links';
import { openEvidenceExternally } from './open-external';
import { importFromDialog } from './picker';
import { previewEvidence, readEvidenceChunk } from './preview';
import { evidenceForRequirement, getEvidenceDetail, listEvidence } from './queries';
import { evidenceRequestList, evidenceRequestListCsv } from './requests';
import { abortUpload, beginUpload, cancelImport, endUpload, sendChunk } from './upload';

export const evidenceHandlers: DomainHandlers<'evidence'> = {
  'evidence.openExternal': (ctx, input) => openEvidenceExternally(ctx, input),
  'evidence.uploadBegin': (ctx, input) => beginUpload(ctx, input),
  'evidence.uploadChunk': (ctx, i) =>
    sendChunk(ctx, i.uploadId, i.offset, Buffer.from(i.base64, 'base64')),
  'evidence.uploadEnd': (ctx, input) => endUpload(ctx, input.uploadId),
  'evidence.uploadAbort': (ctx, input) => abortUpload(ctx, input.uploadId),
  'evidence.list': (ctx, input) => listEvidence(ctx, input),
  'evidence.get': (ctx, input) => getEvidenceDetail(ctx, input.id),
  'evidence.forRequirement': (ctx, i) =>
    evidenceForRequirement(ctx, i.engagementId, i.requirementId),
  'evidence.update': (ctx, input) => updateEvidence(ctx, input),
  'evidence.link': (ctx, input) => linkEvidence(ctx, input),
  'evidence.unlink': (ctx, input) => unlinkEvidence(ctx, input),
  'evidence.delete': (ctx, input) => deleteEvidence(ctx, input.id),
  'evidence.importFromDialog': (ctx, input) => importFromDialog(ctx, input),
  'evidence.cancelImport': (ctx, input) => cancelImport(ctx, input.taskId),
  'evidence.check': (ctx) => checkVault(ctx),
  'evidence.preview': (ctx, input) => previewEvidence(ctx, input.id),
  'evidence.readChunk': (ctx, i) => readEvidenceChunk(ctx, i.id, i.offset, i.length),
  'evidence.requestList': (ctx, input) => evidenceRequestList(ctx, input),
  'evidence.requestListCsv': (ctx, input) => evidenceRequestListCsv(ctx, input),
};
