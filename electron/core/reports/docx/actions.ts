/** The corrective-action register in Word (words and columns in ../content/actions.ts). */
import { colour } from '../charts/colours';
import {
  actionColumns,
  actionsIntro,
  noActions,
  withoutActionLine,
  type ActionScope,
} from '../content/actions';
import type { ReportActions } from '../types';
import type { DocxContext } from './context';
import { hex, muted, para, table, type Block } from './kit';

/** The register's intro, the nonconformities nobody answered yet, and the actions' table. */
export function actionBlocks(a: ReportActions, scope: ActionScope = 'assessment'): Block[] {
  const missing = withoutActionLine(a);
  return [
    para(actionsIntro(a, scope)),
    ...(missing ? [para(missing, { color: hex(colour.poor) })] : []),
    ...(a.rows.length === 0 ? [muted(noActions)] : table(actionColumns, a.rows)),
  ];
}

export const correctiveActions = ({ d }: DocxContext): Block[] =>
  d.actions ? actionBlocks(d.actions) : [];
