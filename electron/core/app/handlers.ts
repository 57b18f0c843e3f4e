import type { DomainHandlers } from '../handler';
import { verifyAuditChain } from '../audit';
import type { CoreContext } from '../context';
import { checkIntegrity } from '../db';

function storeStatus(ctx: CoreContext) {
  const health = ctx.store.health;
  return {
    readOnly: health.readOnly,
    reason: health.readOnly ? health.reason : null,
    backupsDir: health.backupsDir,
    latestBackup: health.readOnly ? health.latestBackup : null,
  };
}

export const appHandlers: DomainHandlers<'app'> = {
  'app.info': (ctx) => ({
    name: 'Assay',
    version: ctx.version,
    dataDir: ctx.dataDir,
    transport: ctx.transport,
    actor: ctx.actor(),
    store: storeStatus(ctx),
  }),
  'app.storeCheck': (ctx) => checkIntegrity(ctx.store.sqlite, 'full'),
  'app.auditVerify': (ctx) => verifyAuditChain(ctx.store.sqlite),
};
