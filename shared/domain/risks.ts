/** Controlled values of the AI system inventory, risk register and impact assessments. */

export const lifecycleStages = [
  'concept',
  'design',
  'development',
  'verification',
  'deployment',
  'operation',
  'retirement',
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  concept: 'Concept',
  design: 'Design',
  development: 'Development',
  verification: 'Verification and validation',
  deployment: 'Deployment',
  operation: 'Operation and monitoring',
  retirement: 'Retirement',
};

export const dataCategories = [
  'personal',
  'special-category',
  'children',
  'criminal-offence',
  'biometric',
  'financial',
  'confidential-business',
  'public',
  'synthetic',
  'telemetry',
  'other',
] as const;
export type DataCategory = (typeof dataCategories)[number];

export const dataCategoryLabels: Record<DataCategory, string> = {
  personal: 'Personal data',
  'special-category': 'Special-category personal data (health, ethnicity, beliefs …)',
  children: "Children's data",
  'criminal-offence': 'Criminal-offence data',
  biometric: 'Biometric data',
  financial: 'Financial data',
  'confidential-business': 'Confidential business data',
  public: 'Public data',
  synthetic: 'Synthetic data',
  telemetry: 'Telemetry and logs',
  other: 'Other',
};

export const treatmentOptions = ['modify', 'avoid', 'share', 'retain'] as const;
export type TreatmentOption = (typeof treatmentOptions)[number];

export const treatmentLabels: Record<TreatmentOption, string> = {
  modify: 'Modify (reduce with controls)',
  avoid: 'Avoid',
  share: 'Share (transfer)',
  retain: 'Retain',
};

export const riskStatuses = ['open', 'in-treatment', 'treated', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

export const riskStatusLabels: Record<RiskStatus, string> = {
  open: 'Open',
  'in-treatment': 'In treatment',
  treated: 'Treated',
  accepted: 'Accepted',
  closed: 'Closed',
};

export const impactAreas = [
  'fairness',
  'privacy',
  'safety',
  'transparency',
  'accountability',
  'environment',
  'human-rights',
  'other',
] as const;
export type ImpactArea = (typeof impactAreas)[number];

export const impactAreaLabels: Record<ImpactArea, string> = {
  fairness: 'Fairness',
  privacy: 'Privacy',
  safety: 'Safety',
  transparency: 'Transparency',
  accountability: 'Accountability',
  environment: 'Environment',
  'human-rights': 'Human rights',
  other: 'Other',
};

export const affectedKinds = ['individuals', 'groups', 'society'] as const;
export type AffectedKind = (typeof affectedKinds)[number];

/** Impact assessments use a fixed 1–5 scale for severity and likelihood. */
export const impactScaleMax = 5;

export const FRAMEWORK_42001 = 'iso-iec-42001-2023';
