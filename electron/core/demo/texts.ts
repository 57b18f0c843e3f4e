/**
 * The demo client, Northwind Lending, is invented. Its texts read like a consultant's notes so the
 * demo shows what a real assessment looks like; none of it describes a real organisation.
 */
export const demoClients = [
  'Northwind Lending Ltd',
  'Harbourview Health Trust',
  'Copperleaf Insurance plc',
  'Bluefin Logistics GmbH',
  'Meridian Retail Group',
  'Kestrel Energy Services',
  'Oakridge University Press',
  'Tidewater Municipal Services',
  'Solace Telecom',
  'Granite Payments BV',
];

export const demoPeople = [
  { name: 'Priya Raman', role: 'Chief risk officer' },
  { name: 'Tom Whitfield', role: 'Head of data science' },
  { name: 'Aisha Bello', role: 'AI policy owner' },
  { name: 'Marek Nowak', role: 'CISO' },
  { name: 'Lucía Fernández', role: 'Data protection officer' },
  { name: 'Jonas Berg', role: 'Product owner, credit decisioning' },
  { name: 'Hannah O’Connell', role: 'Head of procurement' },
  { name: 'Samuel Osei', role: 'Internal audit manager' },
];

export const demoSystems = [
  'the credit-scoring model',
  'the support chatbot',
  'the CV-screening tool',
  'the fraud-alert model',
];

export const conformantNotes = [
  'Walked through the current version with {person}. The document is approved, dated and published on the intranet; the change log shows two reviews in the last year. Sample checked for {system}: consistent with what we were told.',
  '{person} showed the records for {system}. Responsibilities are named, the last review is minuted, and the actions from it are closed with evidence. No gaps seen in the sample of three.',
  'Clear process, followed in practice. {person} could explain each step without notes and the records for {system} matched. Good example of evidence kept at the point of work.',
];

export const partialNotes = [
  'A process exists on paper but is applied unevenly. {person} described it well for {system}, but the other systems have no records yet. Owner agreed to extend it before the stage 1 audit.',
  'Draft document seen, not yet approved by top management. {person} expects sign-off at the next steering committee. Records for {system} are informal (email threads) rather than controlled.',
  'Done for new work since spring, not for the older systems. {person} acknowledged the backlog; no plan with dates yet. Recommend a short catch-up plan with owners.',
];

export const nonconformantNotes = [
  'Nothing in place. {person} said this was "on the roadmap" but could not show a plan, an owner or a date. For {system} there is no record at all.',
  'Asked for the records twice; none exist. {person} relies on individual judgement of the team. This will be raised as a nonconformity.',
];

export const naJustifications = [
  'The organisation does not develop or train AI systems itself; all AI in scope is bought in as a service and configured only.',
  'No AI system in scope is offered to customers; use is internal only, as stated in the AIMS scope.',
];

export const findingStatements = {
  major: [
    'No AI risk assessment has been carried out for {system}, although it is in production and in scope of the AIMS.',
    'Internal audits of the AIMS have not been planned or performed; no audit programme exists.',
  ],
  minor: [
    'The AI policy has not been reviewed at the planned interval; the last review is more than eighteen months old.',
    'Training records do not show that the data science team completed the responsible-AI course required by the competence matrix.',
    'Changes to {system} were deployed without the release approval the procedure requires (two of five sampled).',
  ],
  observation: [
    'Impact assessment templates differ between teams, which makes results hard to compare.',
    'The supplier register lists the model provider for {system} but not the date of its last due-diligence review.',
  ],
  improvement: [
    'Monitoring dashboards exist but are not linked to the AI objectives; linking them would make progress visible to management.',
    'Consider a single intake form for AI concerns so reports from staff and customers land in one log.',
  ],
} as const;

export const recommendations = [
  'Assign an owner, agree a date, and keep the record where the next audit can find it.',
  'Document the step in the procedure, brief the teams, and check two samples at the next internal audit.',
  'Close the gap before the stage 1 audit and retain evidence of the correction and its effectiveness.',
];

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? '');
}
