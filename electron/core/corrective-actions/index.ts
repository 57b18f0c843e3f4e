/** The corrective-actions domain's public face (10.2): the action that closes a finding. */
export { correctiveActionHandlers } from './handlers';
export { actionOf, findingsWithoutAction, listActions } from './queries';
export { raiseDemoAction, seedCorrectiveActionsDemo } from './demo';
