/**
 * EU AI Act scoping of one AI system: the organisation's role(s) towards it and the system's risk
 * class. Role ids are the same as the organisation-level scoping question `eu-ai-act-role` of the
 * ISO/IEC 42001 catalog, so the two can be compared.
 */
export const euAiActRoles = [
  'provider',
  'deployer',
  'importer',
  'distributor',
  'authorised-representative',
] as const;
export type EuAiActRole = (typeof euAiActRoles)[number];

export const euAiActRoleLabels: Record<EuAiActRole, string> = {
  provider: 'Provider',
  deployer: 'Deployer',
  importer: 'Importer',
  distributor: 'Distributor',
  'authorised-representative': 'Authorised representative',
};

export const euAiActRiskClasses = [
  'prohibited',
  'high-risk',
  'limited-transparency',
  'minimal',
  'general-purpose-model',
  'general-purpose-model-systemic',
] as const;
export type EuAiActRiskClass = (typeof euAiActRiskClasses)[number];

export const euAiActRiskClassLabels: Record<EuAiActRiskClass, string> = {
  prohibited: 'Prohibited practice (Article 5)',
  'high-risk': 'High-risk (Article 6)',
  'limited-transparency': 'Transparency obligations only (Article 50)',
  minimal: 'Minimal risk',
  'general-purpose-model': 'General-purpose AI model (Chapter V)',
  'general-purpose-model-systemic': 'General-purpose AI model with systemic risk (Chapter V)',
};

/** The eight areas of Annex III; each is the catalog entry `Annex III, point <n>`. */
export const annexIiiPoints = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type AnnexIiiPoint = (typeof annexIiiPoints)[number];
export const annexIiiRef = (point: number): string => `Annex III, point ${point}`;

export interface EuAiActScoping {
  roles: EuAiActRole[];
  riskClass: EuAiActRiskClass | null;
  /** Only for a high-risk system; null there means high-risk through Annex I product legislation. */
  annexIiiPoint: AnnexIiiPoint | null;
}
