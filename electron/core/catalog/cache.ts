import type { CoreContext } from '../context';

/**
 * A value per core and framework, computed once: catalogs load only at start, so what is derived
 * from them holds for the life of the core.
 */
export function perFramework<T>(): (ctx: CoreContext, frameworkId: string, load: () => T) => T {
  const cache = new WeakMap<CoreContext, Map<string, T>>();
  return (ctx, frameworkId, load) => {
    let perContext = cache.get(ctx);
    if (!perContext) {
      perContext = new Map();
      cache.set(ctx, perContext);
    }
    const cached = perContext.get(frameworkId);
    if (cached !== undefined) return cached;
    const value = load();
    perContext.set(frameworkId, value);
    return value;
  };
}
