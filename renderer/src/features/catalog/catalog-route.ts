import { DEFAULT_FRAMEWORK_ID } from '../../../../shared/contracts/assessments';
import { href, navigate } from '../../router/hash-route';

/**
 * Catalog routes: "#/catalog/<ref>" for ISO/IEC 42001 (links written before other frameworks
 * existed keep working) and "#/catalog/<ref>/<frameworkId>" for any other framework.
 */
function parts(frameworkId: string | undefined, ref: string): string[] {
  return !frameworkId || frameworkId === DEFAULT_FRAMEWORK_ID
    ? ['catalog', ref]
    : ['catalog', ref, frameworkId];
}

export const catalogHref = (frameworkId: string | undefined, ref: string): string =>
  href(...parts(frameworkId, ref));

export const openInCatalog = (frameworkId: string | undefined, ref: string): void =>
  navigate(...parts(frameworkId, ref));
