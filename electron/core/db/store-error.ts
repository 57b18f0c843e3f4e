/** Raised when the database file cannot be used; never answered by replacing it with an empty one. */
export class StoreError extends Error {
  constructor(
    readonly kind: 'CORRUPT' | 'MIGRATION' | 'TOO_NEW' | 'IO' | 'MISSING',
    message: string,
    readonly backupFile?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
