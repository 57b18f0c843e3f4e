import { describe, expect, it } from 'vitest';
import { packProgress } from '../../electron/core/packs/progress';

type Step = { label: string; share: number };

function recorder() {
  const steps: Step[] = [];
  const emit = (label: string, done: number, total: number) =>
    steps.push({ label, share: done / total });
  return { steps, emit };
}

const report = (label: string, done: number, total: number) => ({
  taskId: 't',
  label,
  done,
  total,
});

describe('one progress bar for the report and the evidence side by side', () => {
  it('shows the share of the one further behind, and never moves back when the report starts a new pass', () => {
    const { steps, emit } = recorder();
    const p = packProgress(emit, 1000);
    p.report(report('Collecting the assessment records', 1, 1));
    p.entry('evidence/a.bin');
    p.bytes(600);
    p.report(report('Laying out pages', 8, 10));
    p.report(report('Numbering the contents', 2, 10));
    p.bytes(400);
    p.reportSigned();
    p.finishing('Signing the manifest');
    const shares = steps.map((s) => s.share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    // The one-step gathering is no share of the work: the bar stayed at 0 until the pages came.
    expect(steps.find((s) => s.label === 'Adding evidence/a.bin')?.share).toBe(0);
    expect(steps.at(-1)).toEqual({ label: 'Signing the manifest', share: 1 });
  });

  it('names the evidence file while one is being added, then the report step', () => {
    const { steps, emit } = recorder();
    const p = packProgress(emit, 100);
    p.entry('evidence/a.pdf');
    p.report(report('Laying out pages', 3, 10));
    expect(steps.at(-1)?.label).toBe('Adding evidence/a.pdf');
    p.bytes(100);
    p.report(report('Laying out pages', 5, 10));
    expect(steps.at(-1)).toEqual({ label: 'Laying out pages', share: 0.5 });
  });

  it('with no evidence, follows the report alone', () => {
    const { steps, emit } = recorder();
    const p = packProgress(emit, 0);
    p.report(report('Laying out pages', 4, 10));
    expect(steps.at(-1)).toEqual({ label: 'Laying out pages', share: 0.4 });
  });
});
