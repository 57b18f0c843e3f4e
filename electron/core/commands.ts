import { type z } from 'zod';
import {
  contracts,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type ParsedInput,
} from '../../shared/contracts';
import { describeIssues, issuesFromZod, type Result } from '../../shared/contracts/envelope';
import type { CoreContext } from './context';
import { CommandFailure } from './errors';
import { verifyAuditChain } from './audit';
import { getCatalog, listFrameworks } from './services/catalog';
import {
  createEngagement,
  deleteEngagement,
  getEngagement,
  listEngagements,
  updateEngagement,
} from './services/engagements';
import {
  createAssessment,
  deleteAssessment,
  getAssessment,
  listAssessments,
  reopenAssessment,
  saveScoping,
  setAssessmentStatus,
  setPosition,
  updateAssessment,
} from './services/assessments';
import { createSession, deleteSession, listSessions, updateSession } from './services/sessions';
import { listResponses, requirementHistory, saveResponse } from './services/responses';
import { createFinding, deleteFinding, listFindings, updateFinding } from './services/findings';
import { acceptSoaSuggestions, listSoa, saveSoaEntry } from './services/soa';
import { readinessOf } from './services/readiness';
import { openEvidenceExternally } from './vault/open-external';
import { abortUpload, beginUpload, endUpload, sendChunk } from './vault/chunked-upload';
import {
  deleteEvidence,
  evidenceForRequirement,
  getEvidenceDetail,
  listEvidence,
  updateEvidence,
} from './services/evidence';
import { linkEvidence, unlinkEvidence } from './services/evidence-links';
import { previewEvidence, readEvidenceChunk } from './services/evidence-preview';
import { evidenceRequestList, evidenceRequestListCsv } from './services/evidence-requests';
import { checkVault } from './vault/check';
import { importFromDialog } from './vault/picker';
import { cancelTask } from './vault/tasks';
import {
  createAiSystem,
  deleteAiSystem,
  listAiSystems,
  updateAiSystem,
} from './services/ai-systems';
import { getRiskCriteria, saveRiskCriteria } from './services/risk-criteria';
import {
  acceptRisk,
  createRisk,
  deleteRisk,
  getRisk,
  listRisks,
  rerateRisks,
  risksByControl,
  updateRisk,
} from './services/risks';
import {
  commitRiskImport,
  exportRisksCsv,
  exportRisksXlsx,
  previewRiskImport,
} from './services/risk-sheets';
import {
  createImpactAssessment,
  deleteImpactAssessment,
  listImpactAssessments,
  updateImpactAssessment,
} from './services/impact-assessments';
import { exportReport } from './reports/export';
import {
  createIdentity,
  deleteIdentity,
  importIdentity,
  listIdentities,
} from './signing/identities';
import { verifyIncoming } from './signing/verify-file';
import {
  exportPack,
  getPack,
  importIncomingPack,
  listPacks,
  readExportChunk,
  readPackFile,
} from './packs/service';
import { abortIncoming, appendIncoming, beginIncoming, finishIncoming } from './incoming';

