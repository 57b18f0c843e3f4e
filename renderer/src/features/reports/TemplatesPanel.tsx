import { useEffect, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import {
  chosenSectionIds,
  reportSectionTitles,
  type ReportSectionId,
  type ReportTemplate,
} from '../../../../shared/contracts/reports';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReportTemplates } from '../../stores/reports';

interface Row {
  id: ReportSectionId;
  on: boolean;
}

/** Every section in the template's order first (ticked), then the rest in the standard order. */
function rowsOf(template: ReportTemplate | null): Row[] {
  const chosen = template?.sections.filter((id) => id !== 'signoff') ?? chosenSectionIds;
  return [
    ...chosen.map((id) => ({ id, on: true })),
    ...chosenSectionIds.filter((id) => !chosen.includes(id)).map((id) => ({ id, on: false })),
  ];
}

/** What a reader of the template should know about a section that is not always printed. */
const sectionNotes: Partial<Record<ReportSectionId, string>> = {
  comparison: 'Printed only when the engagement has an earlier assessment to compare with.',
};

function move(rows: Row[], from: number, to: number): Row[] {
  if (to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  const [row] = next.splice(from, 1);
  if (row) next.splice(to, 0, row);
  return next;
}

/** Reports → Templates: name a choice of sections and their order, for the app and the CLI. */
export function TemplatesPanel() {
  const { items, status, error, load, save, remove } = useReportTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [rows, setRows] = useState<Row[]>(rowsOf(null));
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  const pick = (value: string | null) => {
    const template = items.find((t) => t.name === value) ?? null;
    setEditing(template?.name ?? null);
    setName(template?.name ?? '');
    setRows(rowsOf(template));
    setSaveError(null);
  };
  const chosen = rows.filter((r) => r.on).map((r) => r.id);
  const ready = name.trim() !== '' && chosen.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setSaveError(null);
    save({ name: name.trim(), sections: chosen })
      .then(() => {
        setEditing(name.trim());
        notifications.show({ message: `Template ${name.trim()} saved.` });
      })
      .catch((e: unknown) => setSaveError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="templates-title">
      <form onSubmit={submit}>
        <Stack>
          <Title order={3} id="templates-title">
            Report templates
          </Title>
          <Text size="sm" c="dimmed">
            Choose which sections a gap assessment report holds and in what order, and save the
            choice under a name: pick it when exporting, or use{' '}
            <code>assay report --template NAME</code>. The sign-off always closes the report.
          </Text>
          {status === 'error' && error && (
            <ErrorAlert message={error} onRetry={() => void load()} />
          )}
          <Select
            label="Edit a saved template"
            placeholder={items.length === 0 ? 'No template saved yet' : 'New template'}
            data={items.map((t) => t.name)}
            value={editing}
            onChange={pick}
            clearable
          />
          <TextInput
            label="Template name"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Stack gap={4} role="group" aria-label="Sections, in print order">
            {rows.map((row, i) => {
              const title = reportSectionTitles[row.id];
              return (
                <Group key={row.id} gap="xs" wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move ${title} up`}
                    disabled={i === 0}
                    onClick={() => setRows(move(rows, i, i - 1))}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move ${title} down`}
                    disabled={i === rows.length - 1}
                    onClick={() => setRows(move(rows, i, i + 1))}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <Checkbox
                    label={title}
                    description={sectionNotes[row.id]}
                    checked={row.on}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setRows(rows.map((r) => (r.id === row.id ? { ...r, on } : r)));
                    }}
                  />
                </Group>
              );
            })}
            <Text size="sm" c="dimmed" pl={68}>
              {reportSectionTitles.signoff} (always last)
            </Text>
          </Stack>
          {saveError && <ErrorAlert message={saveError} />}
          <Group>
            <Button type="submit" loading={busy} disabled={!ready}>
              Save template
            </Button>
            {editing && (
              <Button
                variant="subtle"
                color="red"
                onClick={() =>
                  void remove(editing)
                    .then(() => pick(null))
                    .catch((e: unknown) => setSaveError(errorMessage(e)))
                }
              >
                Delete {editing}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
