import { Command, CommanderError } from 'commander';
import { registerCatalog } from './cli/catalog';
import { registerCheck } from './cli/check';
import { registerEvidence } from './cli/evidence';
import { registerServe } from './cli/serve';
import { registerDemo } from './cli/demo';
import { registerAssessments } from './cli/assessments';
import { registerCompare } from './cli/compare';
import { registerInternal } from './cli/internal';
import { registerReport } from './cli/report';
import { registerRecords } from './cli/records';
import { registerIdentity } from './cli/identity';
import { registerVerify } from './cli/verify';
import { registerImportPack, registerPack } from './cli/pack';
import { registerTrust } from './cli/trust';
import { registerExchange } from './cli/exchange';
import { version } from './cli/common';
import { reportUnexpected, trackRuns, type FailedRun } from './cli/unexpected';

/** `assay`: the headless command line over the same core as the app. */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('assay')
    .description('Assay — offline ISO/IEC 42001 gap assessments')
    .version(version)
    .option('--verbose', 'on an unexpected error, print its details (the stack trace) as well')
    .showHelpAfterError('(run "assay --help" or "assay <command> --help" for usage)')
    .exitOverride();
  registerServe(program);
  registerCatalog(program);
  registerDemo(program);
  registerAssessments(program);
  registerCompare(program);
  registerInternal(program);
  registerCheck(program);
  registerEvidence(program);
  registerIdentity(program);
  registerVerify(program);
  registerReport(program);
  registerRecords(program);
  registerPack(program);
  registerImportPack(program);
  registerTrust(program);
  registerExchange(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  const run: FailedRun = { command: '', dataDir: null };
  trackRuns(program, run);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every usage mistake exits 2 with commander's message.
      process.exit(error.exitCode === 0 ? 0 : 2);
    }
    if (error instanceof Error && error.name === 'UsageError') {
      process.stderr.write(`assay: ${error.message}\n`);
      process.exit(2);
    }
    const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
    await reportUnexpected(error, { ...run, verbose });
    process.exit(1);
  }
}

void main(process.argv);
