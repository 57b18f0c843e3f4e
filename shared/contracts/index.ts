import type { z } from 'zod';
import { appContracts } from './app';
import { catalogContracts } from './catalog';
import { crosswalkContracts } from './crosswalks';
import { euAiActContracts } from './eu-ai-act';
import { iso27001Contracts } from './iso27001';
import { engagementContracts } from './engagements';
import { evidenceContracts } from './evidence';
import { assessmentContracts } from './assessments';
import { sessionContracts } from './sessions';
import { responseContracts } from './responses';
import { findingContracts } from './findings';
import { soaContracts } from './soa';
import { readinessContracts } from './readiness';
import { documentContracts } from './documents';
import { aiSystemContracts } from './ai-systems';
import { riskContracts } from './risks';
import { riskSheetContracts } from './risk-sheets';
import { impactAssessmentContracts } from './impact-assessments';
import { reportContracts } from './reports';
import { recordReportContracts } from './record-reports';
import { brandingContracts } from './branding';
import { identityContracts } from './identities';
import { packContracts } from './packs';
import { incomingContracts } from './incoming';
import { trustContracts } from './trust';
import { cycleContracts } from './cycle';
import { comparisonContracts } from './comparison';
import { correctiveActionContracts } from './corrective-actions';
import { auditContracts } from './audits';
import { auditChecklistContracts } from './audit-checklist';
import { managementReviewContracts } from './management-reviews';
import { conflictContracts } from './conflicts';
import { exchangeContracts } from './exchange';

/** Every command of Assay, by name. The preload allow-list and both transports derive from this. */
export const contracts = {
  ...appContracts,
  ...catalogContracts,
  ...crosswalkContracts,
  ...euAiActContracts,
  ...iso27001Contracts,
  ...engagementContracts,
  ...evidenceContracts,
  ...assessmentContracts,
  ...sessionContracts,
  ...responseContracts,
  ...findingContracts,
  ...soaContracts,
  ...readinessContracts,
  ...documentContracts,
  ...aiSystemContracts,
  ...riskContracts,
  ...riskSheetContracts,
  ...impactAssessmentContracts,
  ...reportContracts,
  ...recordReportContracts,
  ...brandingContracts,
  ...identityContracts,
  ...packContracts,
  ...incomingContracts,
  ...trustContracts,
  ...cycleContracts,
  ...comparisonContracts,
  ...correctiveActionContracts,
  ...auditContracts,
  ...auditChecklistContracts,
  ...managementReviewContracts,
  ...conflictContracts,
  ...exchangeContracts,
};

export type Contracts = typeof contracts;
export type CommandName = keyof Contracts;
export type CommandInput<N extends CommandName> = z.input<Contracts[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<Contracts[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Contracts[N]['output']>;

export const commandNames = Object.keys(contracts) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}
