import { useState, type ReactNode } from 'react';
import { Alert, Button, Paper, Text, Title } from '@mantine/core';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props<T extends { ok: boolean }> {
  title: string;
  description: string;
  buttonLabel: string;
  icon: ReactNode;
  run(): Promise<T>;
  /** The alert's title for a passing and a failing result. */
  verdict: { ok: string; failed: string };
  children(result: T): ReactNode;
}

/** A Settings card that runs one check on demand and shows its result in a green or red alert. */
export function CheckCard<T extends { ok: boolean }>(props: Props<T>) {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    setRunning(true);
    setError(null);
    try {
      setResult(await props.run());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={4} mb="xs">
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {props.description}
      </Text>
      <Button leftSection={props.icon} loading={running} onClick={() => void check()}>
        {props.buttonLabel}
      </Button>
      {error && <ErrorAlert message={error} />}
      {result && (
        <Alert
          mt="md"
          role="status"
          color={result.ok ? 'green' : 'red'}
          title={result.ok ? props.verdict.ok : props.verdict.failed}
        >
          {props.children(result)}
        </Alert>
      )}
    </Paper>
  );
}
