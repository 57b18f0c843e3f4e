import type { CoreContext } from '../context';

/**
 * The corrective-action register as Word, with the Word library loaded on first use: `docx` adds
 * ~13 MB to any process that loads it, and the main side needs it only for this export (reports
 * and records are written as Word in the report worker).
 */
export async function actionRegisterDocx(
  ctx: CoreContext,
  engagementId: string,
): Promise<{ buffer: Buffer; rows: number }> {
  const { actionRegisterDocx: build } = await import('./action-register');
  return build(ctx, engagementId);
}
