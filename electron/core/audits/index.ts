/** The audits domain's public face (9.2): the internal audit programme and its audits. */
export { auditHandlers } from './handlers';
export { programmeCoverage } from './coverage';
export { getAudit, getProgramme, listAudits, listProgrammes } from './queries';
export { auditChecklist } from './checklist';
export { seedAuditsDemo } from './demo';
export { internalAuditRecords } from './records';
