import type {
  EffectiveEvidenceStatus,
  EvidenceClassification,
} from '../../../../shared/rules/evidence-status';

export const statusLabels: Record<EffectiveEvidenceStatus, string> = {
  requested: 'Requested',
  received: 'Received',
  accepted: 'Accepted',
  rejected: 'Rejected',
  expired: 'Expired',
};

export const statusColors: Record<EffectiveEvidenceStatus, string> = {
  requested: 'gray',
  received: 'blue',
  accepted: 'green',
  rejected: 'red',
  expired: 'orange',
};

export const classificationLabels: Record<EvidenceClassification, string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1048576).toFixed(1)} MB`;
  return `${(bytes / 1073741824).toFixed(2)} GB`;
}
