/** The reports domain's public face: other domains and the shell import only from here. */
export { reportHandlers } from './handlers';
export { exportsDir, produceReport, slug } from './export';
export {
  progressReporter,
  renderReport,
  renderWordReport,
  signerShown,
  type Progress,
} from './render';
export type { ReportFormat, ReportKind } from './types';
export { actionRegisterDocx } from './action-register-lazy';
export { auditReportRecord, minutesRecord, produceRecord } from './records';
