import type { Core } from '../../electron/core/start';
import type { Assessment } from '../../shared/contracts/assessments';
import { documentItems } from '../../shared/rules/documented-information';
import { call } from './evidence';

export const FW = 'iso-iec-42001-2023';
export const req = (ref: string) => `${FW}:${ref}`;

/** Every assessable requirement of the shipped catalog, by ref, read through the app. */
export async function assessableRefs(core: Core): Promise<string[]> {
  const catalog = await call<{ requirements: { ref: string; assessable: boolean }[] }>(
    core,
    'catalog.get',
    { frameworkId: FW },
  );
  return catalog.requirements.filter((r) => r.assessable).map((r) => r.ref);
}

/** A new engagement with one assessment, through the commands. */
export async function newAssessment(
  core: Core,
  title = 'Certification readiness',
): Promise<Assessment> {
  const engagement = await call<{ id: string }>(core, 'engagements.create', {
    clientName: 'Northwind Analytics',
    aimsScope: 'Credit-scoring models and the customer chatbot',
    leadAssessor: 'R. Costa',
  });
  return call<Assessment>(core, 'assessments.create', { engagementId: engagement.id, title });
}

export interface PrepareOptions {
  /** The requirements to answer conformant (default: all). */
  answer?: (refs: string[]) => string[];
  /** The controls to record an SoA decision for (default: all 38). */
  decide?: (controls: string[]) => string[];
}

/**
 * Prepares an assessment through the app as a certification body would want it: every
 * requirement conformant, the SoA decided with reasons, every document in place. The options
 * leave part of it undone, as the cases of issue 12 do.
 */
export async function prepareThroughApp(
  core: Core,
  assessmentId: string,
  options: PrepareOptions = {},
): Promise<string[]> {
  const refs = await assessableRefs(core);
  const { answer = (all) => all, decide = (all) => all } = options;
  for (const ref of answer(refs)) {
    await call(core, 'responses.save', {
      assessmentId,
      requirementId: req(ref),
      result: 'conformant',
    });
  }
  for (const ref of decide(refs.filter((r) => r.startsWith('A.')))) {
    await call(core, 'soa.save', {
      assessmentId,
      requirementId: req(ref),
      applicable: true,
      justification: `Treats the AI risks of the systems in scope (${ref}).`,
      implementationStatus: 'implemented',
    });
  }
  for (const item of documentItems) {
    await call(core, 'documents.save', {
      assessmentId,
      key: item.key,
      exists: true,
      approved: true,
      current: true,
      owner: 'Head of AI Governance',
      reviewDate: '2099-06-30',
      reference: `${item.key.toUpperCase()} v1`,
    });
  }
  return refs;
}
