import type { DomainHandlers } from '../handler';
import { verifyAuditChain } from '../audit';

export const appHandlers: DomainHandlers<'app'> = {
  'app.info': (ctx) => ({
    name: 'Assay',
    version: ctx.version,
    dataDir: ctx.dataDir,
    transport: ctx.transport,
    actor: ctx.actor(),
  }),
  'app.auditVerify': (ctx) => verifyAuditChain(ctx.store.sqlite),
};
