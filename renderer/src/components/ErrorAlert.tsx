import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export function ErrorAlert({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title="Something went wrong"
      role="alert"
    >
      {message}
      {onRetry && (
        <Button size="xs" variant="light" color="red" ml="md" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
