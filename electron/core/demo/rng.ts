/** A small seeded generator (mulberry32): the same seed gives the same demo, run after run. */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** UUIDv7-shaped ids from the generator and a clock, so demo ids are stable too. */
export function seededIds(rng: Rng, clock: () => Date): () => string {
  return () => {
    const ms = clock().getTime().toString(16).padStart(12, '0');
    const hex = (n: number) =>
      Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');
    const variant = (8 + Math.floor(rng() * 4)).toString(16);
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  };
}

/** A clock that starts at a fixed moment and moves on a little with every reading. */
export function steppingClock(startIso: string, stepMs: number): () => Date {
  let t = Date.parse(startIso);
  return () => {
    t += stepMs;
    return new Date(t);
  };
}
