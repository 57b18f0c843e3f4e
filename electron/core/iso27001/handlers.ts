import type { DomainHandlers } from '../handler';
import { confirmSuggestion } from './confirm';
import { iso27001Reuse } from './reuse';
import { commitIso27001Import, previewIso27001Import } from './sheet';

export const iso27001Handlers: DomainHandlers<'iso27001'> = {
  'iso27001.importPreview': (ctx, input) => previewIso27001Import(ctx, input),
  'iso27001.importCommit': (ctx, input) => commitIso27001Import(ctx, input),
  'iso27001.reuse': (ctx, input) => iso27001Reuse(ctx, input.assessmentId),
  'iso27001.confirmSuggestion': (ctx, input) => confirmSuggestion(ctx, input),
};
