import { useEffect } from 'react';
import { Select } from '@mantine/core';
import type { InterviewSession } from '../../../../shared/contracts/sessions';
import { formatDateTime } from '../../format';
import { useSessions } from '../../stores/sessions';

interface Props {
  assessmentId: string;
  /** The session answers are being recorded in, or null for none. */
  value: string | null;
  onChange(sessionId: string | null): void;
}

// Mantine's Select treats '' as "nothing chosen"; "No session" is a real choice, so it gets a token.
const NONE = 'none';

export function sessionLabel(s: InterviewSession): string {
  const names = s.interviewees.map((p) => p.name).join(', ');
  return `${formatDateTime(s.heldAt)} — ${names || 'no interviewees recorded'}`;
}

/** For the interview screen: which recorded session the answers being typed belong to. */
export function CurrentSessionSelect({ assessmentId, value, onChange }: Props) {
  const { items, status, load } = useSessions();
  const loaded = useSessions((s) => s.assessmentId === assessmentId);
  useEffect(() => {
    if (!loaded) void load(assessmentId);
  }, [loaded, load, assessmentId]);

  const sessions = loaded ? items : [];
  const data = [
    { value: NONE, label: 'No session' },
    ...sessions.map((s) => ({ value: s.id, label: sessionLabel(s) })),
  ];
  // A session deleted elsewhere must not stay selected under a label nobody can read.
  const current = value && sessions.some((s) => s.id === value) ? value : NONE;
  return (
    <Select
      label="Current session"
      data={data}
      value={current}
      allowDeselect={false}
      onChange={(v) => onChange(!v || v === NONE ? null : v)}
      disabled={status === 'loading' && sessions.length === 0}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
