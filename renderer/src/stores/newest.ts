/**
 * The user may move on (another assessment, engagement, filter or item) before an answer
 * arrives, and answers may arrive out of order. Each request takes a ticket when it starts; only
 * the newest ticket's answer may land in the store, so a late answer for what the user left can
 * never show in, or be saved into, what they are looking at now.
 */
export interface NewestWins {
  /** Starts a request; the returned check stays true until a newer request starts. */
  start(): () => boolean;
  /** Makes every request in flight stale, e.g. when the scope is cleared. */
  forget(): void;
}

export function newestWins(): NewestWins {
  let newest = 0;
  return {
    start() {
      newest += 1;
      const ticket = newest;
      return () => ticket === newest;
    },
    forget() {
      newest += 1;
    },
  };
}
