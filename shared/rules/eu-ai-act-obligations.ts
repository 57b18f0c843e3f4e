import type { EuAiActRiskClass, EuAiActRole, EuAiActScoping } from '../domain/eu-ai-act';

/**
 * The EU AI Act obligations an organisation carries for its AI systems, from each system's role
 * and risk class. Titles, summaries and the "beyond 42001" statements are our own plain-language
 * reading, not the Regulation's text; the articles named are where the obligation lives.
 */
export interface Obligation {
  id: string;
  title: string;
  /** What the obligation asks, in one or two sentences of our own. */
  summary: string;
  /** Entries of the EU AI Act catalog where the obligation lives (articles or annexes). */
  articles: string[];
  /**
   * partial: ISO/IEC 42001 requirements cover part of it (the crosswalk has rows that cover part
   * or are equivalent); none: 42001 does not cover it, though some requirements may help.
   */
  coverage: 'partial' | 'none';
  /** What meeting ISO/IEC 42001 does not give you here, said plainly. */
  beyond42001: string;
  /** When only some organisations in the role carry it. */
  condition?: (system: SystemScope) => string | undefined;
  applies: (system: SystemScope) => boolean;
}

export interface SystemScope extends EuAiActScoping {
  id: string;
  name: string;
}

const has = (s: SystemScope, role: EuAiActRole) => s.roles.includes(role);
const is = (s: SystemScope, ...classes: EuAiActRiskClass[]) =>
  s.riskClass !== null && classes.includes(s.riskClass);
const highRiskProvider = (s: SystemScope) => is(s, 'high-risk') && has(s, 'provider');
const highRiskDeployer = (s: SystemScope) => is(s, 'high-risk') && has(s, 'deployer');
const gpaiProvider = (s: SystemScope) =>
  is(s, 'general-purpose-model', 'general-purpose-model-systemic') && has(s, 'provider');

