/** Compares refs such as A.6.2.10 and A.6.2.4 (or) by their numbers, not as text. */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
