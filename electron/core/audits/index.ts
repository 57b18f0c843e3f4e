/** The audits domain's public face (9.2): the internal audit programme and its audits. */
export { auditHandlers } from './handlers';
export { programmeCoverage } from './coverage';
export { getAudit, listAudits, listProgrammes } from './queries';
export { seedAuditsDemo } from './demo';
export { internalAuditRecords } from './records';
