import { useEffect, useMemo, useState } from 'react';
import {
  Grid,
  Loader,
  NavLink,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useCatalog } from '../../stores/catalog';
import { navigate } from '../../router/hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RequirementDetail } from './RequirementDetail';
import { searchRequirements } from './search';

export function CatalogScreen({ selectedRef }: { selectedRef?: string }) {
  const { frameworks, views, status, error, load } = useCatalog();
  const [query, setQuery] = useState('');
  const [section, setSection] = useState('all');
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  useEffect(() => {
    void load(frameworkId ?? undefined);
  }, [load, frameworkId]);

  // Custom catalogs (a copy with its own framework id) load beside ours; choose which to browse.
  const framework = frameworks.find((f) => f.id === frameworkId) ?? frameworks[0];
  const view = framework ? views[framework.id] : undefined;
  const matches = useMemo(() => {
    if (!view) return [];
    const inSection = view.requirements.filter((r) => section === 'all' || r.section === section);
    return searchRequirements(inSection, query);
  }, [view, query, section]);

  if (status === 'error' && error)
    return <ErrorAlert message={error} onRetry={() => void load()} />;
  if (!view || !framework) return <Loader aria-label="Loading catalog" />;
  const selected =
    view.requirements.find((r) => r.ref === selectedRef) ??
    view.requirements.find((r) => r.assessable);

  return (
    <>
      <PageHeader
        title="Catalog"
        subtitle={`${framework.name}: ${framework.assessableCount} assessable requirements with our interview guide (catalog revision ${framework.revision}).`}
        actions={
          frameworks.length > 1 ? (
            <Select
              aria-label="Framework"
              data={frameworks.map((f) => ({ value: f.id, label: `${f.name} (${f.id})` }))}
              value={framework.id}
              onChange={(v) => v && setFrameworkId(v)}
              allowDeselect={false}
              w={320}
            />
          ) : undefined
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="sm">
            <Stack gap="xs">
              <TextInput
                aria-label="Search requirements"
                placeholder="Search by identifier or words"
                leftSection={<IconSearch size={16} />}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
              />
              <SegmentedControl
                aria-label="Section"
                size="xs"
                value={section}
                onChange={setSection}
                data={[
                  { value: 'all', label: 'All' },
                  ...view.sections.map((s) => ({ value: s.id, label: s.title })),
                ]}
              />
              <Text size="xs" c="dimmed" aria-live="polite">
                {matches.length} of {view.requirements.length} entries
              </Text>
              <ScrollArea h="calc(100vh - 300px)" type="auto">
                <nav aria-label="Requirements">
                  {matches.map((r) => (
                    <NavLink
                      key={r.ref}
                      href={`#/catalog/${encodeURIComponent(r.ref)}`}
                      active={r.ref === selected?.ref}
                      label={`${r.ref}  ${r.title}`}
                      pl={query ? 8 : 8 + (r.level - 1) * 14}
                      fw={r.assessable ? 400 : 700}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate('catalog', r.ref);
                      }}
                    />
                  ))}
                </nav>
                {matches.length === 0 && (
                  <Text size="sm" c="dimmed" p="sm">
                    Nothing matches “{query}”. Try an identifier such as 6.1.2 or A.7.4, or fewer
                    words.
                  </Text>
                )}
              </ScrollArea>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {selected && <RequirementDetail view={view} requirement={selected} />}
        </Grid.Col>
      </Grid>
    </>
  );
}
