/**
 * The risks domain's public face: the register (register, queries, write), the engagement's
 * risk criteria, spreadsheet import and export (sheets, sheet-*), and the risk-area demo seed.
 */
export { riskHandlers } from './handlers';
export { controlJustifications, listRisks, risksByIds, type ControlJustification } from './queries';
export { currentCriteria } from './criteria';
export { risksToCsv, risksToXlsx } from './sheet-write';
export { exportRisksXlsx } from './sheets';
export { seedRiskDemo, type DemoPick, type RiskDemoScope } from './demo';
