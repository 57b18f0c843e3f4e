import type { FindingGrade } from '../../../shared/domain/assessment';
import type { CauseCategory, RootCauseMethod } from '../../../shared/rules/corrective-actions';

/** What a demo action says, written for the area of the requirement its finding is raised on. */
export interface DemoPlan {
  correction: string;
  rootCauseMethod: RootCauseMethod;
  whys: string[];
  causeCategories: CauseCategory[];
  rootCause: string;
  action: string;
  /** What shows the action was carried out (used once it is completed). */
  completion: string;
}

const whys = (rootCause: string, ...chain: string[]) => ({
  rootCauseMethod: 'five-whys' as const,
  whys: chain,
  causeCategories: [],
  rootCause,
});
const categories = (rootCause: string, ...found: CauseCategory[]) => ({
  rootCauseMethod: 'cause-categories' as const,
  whys: [],
  causeCategories: found,
  rootCause,
});

/**
 * One plan per area, most specific area first ("6.1.2" before "6"); `{ref}` and `{req}` (ref and title) name the
 * finding's requirement. Our own wording throughout.
 */
const plans: [areas: string[], plan: DemoArea][] = [
  [
    ['6.1.1', '6.1.2', '8.2'],
    {
      nonconformity:
        'No AI risk assessment has been carried out for {system}, although it is in production and in scope of the AIMS.',
      observation:
        'The risk assessment of {system} was done only after its release; the release process does not ask for one.',
      correction: 'Ran the risk assessment for the two models in production that had none ({req}).',
      ...whys(
        'The release process never asked for a risk assessment, so teams did not know one was due.',
        'The models went live without an assessed risk.',
        'No step in the release asked for one.',
        'The release checklist was written before the AI risk method existed.',
      ),
      action:
        'Make a current risk assessment a release gate for every AI system and list the assessed systems in the risk register.',
      completion: 'Risk assessments of both models, and the release checklist with the new gate.',
    },
  ],
  [
    ['6.1.3', '8.3'],
    {
      nonconformity:
        'The treatment plan for {system} lists controls that were never put in place, and nobody tracks it.',
      observation: 'Treatment plans are tracked, but their due dates are not in the risk register.',
      correction: 'Put the two missing treatment controls in place and updated the treatment plan.',
      ...categories(
        'Treatment plans had no owner tracking them to completion after the risk review.',
        'process',
        'governance',
      ),
      action:
        'Give each treatment plan an owner and a date, and review open treatments monthly in the risk meeting ({req}).',
      completion: 'The treatment plan with owners and dates, and two months of risk-meeting notes.',
    },
  ],
  [
    ['6.1.4', '8.4', 'A.5'],
    {
      nonconformity:
        'The impact assessment of {system} predates its last model change and was not reviewed since.',
      observation:
        'The impact assessment of {system} was updated after its last model change only because the auditor asked; nothing in the change procedure calls for it.',
      correction: 'Completed the impact assessment of the affected system on the people it scores.',
      ...whys(
        'Impact assessments were seen as a one-off at design time, not something to redo on change.',
        'The assessment was out of date.',
        'The model changed after it was written.',
        'Nothing triggers a new assessment when a model changes.',
      ),
      action:
        'Add "impact assessment reviewed" to the change procedure for AI systems, as {req} expects.',
      completion: 'The updated change procedure and the new impact assessment.',
    },
  ],
  [
    ['4'],
    {
      nonconformity:
        "The AIMS scope does not name {system}, which is in use and within the organisation's AI activities.",
      observation:
        'The AIMS scope and the list of interested parties have not been looked at since they were set, although {system} came into use since.',
      correction: 'Updated the AIMS scope statement to name every AI system in use.',
      ...categories(
        'The scope was written once and no one was asked to keep it current.',
        'governance',
        'process',
      ),
      action:
        'Review the context and scope ({req}) at each management review and when an AI system is added or retired.',
      completion: 'The revised scope statement and the management review agenda item.',
    },
  ],
  [
    ['5', 'A.2'],
    {
      nonconformity:
        'The AI policy has not been approved by top management, and its last review is more than eighteen months old.',
      observation:
        'The AI policy is approved, but no one owns its review and no review date is set.',
      correction: 'Had the AI policy approved by top management and published it on the intranet.',
      ...whys(
        'No one owned the policy, so its approval and review were never scheduled.',
        'The policy was unapproved.',
        'Approval was never requested.',
        'The author left and the policy had no named owner.',
      ),
      action: 'Name the policy owner, set a yearly review date, and record each approval ({req}).',
      completion: 'The signed policy (version 2) and the review calendar.',
    },
  ],
  [
    ['6'],
    {
      nonconformity:
        'The AI objectives have no measures or owners, so progress on them cannot be shown.',
      observation: 'Two of the AI objectives have no measure or owner yet.',
      correction: 'Set measurable AI objectives for the year with their owners.',
      ...categories(
        'Objectives were stated as intentions, with no measure or owner.',
        'governance',
      ),
      action:
        'Write each objective with a measure, an owner and a date, and report on them quarterly ({req}).',
      completion: 'The objectives register and the first quarterly report.',
    },
  ],
  [
    ['7.2', '7.3', 'A.4.6'],
    {
      nonconformity:
        'Training records do not show that the data science team completed the responsible-AI course the competence matrix requires.',
      observation: 'New joiners complete the course, but later than the matrix asks.',
      correction: 'Enrolled the data science team in the responsible-AI course; six of seven done.',
      ...categories(
        'The competence matrix was not part of onboarding, so new staff were never assigned the course.',
        'people',
        'process',
      ),
      action:
        'Add the competence matrix to onboarding and check completion at each quarterly review ({req}).',
      completion: 'Training records of the team and the updated onboarding checklist.',
    },
  ],
  [
    ['7.5', 'A.6.2.7', 'A.4.2'],
    {
      nonconformity:
        'Two versions of the model documentation of {system} are in use; neither is under document control.',
      observation: 'Documents are controlled, but several have no named owner.',
      correction: 'Brought the affected documents under version control with an owner each.',
      ...whys(
        'Documents lived in personal folders, outside the document control process.',
        'Two versions of the same document were in use.',
        'Each team kept its own copy.',
        'There was no single place for controlled documents.',
      ),
      action: 'Keep AIMS documents only in the controlled library and remove local copies ({req}).',
      completion: 'The document library index with owners and versions.',
    },
  ],
  [
    ['7', 'A.4'],
    {
      nonconformity:
        'The resources {system} relies on (people, compute, data) are not recorded anywhere.',
      observation: 'Resources are recorded, but not reviewed when budgets change.',
      correction: 'Recorded the resources the AI systems rely on and who provides them.',
      ...categories('Resources were agreed informally between teams.', 'governance', 'technology'),
      action: 'Keep a resource record per AI system and review it with the budget ({req}).',
      completion: 'The resource record of each AI system in scope.',
    },
  ],
  [
    ['8', 'A.6'],
    {
      nonconformity:
        'Changes to {system} were deployed without the verification and approval the life-cycle procedure requires (two of five sampled).',
      observation:
        'Releases of {system} are verified, but the verification record is kept outside the release tool and was hard to find.',
      correction:
        'Stopped the release until the missing verification was done and signed off ({req}).',
      ...whys(
        'The life-cycle procedure was not built into the release tooling, so it could be skipped.',
        'The system went live without its verification record.',
        'The release tool did not ask for it.',
        'The procedure and the tooling were designed separately.',
      ),
      action:
        'Make the release tool require the verification record and a named approver before deployment ({req}).',
      completion: 'Release records of the last five deployments with their approvals.',
    },
  ],
  [
    ['9.2'],
    {
      nonconformity:
        'Internal audits of the AIMS have not been planned or performed; no audit programme exists.',
      observation:
        'The internal audit programme covers only half of the clauses, and no one owns it.',
      correction: 'Drew up the internal audit programme for the next three years.',
      ...categories('Internal audit had no owner and no budget.', 'governance', 'people'),
      action:
        'Appoint an audit lead, agree the programme with management and report coverage at each review ({req}).',
      completion: 'The approved audit programme and the first audit report.',
    },
  ],
  [
    ['9.3'],
    {
      nonconformity: 'No management review has been held in the last twelve months.',
      observation: 'The last management review was held four months late.',
      correction: 'Held the overdue management review and recorded its decisions.',
      ...categories('Reviews were cancelled when diaries were full.', 'governance'),
      action: 'Fix the review dates for the year in the board calendar ({req}).',
      completion: 'Minutes of the review and the board calendar.',
    },
  ],
  [
    ['9', '10'],
    {
      nonconformity:
        'Monitoring results of {system} are collected but never analysed or evaluated.',
      observation:
        'Monitoring results of {system} are collected, but only some are analysed, and no one is named to analyse them.',
      correction: 'Recorded the missing monitoring results and analysed the last two quarters.',
      ...whys(
        'Measures were collected but no one was asked to analyse them.',
        'Results were not evaluated.',
        'Nobody was assigned to evaluate them.',
        'The monitoring plan named sources but no reviewers.',
      ),
      action:
        'Name a reviewer for each measure and bring the analysis to the monthly AIMS meeting ({req}).',
      completion: 'The monitoring plan with reviewers and two monthly analyses.',
    },
  ],
  [
    ['A.3'],
    {
      nonconformity: 'The AI roles in the policy are not assigned to named people.',
      observation:
        'The AI roles are assigned, but without deputies: two roles were uncovered during the summer holidays.',
      correction: 'Assigned the missing AI roles and told the people concerned.',
      ...categories('Roles were described but never assigned to people.', 'people', 'governance'),
      action:
        'Keep a roles register with names and deputies and review it on staff changes ({req}).',
      completion: 'The roles register, acknowledged by each role holder.',
    },
  ],
  [
    ['A.7', 'A.4.3'],
    {
      nonconformity:
        'The origin of the training data of {system} is not documented; the team could not say where two data sets came from.',
      observation: 'Data quality checks are done for {system}, but their results are not kept.',
      correction: 'Documented where the training data of the affected model came from.',
      ...categories(
        'Data was taken from shared drives with no record of its origin or checks.',
        'data',
        'process',
      ),
      action:
        'Record origin, licence and quality checks for every data set before it is used ({req}).',
      completion: 'Data set records for the models in scope.',
    },
  ],
  [
    ['A.8'],
    {
      nonconformity:
        'Users of {system} are not told that they interact with an AI system or what its limits are.',
      observation:
        'User information for {system} exists, but it is not versioned with the releases.',
      correction: 'Published the missing user information for the affected AI system.',
      ...categories('Nobody owned what users are told about the system.', 'governance', 'process'),
      action:
        'Make user information part of the release checklist, owned by the product lead ({req}).',
      completion: 'The published user information and the updated checklist.',
    },
  ],
  [
    ['A.9'],
    {
      nonconformity: 'Use of {system} goes beyond its documented intended use.',
      observation: 'Intended-use rules exist, but users were not briefed on them.',
      correction: 'Briefed the users of the system on its intended use and its limits.',
      ...categories(
        'Use rules were written but not brought to the people using the system.',
        'people',
      ),
      action: 'Include the intended-use rules in user onboarding and recheck them yearly ({req}).',
      completion: 'Briefing records and the onboarding material.',
    },
  ],
  [
    ['A.10'],
    {
      nonconformity:
        'The model provider of {system} has not had a due-diligence review for two years.',
      observation:
        'The supplier register lists the model provider for {system} but not the date of its last due-diligence review.',
      correction: 'Completed the overdue due-diligence review of the model provider.',
      ...whys(
        'Supplier reviews were tied to contract renewal, which had been extended without a review.',
        'The supplier had not been reviewed for two years.',
        'The contract was extended automatically.',
        'Reviews were triggered only by renewals.',
      ),
      action:
        'Review AI suppliers yearly, independent of contract dates, and record the result ({req}).',
      completion: 'The supplier review record and the yearly review schedule.',
    },
  ],
];

