import type { DomainHandlers } from '../handler';
import { listSessions } from './queries';
import { createSession, deleteSession, updateSession } from './write';

export const sessionHandlers: DomainHandlers<'sessions'> = {
  'sessions.list': (ctx, input) => listSessions(ctx, input.assessmentId),
  'sessions.create': (ctx, input) => createSession(ctx, input),
  'sessions.update': (ctx, input) => updateSession(ctx, input),
  'sessions.delete': (ctx, input) => deleteSession(ctx, input.id),
};
