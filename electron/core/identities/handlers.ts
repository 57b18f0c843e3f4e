import type { DomainHandlers } from '../handler';
import { createIdentity } from './create';
import { importIdentity } from './import';
import { deleteIdentity, listIdentities } from './save';

export const identityHandlers: DomainHandlers<'identities'> = {
  'identities.list': (ctx) => listIdentities(ctx),
  'identities.create': (ctx, input) => createIdentity(ctx, input),
  'identities.import': (ctx, input) => importIdentity(ctx, input),
  'identities.delete': (ctx, input) => deleteIdentity(ctx, input.id),
};
