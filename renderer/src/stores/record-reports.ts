import type { CommandInput } from '../../../shared/contracts';
import { base64ToBlob } from '../api/base64';
import { api } from '../api/client';
import { mimeTypes, type RecentExport } from './reports';

/** How a record is asked for, without the record's own id. */
export type RecordRequest = Omit<CommandInput<'reports.auditReport'>, 'auditId' | 'taskId'>;

async function asEntry(
  result: Promise<{ base64: string } & Omit<RecentExport, 'blob' | 'at'>>,
): Promise<RecentExport> {
  const { base64, ...rest } = await result;
  return {
    ...rest,
    at: new Date().toISOString(),
    blob: base64ToBlob(base64, mimeTypes[rest.format]),
  };
}

/** The signed internal audit report of one audit (PDF, or Word), saved under exports/. */
export const exportAuditReport = (auditId: string, request: RecordRequest) =>
  asEntry(api().invoke('reports.auditReport', { auditId, ...request }));

/** The signed minutes of a management review (PDF, or Word), saved under exports/. */
export const exportMinutes = (reviewId: string, request: RecordRequest) =>
  asEntry(api().invoke('reports.reviewMinutes', { reviewId, ...request }));
