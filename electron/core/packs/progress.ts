import type { Progress } from '../reports';

type Emit = (label: string, done: number, total: number) => void;

const STEPS = 100;

/**
 * One progress bar for two jobs running side by side: the report rendering in its worker and the
 * evidence streaming into the archive. The pack is ready when both are, so the bar shows the share
 * done of the one further behind (it only ever moves forward); the label names the evidence file
 * being added while there is one (one change per file), then the report's step.
 */
export function packProgress(emit: Emit, evidenceBytes: number) {
  let report = 0;
  let reportLabel = 'Rendering the report';
  let bytes = 0;
  let evidenceLabel = 'Adding the evidence';
  let shown = '';
  const show = () => {
    const evidence = evidenceBytes > 0 ? Math.min(1, bytes / evidenceBytes) : 1;
    const label = evidence < 1 ? evidenceLabel : reportLabel;
    const done = Math.floor(STEPS * Math.min(report, evidence));
    const key = `${label} ${done}`;
    if (key === shown) return;
    shown = key;
    emit(label, done, STEPS);
  };
  return {
    /** A progress event of the report render (its own steps). */
    report(p: Progress) {
      // Its one-step bookkeeping (gathering the records: 0 of 1, 1 of 1) is no share of the
      // work; its passes over the pages each count from 0, so its share only grows. Its last
      // step is followed by signing; it counts as done once signed.
      if (p.total > 1) report = Math.max(report, Math.min(p.done / p.total, 0.99));
      reportLabel = p.label;
      show();
    },
    reportSigned() {
      report = 1;
      reportLabel = 'Report signed';
      show();
    },
    entry(pathInPack: string) {
      evidenceLabel = `Adding ${pathInPack}`;
      show();
    },
    bytes(n: number) {
      bytes += n;
      show();
    },
    /** The last steps once both are done (manifest, signature, writing to disk). */
    finishing(label: string) {
      emit(label, STEPS, STEPS);
    },
  };
}

export type PackProgress = ReturnType<typeof packProgress>;
