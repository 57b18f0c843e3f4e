import fs from 'node:fs';

/** A finished incoming file nobody took (its consumer's input was refused, the page closed) goes. */
const UNCLAIMED_MS = 60 * 60 * 1000;

interface Claim {
  dir: string;
  fileName: string;
  timer: NodeJS.Timeout;
}

/**
 * Finished incoming files by token, each taken at most once, per core. The token is what
 * incoming.end answers and a consumer command (packs.importIncoming, verify.incoming, …) takes.
 */
export class ReceivedFiles {
  private readonly claims = new Map<string, Claim>();

  constructor(private readonly unclaimedMs = UNCLAIMED_MS) {}

  add(token: string, dir: string, file: string, fileName: string): void {
    const timer = setTimeout(() => {
      this.claims.delete(token);
      fs.rm(file, { force: true }, () => undefined);
    }, this.unclaimedMs);
    timer.unref();
    this.claims.set(token, { dir, fileName, timer });
  }

  /** The name a finished file was sent under (before it is taken), or null. */
  nameOf(token: string): string | null {
    return this.claims.get(token)?.fileName ?? null;
  }

  /** The claim, left in place (a check that a real use may follow), or null as take() would. */
  peek(token: string, dir: string): Claim | null {
    const claim = this.claims.get(token);
    return claim && claim.dir === dir ? claim : null;
  }

  /** Removes the claim and answers it, or null when this core never issued the token here. */
  take(token: string, dir: string): Claim | null {
    const claim = this.peek(token, dir);
    if (!claim) return null;
    this.claims.delete(token);
    clearTimeout(claim.timer);
    return claim;
  }

  close(): void {
    for (const claim of this.claims.values()) clearTimeout(claim.timer);
    this.claims.clear();
  }
}
