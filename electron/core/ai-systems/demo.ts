import type { CoreContext } from '../context';
import { demoSystems, type DemoSystemKey } from './demo-data';
import { createAiSystem } from './systems';

/** The demo client's AI systems in an engagement; answers each system's id by its demo key. */
export function seedAiSystemDemo(
  ctx: CoreContext,
  engagementId: string,
): Map<DemoSystemKey, string> {
  const ids = new Map<DemoSystemKey, string>();
  for (const { key, ...system } of demoSystems) {
    const created = createAiSystem(ctx, {
      engagementId,
      ...system,
      dataCategories: [...system.dataCategories],
      affectedParties: [...system.affectedParties],
      thirdParties: [...system.thirdParties],
      euAiActRoles: [...system.euAiActRoles],
    });
    ids.set(key, created.id);
  }
  return ids;
}
