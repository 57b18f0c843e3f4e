import type { DomainHandlers } from '../handler';
import { getEngagement, requireEngagement } from '../engagements';
import { actionRegisterDocx, slug } from '../reports';
import { actionOf, findingsWithoutAction, listActions } from './queries';
import { actionsToCsv, actionsToXlsx } from './register-sheet';
import { acceptFinding, reopenFinding, reviewAction, saveAction } from './write';
import type { CoreContext } from '../context';
import { getFinding } from '../findings';

function register(ctx: CoreContext, engagementId: string) {
  const engagement = getEngagement(ctx, engagementId);
  const actions = listActions(ctx, engagementId);
  const name = (ext: string) =>
    `${slug(engagement.clientName)}-corrective-actions-${ctx.now().slice(0, 10)}.${ext}`;
  return { actions, name };
}

export const correctiveActionHandlers: DomainHandlers<'correctiveActions'> = {
  'correctiveActions.list': (ctx, input) => {
    requireEngagement(ctx, input.engagementId);
    return {
      actions: listActions(ctx, input.engagementId),
      withoutAction: findingsWithoutAction(ctx, input.engagementId),
    };
  },
  'correctiveActions.get': (ctx, input) => {
    getFinding(ctx, input.findingId);
    return actionOf(ctx, input.findingId);
  },
  'correctiveActions.save': (ctx, input) => saveAction(ctx, input),
  'correctiveActions.review': (ctx, input) => reviewAction(ctx, input),
  'correctiveActions.accept': (ctx, input) => acceptFinding(ctx, input),
  'correctiveActions.reopen': (ctx, input) => reopenFinding(ctx, input),
  'correctiveActions.exportCsv': (ctx, input) => {
    const { actions, name } = register(ctx, input.engagementId);
    return { fileName: name('csv'), text: `\uFEFF${actionsToCsv(actions)}`, rows: actions.length };
  },
  'correctiveActions.exportXlsx': async (ctx, input) => {
    const { actions, name } = register(ctx, input.engagementId);
    const buffer = await actionsToXlsx(actions, 'Corrective-action register');
    return {
      fileName: name('xlsx'),
      contentBase64: buffer.toString('base64'),
      rows: actions.length,
    };
  },
  'correctiveActions.exportDocx': async (ctx, input) => {
    const { name } = register(ctx, input.engagementId);
    const { buffer, rows } = await actionRegisterDocx(ctx, input.engagementId);
    return { fileName: name('docx'), contentBase64: buffer.toString('base64'), rows };
  },
};
