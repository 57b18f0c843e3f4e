/** The branding domain's public face: the consultancy's name, logo, accent, cover text, disclaimer. */
export { brandingHandlers } from './handlers';
export { getBranding } from './store';
