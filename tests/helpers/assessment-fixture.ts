import { afterEach, beforeEach } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { CommandErrorBody, Result } from '../../shared/contracts/envelope';
import type { ResponseRecord } from '../../shared/contracts/responses';
import { startTestCore } from './core';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;

/**
 * A fresh core per test with one engagement and one assessment that excludes A.10, for the
 * services of one assessment (answers, sessions, findings, SoA, finalising). Call
 * `useAssessmentFixture()` at the top of a test file; read `fx.core` and `fx.assessment` inside tests.
 */
export const fx = {} as { core: TestCore; assessment: Assessment };

export const FW = 'iso-iec-42001-2023';
export const req = (ref: string) => `${FW}:${ref}`;

export async function ok<T>(name: string, payload: unknown): Promise<T> {
  const result = await fx.core.dispatcher.dispatch(name, payload);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export async function failure(name: string, payload: unknown): Promise<CommandErrorBody> {
  const result: Result<unknown> = await fx.core.dispatcher.dispatch(name, payload);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}

export const auditCount = (action?: string) =>
  (
    fx.core.store.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log ${action ? 'WHERE action = ?' : ''}`)
      .get(...(action ? [action] : [])) as { n: number }
  ).n;

export const answer = (requirementId: string, extra: Record<string, unknown> = {}) =>
  ok<ResponseRecord>('responses.save', {
    assessmentId: fx.assessment.id,
    requirementId,
    result: 'conformant',
    ...extra,
  });

export function useAssessmentFixture(): void {
  beforeEach(async () => {
    fx.core = await startTestCore();
    const engagement = await ok<{ id: string }>('engagements.create', {
      clientName: 'Northwind Analytics',
      aimsScope: 'Credit-scoring models',
      leadAssessor: 'R. Costa',
    });
    fx.assessment = await ok<Assessment>('assessments.create', {
      engagementId: engagement.id,
      title: 'Stage 1 readiness',
      excludedAreas: ['A.10'],
    });
  });
  afterEach(() => fx.core.close());
}