type Handler<N extends CommandName> = (
  ctx: CoreContext,
  input: ParsedInput<N>,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

export type Handlers = { [N in CommandName]: Handler<N> };

/** The one registry: every contract in shared/ has exactly one handler here (the type enforces it). */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    name: 'Assay',
    version: ctx.version,
    dataDir: ctx.dataDir,
    transport: ctx.transport,
    actor: ctx.actor(),
  }),
  'app.auditVerify': (ctx) => verifyAuditChain(ctx.store.sqlite),
  'catalog.frameworks': (ctx) => listFrameworks(ctx),
  'catalog.get': (ctx, input) => getCatalog(ctx, input.frameworkId),
  'engagements.list': (ctx) => listEngagements(ctx),
  'engagements.get': (ctx, input) => getEngagement(ctx, input.id),
  'engagements.create': (ctx, input) => createEngagement(ctx, input),
  'engagements.update': (ctx, input) => updateEngagement(ctx, input),
  'engagements.delete': (ctx, input) => deleteEngagement(ctx, input.id),
  'assessments.list': (ctx, input) => listAssessments(ctx, input.engagementId),
  'assessments.get': (ctx, input) => getAssessment(ctx, input.id),
  'assessments.create': (ctx, input) => createAssessment(ctx, input),
  'assessments.update': (ctx, input) => updateAssessment(ctx, input),
  'assessments.setStatus': (ctx, input) => setAssessmentStatus(ctx, input),
  'assessments.reopen': (ctx, input) => reopenAssessment(ctx, input),
  'assessments.delete': (ctx, input) => deleteAssessment(ctx, input.id),
  'assessments.setPosition': (ctx, input) => setPosition(ctx, input.id, input.requirementId),
  'assessments.saveScoping': (ctx, input) => saveScoping(ctx, input),
  'sessions.list': (ctx, input) => listSessions(ctx, input.assessmentId),
  'sessions.create': (ctx, input) => createSession(ctx, input),
  'sessions.update': (ctx, input) => updateSession(ctx, input),
  'sessions.delete': (ctx, input) => deleteSession(ctx, input.id),
  'responses.list': (ctx, input) => listResponses(ctx, input.assessmentId),
  'responses.save': (ctx, input) => saveResponse(ctx, input),
  'responses.history': (ctx, input) =>
    requirementHistory(ctx, input.assessmentId, input.requirementId),
  'findings.list': (ctx, input) => listFindings(ctx, input.assessmentId),
  'findings.create': (ctx, input) => createFinding(ctx, input),
  'findings.update': (ctx, input) => updateFinding(ctx, input),
  'findings.delete': (ctx, input) => deleteFinding(ctx, input.id),
  'soa.list': (ctx, input) => listSoa(ctx, input.assessmentId),
  'soa.save': (ctx, input) => saveSoaEntry(ctx, input),
  'soa.acceptSuggestions': (ctx, input) => acceptSoaSuggestions(ctx, input.assessmentId),
  'readiness.get': (ctx, input) => readinessOf(ctx, input.assessmentId),
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
  'aiSystems.list': (ctx, input) => listAiSystems(ctx, input.engagementId),
  'aiSystems.create': (ctx, input) => createAiSystem(ctx, input),
  'aiSystems.update': (ctx, input) => updateAiSystem(ctx, input),
  'aiSystems.delete': (ctx, input) => deleteAiSystem(ctx, input.id),
  'riskCriteria.get': (ctx, input) => getRiskCriteria(ctx, input.engagementId),
  'riskCriteria.save': (ctx, input) => saveRiskCriteria(ctx, input),
  'risks.list': (ctx, input) => listRisks(ctx, input.engagementId),
  'risks.get': (ctx, input) => getRisk(ctx, input.id),
  'risks.create': (ctx, input) => createRisk(ctx, input),
  'risks.update': (ctx, input) => updateRisk(ctx, input),
  'risks.delete': (ctx, input) => deleteRisk(ctx, input.id),
  'risks.accept': (ctx, input) => acceptRisk(ctx, input),
  'risks.rerate': (ctx, input) => rerateRisks(ctx, input),
  'risks.byControl': (ctx, input) => risksByControl(ctx, input.engagementId),
  'risks.exportXlsx': (ctx, input) => exportRisksXlsx(ctx, input.engagementId),
  'risks.exportCsv': (ctx, input) => exportRisksCsv(ctx, input.engagementId),
  'risks.importPreview': (ctx, input) => previewRiskImport(ctx, input),
  'risks.importCommit': (ctx, input) => commitRiskImport(ctx, input),
  'impactAssessments.list': (ctx, input) => listImpactAssessments(ctx, input),
  'impactAssessments.create': (ctx, input) => createImpactAssessment(ctx, input),
  'impactAssessments.update': (ctx, input) => updateImpactAssessment(ctx, input),
  'impactAssessments.delete': (ctx, input) => deleteImpactAssessment(ctx, input.id),
  'reports.export': async (ctx, input) => {
    const { path: _path, ...result } = await exportReport(ctx, input);
    return result;
  },
  'identities.list': (ctx) => listIdentities(ctx),
  'identities.create': (ctx, input) => createIdentity(ctx, input),
  'identities.import': (ctx, input) => importIdentity(ctx, input),
  'identities.delete': (ctx, input) => deleteIdentity(ctx, input.id),
  'verify.incoming': (ctx, input) => verifyIncoming(ctx, input),
  'packs.export': (ctx, input) => exportPack(ctx, input),
  'packs.readChunk': (ctx, input) => readExportChunk(ctx, input),
  'packs.importIncoming': (ctx, input) => importIncomingPack(ctx, input),
  'packs.list': (ctx) => listPacks(ctx),
  'packs.get': (ctx, input) => getPack(ctx, input),
  'packs.readFile': (ctx, input) => readPackFile(ctx, input),
  'incoming.begin': (ctx, input) => beginIncoming(ctx, input),
  'incoming.chunk': (ctx, input) => appendIncoming(ctx, input),
  'incoming.end': (ctx, input) => finishIncoming(ctx, input.incomingId),
  'incoming.abort': (ctx, input) => abortIncoming(ctx, input.incomingId),
};

export interface Dispatcher {
  dispatch(name: string, input: unknown): Promise<Result<unknown>>;
}

export interface DispatchOptions {
  /** Check every output against its contract too (tests and development). */
  validateOutput?: boolean;
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * Validates input with the command's zod schema, runs the handler and wraps the outcome in the
 * envelope. Nothing throws across the boundary, and no stack trace or SQL text leaves it.
 */
export function createDispatcher(ctx: CoreContext, options: DispatchOptions = {}): Dispatcher {
  return {
    async dispatch(name, raw) {
      if (!isCommandName(name)) {
        return {
          ok: false,
          error: {
            code: 'UNKNOWN_COMMAND',
            message: `There is no command named "${String(name).slice(0, 100)}".`,
          },
        };
      }
      const contract = contracts[name];
      // Only a missing input means "no fields"; null or any other non-object is refused.
      const parsed = contract.input.safeParse(raw === undefined ? {} : raw);
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error);
        return {
          ok: false,
          error: { code: 'VALIDATION', message: describeIssues(issues), details: { issues } },
        };
      }
      try {
        const handler = handlers[name] as Handler<typeof name>;
        const value = await handler(ctx, parsed.data as never);
        if (options.validateOutput) (contract.output as z.ZodType).parse(value);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof CommandFailure) {
          return {
            ok: false,
            error: {
              code: error.code,
              message: error.message,
              ...(error.details ? { details: error.details } : {}),
            },
          };
        }
        options.onInternalError?.(name, error);
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `Assay could not complete "${name}". Nothing was changed; the details are in the log.`,
          },
        };
      }
    },
  };
}
