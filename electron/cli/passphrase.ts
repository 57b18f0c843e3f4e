import readline from 'node:readline';
import { Writable } from 'node:stream';

function usage(message: string): Error {
  const error = new Error(message);
  error.name = 'UsageError';
  return error;
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true; // after the question is printed: nothing typed is echoed
    rl.on('SIGINT', () => {
      rl.close();
      reject(usage('cancelled'));
    });
  });
}

/**
 * The passphrase comes from ASSAY_PASSPHRASE or a prompt with no echo — never an argument, where
 * it would show in `ps` and shell history. Without a terminal and without the variable: a usage
 * error (exit 2) rather than a hang.
 */
export async function readPassphrase(opts: {
  confirm: boolean;
  /** What the prompt says (default: the length rule). */
  question?: string;
}): Promise<string> {
  const fromEnv = process.env.ASSAY_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    throw usage('no passphrase: set ASSAY_PASSPHRASE or run in a terminal to be asked for it');
  const first = await promptHidden(opts.question ?? 'Passphrase (at least 8 characters): ');
  if (opts.confirm) {
    const again = await promptHidden('Repeat the passphrase: ');
    if (again !== first) throw usage('the two passphrases differ');
  }
  return first;
}
