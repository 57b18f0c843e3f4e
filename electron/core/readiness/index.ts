/** The readiness domain's public face: other domains and the shell import only from here. */
export { readinessHandlers } from './handlers';
export { readinessOf } from './gather';
export { withReadinessRemembered } from './remembered';
export { checksOf } from './consistency';
