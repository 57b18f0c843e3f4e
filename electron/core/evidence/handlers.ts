import type { DomainHandlers } from '../handler';
import { openEvidenceExternally } from '../vault/open-external';
import { abortUpload, beginUpload, endUpload, sendChunk } from '../vault/chunked-upload';
import {
  deleteEvidence,
  evidenceForRequirement,
  getEvidenceDetail,
  listEvidence,
  updateEvidence,
} from '../services/evidence';
import { linkEvidence, unlinkEvidence } from '../services/evidence-links';
import { previewEvidence, readEvidenceChunk } from '../services/evidence-preview';
import { evidenceRequestList, evidenceRequestListCsv } from '../services/evidence-requests';
import { checkVault } from '../vault/check';
import { importFromDialog } from '../vault/picker';
import { cancelTask } from '../vault/tasks';

export const evidenceHandlers: DomainHandlers<'evidence'> = {
  'evidence.openExternal': (ctx, input) => openEvidenceExternally(ctx, input),
  'evidence.uploadBegin': (ctx, input) => beginUpload(ctx, input),
  'evidence.uploadChunk': (_ctx, input) => sendChunk(input),
  'evidence.uploadEnd': (_ctx, input) => endUpload(input.uploadId),
  'evidence.uploadAbort': (_ctx, input) => abortUpload(input.uploadId),
  'evidence.list': (ctx, input) => listEvidence(ctx, input),
  'evidence.get': (ctx, input) => getEvidenceDetail(ctx, input.id),
  'evidence.forRequirement': (ctx, i) =>
    evidenceForRequirement(ctx, i.engagementId, i.requirementId),
  'evidence.update': (ctx, input) => updateEvidence(ctx, input),
  'evidence.link': (ctx, input) => linkEvidence(ctx, input),
  'evidence.unlink': (ctx, input) => unlinkEvidence(ctx, input),
  'evidence.delete': (ctx, input) => deleteEvidence(ctx, input.id),
  'evidence.importFromDialog': (ctx, input) => importFromDialog(ctx, input),
  'evidence.cancelImport': (_ctx, input) => ({ ok: true, cancelled: cancelTask(input.taskId) }),
  'evidence.check': (ctx) => checkVault(ctx),
  'evidence.preview': (ctx, input) => previewEvidence(ctx, input.id),
  'evidence.readChunk': (ctx, i) => readEvidenceChunk(ctx, i.id, i.offset, i.length),
  'evidence.requestList': (ctx, input) => evidenceRequestList(ctx, input),
  'evidence.requestListCsv': (ctx, input) => evidenceRequestListCsv(ctx, input),
};
