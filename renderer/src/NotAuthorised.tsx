import { Center, Code, Paper, Stack, Text, Title } from '@mantine/core';

/** Browser mode without the per-run token: explain how to get in instead of failing silently. */
export function NotAuthorised() {
  return (
    <Center h="100vh">
      <Paper withBorder p="xl" radius="md" maw={560}>
        <Stack>
          <Title order={2}>Open Assay from its own link</Title>
          <Text>
            In browser mode Assay only answers the page it was opened with. Use the full link that{' '}
            <Code>assay serve</Code> (or <Code>npm start</Code>) printed — it ends with{' '}
            <Code>?token=…</Code>.
          </Text>
          <Text size="sm" c="dimmed">
            This keeps other web pages on this computer from reading your assessments.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
