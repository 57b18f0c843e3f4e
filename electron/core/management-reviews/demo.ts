import type { CoreContext } from '../context';
import { saveReview } from './write';

/**
 * The demo's management review, being prepared: planned for December, the organisation's own
 * inputs written, and the decisions and actions top management is asked to take (with owners
 * and dates) recorded as its outputs. It stays planned on purpose: the demo's readiness shows
 * stage 2 waiting for a review held (issue 12's gate), as a consultant meets it mid-cycle.
 */
export function seedReviewsDemo(ctx: CoreContext, engagementId: string): { reviews: number } {
  saveReview(ctx, {
    engagementId,
    title: 'Management review 2026',
    plannedOn: '2026-12-10',
    heldOn: null,
    status: 'planned',
    chair: 'Priya Raman (Chief executive)',
    attendees: ['Samuel Osei', 'Aisha Bello', 'Jonas Berg', 'Lucía Fernández'],
    issuesChanges:
      'The EU AI Act obligations for the credit-scoring model apply from August; the parent group moved model hosting to a new cloud region.',
    interestedParties:
      'Two customer complaints about unexplained credit decisions; the regulator asked for the model inventory in October.',
    resources:
      'The data science team is one person short since June; verification work waits on the ML lead.',
    opportunities:
      'One intake form for AI concerns from staff and customers, feeding the incident log.',
    otherInputs:
      'The supplier of the chatbot model announced its end of support for the current version.',
    decisions: [
      {
        text: 'Make verification and validation a release gate for every AI system (answers the audit’s major nonconformity).',
        owner: 'Jonas Berg',
        dueDate: '2027-01-31',
        status: 'open',
      },
      {
        text: 'Fund one more data scientist for verification work.',
        owner: 'Priya Raman',
        dueDate: '2027-03-31',
        status: 'open',
      },
      {
        text: 'Align the two teams’ risk scoring on one scale before the next risk review.',
        owner: 'Aisha Bello',
        dueDate: '2027-02-28',
        status: 'open',
      },
    ],
  });
  return { reviews: 1 };
}
