/**
 * Demo records of the documented-information register. No random draw: the demo orchestrator's
 * generator keeps the same sequence for every room after this one.
 *
 * - The small demo's client is two thirds through: most items in place, a few in draft, missing,
 *   out of date or not looked at yet — so the Readiness screen has something to say at each stage.
 * - A prepared client (the large demo's last) has every item in place: with its answers, SoA and
 *   findings prepared too, it is ready at both stages.
 */
import type { ParsedInput } from '../../../shared/contracts';
import type { DocumentKey } from '../../../shared/rules/documented-information';
import { documentItems } from '../../../shared/rules/documented-information';
import type { CoreContext } from '../context';
import { saveDocument } from './write';

/** A record as the demo writes it: the command's fields, with evidence named by title. */
type DemoRecord = Omit<
  ParsedInput<'documents.save'>,
  'assessmentId' | 'key' | 'notes' | 'evidenceIds'
> & {
  notes?: string;
  /** Titles of the client's evidence that shows the item (linked where the client has them). */
  evidence?: string[];
};

const inPlace = (owner: string, reference: string, evidence: string[] = []): DemoRecord => ({
  exists: true,
  approved: true,
  current: true,
  owner,
  reviewDate: '2027-10-31',
  reference,
  evidence,
});

/** The small demo client's register; items not listed have no record yet. */
const twoThirdsThrough: Partial<Record<DocumentKey, DemoRecord>> = {
  'aims-scope': inPlace('Chief Risk Officer', 'AIMS-01 scope statement v2'),
  'ai-policy': inPlace('Chief Risk Officer', 'POL-AI-01 v3, policy portal', [
    'AI policy',
    'AI policy (signed)',
  ]),
  'risk-criteria': inPlace('Model Risk Manager', 'MRM-02 AI risk criteria v1'),
  'risk-assessment-process': inPlace('Model Risk Manager', 'MRM-03 AI risk assessment method'),
  'risk-treatment-process': {
    exists: true,
    approved: false,
    current: true,
    owner: 'Model Risk Manager',
    reviewDate: null,
    reference: 'MRM-04 treatment plan (draft 0.4)',
    notes: 'Waiting for sign-off at the risk committee; the plan itself is complete.',
  },
  soa: {
    exists: true,
    approved: true,
    current: false,
    owner: 'Head of AI Governance',
    reviewDate: '2027-03-31',
    reference: 'SOA-AI v1 (2025)',
    notes: 'Approved last year before the chatbot went live; it does not cover the new systems.',
  },
  'impact-assessment-process': inPlace('Data Protection Officer', 'DPO-07 AI impact assessment'),
  'ai-objectives': inPlace('Chief Risk Officer', 'AI objectives 2026, board pack March'),
  'competence-evidence': inPlace('Head of Data Science', 'Training matrix 2026', [
    'Training records',
  ]),
  'determined-necessary': inPlace('Head of AI Governance', 'Document register DR-AI'),
  'operational-records': inPlace('Model Risk Manager', 'Release and change log', ['Incident log']),
  'risk-assessment-results': inPlace('Model Risk Manager', 'AI risk register 2026', [
    'AI risk register',
  ]),
  'risk-treatment-results': {
    exists: false,
    approved: false,
    current: false,
    owner: 'Model Risk Manager',
    reviewDate: null,
    reference: '',
    notes: 'Treatment progress is tracked in e-mails only; no record of what was done.',
  },
  'impact-assessment-results': {
    exists: true,
    approved: true,
    current: true,
    owner: 'Data Protection Officer',
    reviewDate: '2026-09-30',
    reference: 'Impact assessments folder, 2025 round',
    notes: 'The yearly review was due at the end of September.',
    evidence: ['Impact assessment — fraud model'],
  },
  'monitoring-results': inPlace('Head of Data Science', 'Model monitoring dashboard', [
    'Monitoring dashboard',
    'Drift chart Q3',
  ]),
  'internal-audit-programme': inPlace('Head of Internal Audit', 'Audit plan 2026', [
    'Internal audit plan',
  ]),
  'internal-audit-results': inPlace('Head of Internal Audit', 'IA-2025-14 AI governance audit', [
    'Audit report 2025',
  ]),
  'management-review-results': {
    exists: true,
    approved: false,
    current: true,
    owner: 'Chief Executive Officer',
    reviewDate: null,
    reference: 'Management review minutes (draft)',
    notes: 'The review is planned for next month; the minutes are a template so far.',
    evidence: ['Management review minutes'],
  },
  'corrective-actions': inPlace('Head of AI Governance', 'Issue log in the GRC tool'),
  'technical-documentation': inPlace('Head of Data Science', 'Model cards', [
    'Model card — credit scoring',
  ]),
  'deployment-plan': {
    exists: false,
    approved: false,
    current: false,
    owner: 'IT Service Manager',
    reviewDate: null,
    reference: '',
  },
  'incident-communication-plan': inPlace('Director of Customer Operations', 'IR-05 comms plan'),
};

/** Owners for a prepared client's register, by item, in the standard's order. */
const preparedOwner = (key: DocumentKey): string =>
  key.startsWith('internal-audit')
    ? 'Head of Internal Audit'
    : key === 'management-review-results'
      ? 'Chief Executive Officer'
      : 'Head of AI Governance';

export interface DocumentsDemoOptions {
  assessmentId: string;
  /** The client's evidence, to link by title; empty where the demo stores no files. */
  evidence: readonly { id: string; title: string }[];
  /** Every item in place (the large demo's prepared client). */
  prepared: boolean;
}

/** Records the register through the room's own command path (one audited transaction each). */
export function seedDocumentsDemo(ctx: CoreContext, options: DocumentsDemoOptions): number {
  const byTitle = new Map(options.evidence.map((e) => [e.title, e.id]));
  let written = 0;
  for (const item of documentItems) {
    const record = options.prepared
      ? inPlace(preparedOwner(item.key), `${item.label}, approved version`)
      : twoThirdsThrough[item.key];
    if (!record) continue;
    const { evidence = [], notes = '', ...fields } = record;
    saveDocument(ctx, {
      assessmentId: options.assessmentId,
      key: item.key,
      ...fields,
      notes,
      evidenceIds: evidence.flatMap((title) => {
        const id = byTitle.get(title);
        return id ? [id] : [];
      }),
    });
    written += 1;
  }
  return written;
}
