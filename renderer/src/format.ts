/** Dates as the consultant reads them; stored values stay ISO-8601 UTC. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return 'not set';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return date.toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: value.length === 10 ? 'UTC' : undefined,
  });
}

export function formatDateTime(value: string): string {
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
