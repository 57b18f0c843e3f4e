/**
 * A `datetime-local` input holds wall-clock time with no zone; the contract stores ISO-8601 with
 * the offset, so the report can say when the session was held wherever it is read.
 */
const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');

/** "2026-03-02T10:30" (local) → "2026-03-02T10:30:00+01:00"; null if the text is not a time. */
export function localInputToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
  );
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(d)) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}` + `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** Any stored ISO time → the local wall-clock text a `datetime-local` input shows. */
export function isoToLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Now, rounded down to the minute, for a new session's default. */
export function nowLocalInput(now = new Date()): string {
  return isoToLocalInput(now.toISOString());
}