export const obligations: readonly Obligation[] = [
  {
    id: 'prohibited-practice',
    title: 'Stop a prohibited practice',
    summary:
      'A system that falls under Article 5 may not be placed on the EU market, put into service or used there at all.',
    articles: ['Article 5'],
    coverage: 'none',
    beyond42001:
      'No management system makes a prohibited practice lawful. The system has to be withdrawn or redesigned so it no longer falls under Article 5.',
    applies: (s) => is(s, 'prohibited'),
  },
  {
    id: 'ai-literacy',
    title: 'AI literacy of staff',
    summary:
      'Providers and deployers take measures so that the people who operate or use AI systems on their behalf understand them well enough for their role.',
    articles: ['Article 4'],
    coverage: 'partial',
    beyond42001:
      'It reaches everyone who deals with AI systems for the organisation, whatever the risk class, not only the roles whose competence 42001 asks to manage.',
    applies: (s) => (has(s, 'provider') || has(s, 'deployer')) && !is(s, 'prohibited'),
  },
  {
    id: 'risk-management',
    title: 'Risk management system',
    summary:
      'A documented, repeated risk management process for each high-risk system over its whole life: known and foreseeable risks to health, safety and fundamental rights, misuse, measures and testing.',
    articles: ['Article 9'],
    coverage: 'partial',
    beyond42001:
      '42001 assesses and treats AI risks for the organisation; the Act wants the process per system across its life, tested against set metrics and with attention to minors and vulnerable groups.',
    applies: highRiskProvider,
  },
  {
    id: 'data-governance',
    title: 'Data and data governance',
    summary:
      'Training, validation and test data sets are governed and meet quality criteria: relevant, representative, as free of errors and as complete as possible, examined for bias.',
    articles: ['Article 10'],
    coverage: 'partial',
    beyond42001:
      'The Act fixes quality criteria for the data sets and sets the narrow conditions under which special categories of personal data may be processed to detect bias.',
    applies: highRiskProvider,
  },
  {
    id: 'technical-documentation',
    title: 'Technical documentation',
    summary:
      'Technical documentation showing the system meets the requirements is drawn up before it is placed on the market and kept up to date.',
    articles: ['Article 11', 'Annex IV'],
    coverage: 'partial',
    beyond42001:
      'Its minimum content is fixed by Annex IV; 42001 leaves the content of technical documentation to the organisation.',
    applies: highRiskProvider,
  },
  {
    id: 'record-keeping',
    title: 'Record-keeping and logs',
    summary:
      'The system records events automatically over its lifetime so that its operation can be traced, and the provider keeps the logs under its control.',
    articles: ['Article 12', 'Article 19'],
    coverage: 'partial',
    beyond42001:
      'Logging must be built into the system itself, and logs under the provider’s control are kept for at least six months.',
    applies: highRiskProvider,
  },
  {
    id: 'transparency-to-deployers',
    title: 'Transparency and instructions for use',
    summary:
      'The system is transparent enough for deployers to interpret and use its output, and comes with instructions for use.',
    articles: ['Article 13'],
    coverage: 'partial',
    beyond42001:
      'The instructions must carry the items the Act lists, such as the declared accuracy, known limitations, oversight measures and expected lifetime.',
    applies: highRiskProvider,
  },
  {
    id: 'human-oversight',
    title: 'Human oversight',
    summary:
      'The system is designed so that people can oversee it while in use: understand its limits, interpret its output, and override or stop it.',
    articles: ['Article 14'],
    coverage: 'none',
    beyond42001:
      '42001 has no control dedicated to human oversight; the Act wants oversight designed into the system, with measures matched to its risks.',
    applies: highRiskProvider,
  },
  {
    id: 'accuracy-robustness-cybersecurity',
    title: 'Accuracy, robustness and cybersecurity',
    summary:
      'The system reaches an appropriate, declared level of accuracy and is resilient to errors, faults and attempts to manipulate it.',
    articles: ['Article 15'],
    coverage: 'partial',
    beyond42001:
      'These are properties of the system the provider must achieve and state, including resistance to data poisoning and adversarial inputs; 42001 asks for verification, not for these levels.',
    applies: highRiskProvider,
  },
  {
    id: 'quality-management',
    title: 'Quality management system',
    summary:
      'The provider runs a documented quality management system covering compliance strategy, design and development, testing, data management, risk management, post-market monitoring, incidents, communication, records, resources and accountability.',
    articles: ['Article 17'],
    coverage: 'partial',
    beyond42001:
      'Article 17 names elements an AIMS may lack: a regulatory compliance strategy including conformity assessment, data management procedures, post-market monitoring and serious incident reporting.',
    applies: highRiskProvider,
  },
  {
    id: 'documentation-keeping',
    title: 'Keeping documentation for the authorities',
    summary:
      'The technical documentation, the quality management documentation, notified body decisions and the EU declaration of conformity stay available to the authorities.',
    articles: ['Article 18'],
    coverage: 'partial',
    beyond42001: 'The Act fixes the period: ten years after the system is placed on the market.',
    applies: highRiskProvider,
  },
  {
    id: 'corrective-actions',
    title: 'Corrective action and cooperation with authorities',
    summary:
      'A system found not to conform is corrected, withdrawn, disabled or recalled at once, others in the value chain are told, and authorities get the information they ask for.',
    articles: ['Article 20', 'Article 21'],
    coverage: 'partial',
    beyond42001:
      'Withdrawal, recall, informing distributors, deployers and importers, and handing documentation and logs to an authority on request go beyond 42001’s corrective action.',
    applies: highRiskProvider,
  },
  {
    id: 'conformity-assessment',
    title: 'Conformity assessment',
    summary:
      'Before it is placed on the market the system passes the conformity assessment procedure that applies to it.',
    articles: ['Article 43', 'Annex VI', 'Annex VII'],
    coverage: 'none',
    beyond42001:
      'ISO/IEC 42001 certification is not a conformity assessment under the Act. Annex III points 2 to 8 use internal control (Annex VI); biometric systems may need a notified body (Annex VII); Annex I products follow their own legislation.',
    applies: highRiskProvider,
  },
  {
    id: 'eu-declaration',
    title: 'EU declaration of conformity',
    summary: 'The provider draws up and signs an EU declaration of conformity for each system.',
    articles: ['Article 47', 'Annex V'],
    coverage: 'none',
    beyond42001: '42001 has nothing like it; the declaration’s content is fixed by Annex V.',
    applies: highRiskProvider,
  },
  {
    id: 'ce-marking',
    title: 'CE marking',
    summary:
      'The CE marking is affixed to the system, or to its packaging or documentation, before it is placed on the market.',
    articles: ['Article 48'],
    coverage: 'none',
    beyond42001: '42001 has nothing like it.',
    applies: highRiskProvider,
  },
  {
    id: 'registration',
    title: 'Registration in the EU database',
    summary:
      'A high-risk system listed in Annex III is registered in the EU database before it is placed on the market or put into service.',
    articles: ['Article 49', 'Article 71'],
    coverage: 'none',
    beyond42001: '42001 has nothing like it; the information to submit is set in Annex VIII.',
    condition: (s) =>
      s.annexIiiPoint === 2
        ? 'Critical infrastructure (Annex III point 2) is registered at national level instead.'
        : s.annexIiiPoint === null
          ? 'Applies to Annex III systems; a system that is high-risk through Annex I product legislation is not registered this way.'
          : undefined,
    applies: highRiskProvider,
  },
  {
    id: 'post-market-monitoring',
    title: 'Post-market monitoring',
    summary:
      'The provider collects and analyses data on the system’s performance in use, under a documented post-market monitoring plan.',
    articles: ['Article 72'],
    coverage: 'partial',
    beyond42001:
      'The Act wants a written plan per system, part of its technical documentation and following the Commission’s template.',
    applies: highRiskProvider,
  },
  {
    id: 'serious-incident-reporting',
    title: 'Reporting serious incidents',
    summary:
      'Serious incidents are reported to the market surveillance authority of the Member State where they happened.',
    articles: ['Article 73'],
    coverage: 'partial',
    beyond42001:
      'The recipient and the deadlines are fixed: at most 15 days after becoming aware, sooner after a death or a widespread incident.',
    applies: highRiskProvider,
  },
  {
    id: 'deployer-use',
    title: 'Use, oversight and monitoring by the deployer',
    summary:
      'The deployer uses the system according to its instructions, gives oversight to competent people, keeps input data relevant, monitors operation, reports risks and incidents and keeps the logs.',
    articles: ['Article 26'],
    coverage: 'partial',
    beyond42001:
      'The Act adds duties 42001 does not name: logs kept for at least six months, workers’ representatives informed before use at the workplace, and people told when a high-risk system is used to decide about them.',
    applies: highRiskDeployer,
  },
  {
    id: 'fundamental-rights-impact-assessment',
    title: 'Fundamental rights impact assessment',
    summary:
      'Before first use, certain deployers assess the system’s impact on fundamental rights and notify the results to the market surveillance authority.',
    articles: ['Article 27'],
    coverage: 'none',
    beyond42001:
      '42001’s AI system impact assessment can feed it, but the content of this assessment is fixed by the Act and its results are notified to the authority on a set template.',
    condition: (s) =>
      s.annexIiiPoint === 5
        ? 'Applies to deployers of credit-scoring and life or health insurance pricing systems (Annex III point 5), and to public bodies and private providers of public services.'
        : 'Applies only to deployers that are public bodies or private entities providing public services.',
    applies: (s) => highRiskDeployer(s) && s.annexIiiPoint !== 2,
  },
  {
    id: 'right-to-explanation',
    title: 'Explanations to affected people',
    summary:
      'A person affected by a decision based on the system’s output can obtain from the deployer a clear explanation of the system’s role in it.',
    articles: ['Article 86'],
    coverage: 'none',
    beyond42001:
      '42001 asks for information to users and interested parties, not for an explanation owed to each person a decision affects.',
    applies: (s) => highRiskDeployer(s) && s.annexIiiPoint !== null && s.annexIiiPoint !== 2,
  },
  {
    id: 'deployer-registration',
    title: 'Registration of use by public authorities',
    summary:
      'Deployers that are public authorities register their use of the system in the EU database.',
    articles: ['Article 49'],
    coverage: 'none',
    beyond42001: '42001 has nothing like it.',
    condition: () =>
      'Applies only to deployers that are public authorities or act on their behalf.',
    applies: (s) => highRiskDeployer(s) && s.annexIiiPoint !== null,
  },
  {
    id: 'importer-checks',
    title: 'Importer checks',
    summary:
      'Before placing the system on the EU market the importer checks that the provider carried out the conformity assessment, drew up the documentation, affixed the CE marking and appointed a representative.',
    articles: ['Article 23'],
    coverage: 'none',
    beyond42001:
      '42001’s supplier controls help organise such checks, but do not ask for these ones, nor for the importer’s name on the system or ten years of keeping copies.',
    applies: (s) => is(s, 'high-risk') && has(s, 'importer'),
  },
  {
    id: 'distributor-checks',
    title: 'Distributor checks',
    summary:
      'Before making the system available the distributor checks its CE marking, declaration of conformity and instructions, and acts if it has reason to think the system does not conform.',
    articles: ['Article 24'],
    coverage: 'none',
    beyond42001: '42001 has nothing that asks for these checks.',
    applies: (s) => is(s, 'high-risk') && has(s, 'distributor'),
  },
  {
    id: 'authorised-representative',
    title: 'Tasks of the authorised representative',
    summary:
      'The representative of a provider established outside the EU carries out the tasks in its mandate: checking the documentation, keeping it available and cooperating with authorities.',
    articles: ['Article 22'],
    coverage: 'none',
    beyond42001: '42001 has nothing like it.',
    applies: (s) =>
      is(s, 'high-risk', 'general-purpose-model', 'general-purpose-model-systemic') &&
      has(s, 'authorised-representative'),
  },
  {
    id: 'transparency-to-people',
    title: 'Transparency to the people concerned',
    summary:
      'People are told when they interact with an AI system, synthetic content is marked as such, and deployers disclose emotion recognition, biometric categorisation and deep fakes.',
    articles: ['Article 50'],
    coverage: 'none',
    beyond42001:
      '42001 asks for information to users and interested parties, not for these specific notices to the people exposed nor for machine-readable marking of generated content.',
    applies: (s) =>
      is(s, 'limited-transparency', 'high-risk') && (has(s, 'provider') || has(s, 'deployer')),
    condition: (s) =>
      is(s, 'high-risk')
        ? 'For a high-risk system only where it also interacts with people or generates content.'
        : undefined,
  },
  {
    id: 'gpai-documentation',
    title: 'General-purpose model documentation and copyright',
    summary:
      'The model provider keeps technical documentation for the AI Office, gives downstream providers what they need to integrate the model, has a copyright policy and publishes a summary of the training content.',
    articles: ['Article 53', 'Annex XI', 'Annex XII'],
    coverage: 'none',
    beyond42001:
      'The documentation content is fixed by Annexes XI and XII, and a copyright policy and a public summary of training content have no counterpart in 42001.',
    applies: gpaiProvider,
  },
  {
    id: 'gpai-systemic-risk',
    title: 'Systemic-risk duties of a general-purpose model',
    summary:
      'The provider notifies the Commission, evaluates the model with adversarial testing, assesses and reduces systemic risks, reports serious incidents to the AI Office and protects the model’s cybersecurity.',
    articles: ['Article 52', 'Article 55'],
    coverage: 'none',
    beyond42001:
      'These duties concern risks at Union scale and go far beyond an organisation’s AI risk assessment; 42001 has no counterpart for them.',
    applies: (s) => is(s, 'general-purpose-model-systemic') && has(s, 'provider'),
  },
];

export interface ApplicableObligation {
  obligation: Obligation;
  /** The systems that give rise to it, each with the condition under which it applies, if any. */
  systems: { id: string; name: string; condition: string | undefined }[];
}

/** The obligations the given systems give rise to, in the order of the list above. */
export function applicableObligations(systems: readonly SystemScope[]): ApplicableObligation[] {
  return obligations.flatMap((obligation) => {
    const hit = systems
      .filter((s) => obligation.applies(s))
      .map((s) => ({ id: s.id, name: s.name, condition: obligation.condition?.(s) }));
    return hit.length > 0 ? [{ obligation, systems: hit }] : [];
  });
}

/** What is still missing before a system's obligations can be worked out, or null when scoped. */
export function scopingGap(system: EuAiActScoping): string | null {
  if (system.riskClass === null && system.roles.length === 0) return 'no role and no risk class';
  if (system.riskClass === null) return 'no risk class';
  if (system.roles.length === 0) return 'no role';
  return null;
}
