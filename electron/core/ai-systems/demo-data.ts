/** The demo client's AI systems, written plainly for a mid-sized retail lender. */

export const demoSystems = [
  {
    key: 'credit',
    name: 'Credit scoring model',
    purpose: 'Scores consumer loan applications to support approve/refer/decline decisions.',
    intendedUse:
      'Decision support for underwriters on personal loans up to 25,000; not for mortgages.',
    orgRole: 'producer',
    lifecycleStage: 'operation',
    modelType: 'Gradient-boosted trees',
    dataCategories: ['personal', 'financial'],
    deploymentContext: 'Loan origination platform, called for every online and branch application.',
    affectedParties: ['Loan applicants', 'Underwriters', 'Collections team'],
    owner: 'Head of Credit Risk',
    thirdParties: ['Credit reference agency'],
    // Built and run in-house: the lender is its provider and its deployer (Annex III point 5).
    euAiActRoles: ['provider', 'deployer'],
    euAiActRiskClass: 'high-risk',
    euAiActAnnexIiiPoint: 5,
  },
  {
    key: 'chatbot',
    name: 'Customer support assistant',
    purpose: 'Answers customer questions about accounts, cards and payments in the mobile app.',
    intendedUse: 'First-line answers and hand-over to a human agent; never changes account data.',
    orgRole: 'customer',
    lifecycleStage: 'deployment',
    modelType: 'Third-party large language model with retrieval',
    dataCategories: ['personal', 'financial', 'telemetry'],
    deploymentContext: 'Mobile app and website chat, 24/7.',
    affectedParties: ['Retail customers', 'Contact-centre agents'],
    owner: 'Director of Customer Operations',
    thirdParties: ['LLM API provider', 'Chat platform vendor'],
    euAiActRoles: ['deployer'],
    euAiActRiskClass: 'limited-transparency',
    euAiActAnnexIiiPoint: null,
  },
  {
    key: 'cv',
    name: 'CV screening tool',
    purpose: 'Ranks job applications against role requirements for recruiters.',
    intendedUse: 'Shortlisting support for high-volume roles; a recruiter reviews every rejection.',
    orgRole: 'customer',
    lifecycleStage: 'verification',
    modelType: 'Vendor ranking model (text classification)',
    dataCategories: ['personal', 'special-category'],
    deploymentContext: 'HR applicant tracking system, used by the central recruitment team.',
    affectedParties: ['Job applicants', 'Recruiters', 'Hiring managers'],
    owner: 'Head of Talent Acquisition',
    thirdParties: ['HR software vendor'],
    // Bought from a vendor and used in recruitment: the lender deploys it (Annex III point 4).
    euAiActRoles: ['deployer'],
    euAiActRiskClass: 'high-risk',
    euAiActAnnexIiiPoint: 4,
  },
] as const;

export type DemoSystemKey = (typeof demoSystems)[number]['key'];
