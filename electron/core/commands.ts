import type { Handlers } from './handler';
import { appHandlers } from './app';
import { catalogHandlers } from './catalog';
import { crosswalkHandlers } from './crosswalks';
import { euAiActHandlers } from './eu-ai-act';
import { iso27001Handlers } from './iso27001';
import { engagementHandlers } from './engagements';
import { assessmentHandlers } from './assessments';
import { sessionHandlers } from './sessions';
import { responseHandlers } from './responses';
import { findingHandlers } from './findings';
import { soaHandlers } from './soa';
import { readinessHandlers } from './readiness';
import { documentHandlers } from './documented-information';
import { evidenceHandlers } from './evidence';
import { aiSystemHandlers } from './ai-systems';
import { riskHandlers } from './risks';
import { impactAssessmentHandlers } from './impact-assessments';
import { reportHandlers } from './reports';
import { brandingHandlers } from './branding';
import { identityHandlers } from './identities';
import { verifyHandlers } from './verify';
import { packHandlers } from './packs';
import { transferHandlers } from './transfer';
import { trustHandlers } from './trust';
import { cycleHandlers } from './cycle';
import { comparisonHandlers } from './comparison';
import { correctiveActionHandlers } from './corrective-actions';
import { auditHandlers } from './audits';
import { managementReviewHandlers } from './management-reviews';
import { conflictHandlers } from './sync';
import { exchangeHandlers } from './exchange';

/**
 * The one registry: the domains' handler maps merged. Every contract in shared/ has exactly one
 * handler (the `Handlers` type fails typecheck when a domain leaves one out).
 */
export const handlers: Handlers = {
  ...appHandlers,
  ...catalogHandlers,
  ...crosswalkHandlers,
  ...euAiActHandlers,
  ...iso27001Handlers,
  ...engagementHandlers,
  ...assessmentHandlers,
  ...sessionHandlers,
  ...responseHandlers,
  ...findingHandlers,
  ...soaHandlers,
  ...readinessHandlers,
  ...documentHandlers,
  ...evidenceHandlers,
  ...aiSystemHandlers,
  ...riskHandlers,
  ...impactAssessmentHandlers,
  ...reportHandlers,
  ...brandingHandlers,
  ...identityHandlers,
  ...verifyHandlers,
  ...packHandlers,
  ...transferHandlers,
  ...trustHandlers,
  ...cycleHandlers,
  ...comparisonHandlers,
  ...correctiveActionHandlers,
  ...auditHandlers,
  ...managementReviewHandlers,
  ...conflictHandlers,
  ...exchangeHandlers,
};