/** A demo finding's statements for an area ({system} names the AI system), and its action. */
interface DemoArea extends DemoPlan {
  nonconformity: string;
  observation: string;
}

/** For a requirement outside every area above (a custom catalog's, say). */
const general: DemoArea = {
  nonconformity: 'The requirement {ref} is not met for {system}.',
  observation: 'The requirement {ref} is met, with room to make it more consistent.',
  correction: 'Corrected the gap found against {ref} in the system concerned.',
  ...categories('The requirement had no owner in the AIMS.', 'governance'),
  action: 'Name an owner for {req} and check it at the next internal audit.',
  completion: 'The owner’s confirmation and the audit checklist line.',
};

const within = (ref: string, area: string) => ref === area || ref.startsWith(`${area}.`);

const areaOf = (ref: string) =>
  plans.find(([areas]) => areas.some((a) => within(ref, a)))?.[1] ?? general;

/** The demo's action plan for a finding raised on requirement `ref` (`title`). */
export function demoPlanFor(ref: string, title: string): DemoPlan {
  const { nonconformity: _nc, observation: _ob, ...plan } = areaOf(ref);
  const fill = (s: string) => s.replace('{ref}', ref).replace('{req}', `${ref} ${title}`);
  return {
    ...plan,
    correction: fill(plan.correction),
    rootCause: fill(plan.rootCause),
    action: fill(plan.action),
    completion: fill(plan.completion),
  };
}

/**
 * What a demo finding on requirement `ref` says, for its grade: a gap for a nonconformity, a
 * remark for an observation or an opportunity for improvement.
 */
export function demoStatementFor(ref: string, grade: FindingGrade, system: string): string {
  const area = areaOf(ref);
  const text = grade === 'major' || grade === 'minor' ? area.nonconformity : area.observation;
  return text.replace('{ref}', ref).replace('{system}', system);
}
