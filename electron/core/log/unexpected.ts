import type { AppLog } from './file-log';

/**
 * Records an error nobody expected and answers the clause that tells the person where its
 * details are, for the end of a sentence: "…; the details are in the log file /…/assay.1.log".
 */
export async function logUnexpected(log: AppLog, where: string, error: unknown): Promise<string> {
  const file = await log.unexpected(where, error);
  return file
    ? `the details are in the log file ${file}`
    : 'the details could not be written to a log file';
}
