import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
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
import { primaryFramework, useCatalog } from '../../stores/catalog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { RequirementDetail } from './RequirementDetail';
import { searchRequirements } from './search';
import { catalogHref, openInCatalog } from './catalog-route';

export function CatalogScreen({
  selectedRef,
  frameworkId,
}: {
  selectedRef?: string;
  /** From the route; ISO/IEC 42001 when absent. */
  frameworkId?: string;
}) {
  const { frameworks, views, status, error, load } = useCatalog();
  const [query, setQuery] = useState('');
  const [section, setSection] = useState('all');
  useEffect(() => {
    void load(frameworkId);
  }, [load, frameworkId]);

  // ISO/IEC 42001 and any custom copy are assessed; the EU AI Act, NIST AI RMF and ISO/IEC 27001
  // are reference catalogs, browsed here and related to 42001 through our crosswalks.
  const framework = frameworkId
    ? frameworks.find((f) => f.id === frameworkId)
    : primaryFramework(frameworks);
  const view = framework ? views[framework.id] : undefined;
  const matches = useMemo(() => {
    if (!view) return [];
    const inSection = view.requirements.filter((r) => section === 'all' || r.section === section);
    return searchRequirements(inSection, query);
  }, [view, query, section]);

  if (status === 'error' && error)
    return <ErrorAlert message={error} onRetry={() => void load(frameworkId)} />;
  if (frameworkId && status === 'ready' && frameworks.length > 0 && !framework)
    return (
      <Alert color="orange" title="No such framework">
        No framework “{frameworkId}” is loaded.{' '}
        <a href={catalogHref(undefined, '4.1')}>Back to ISO/IEC 42001</a>
      </Alert>
    );
  if (!view || !framework) return <Loader aria-label="Loading catalog" />;
  const reference = framework.purpose === 'reference';
  const selected =
    view.requirements.find((r) => r.ref === selectedRef) ??
    view.requirements.find((r) => r.assessable) ??
    view.requirements.find((r) => r.level > 1) ??
    view.requirements[0];
  const headings = new Set(view.requirements.map((r) => r.parentRef));
  // Read after the framework loaded: the views captured by this render do not hold it yet.
  const first = (id: string) =>
    useCatalog.getState().views[id]?.requirements.find((r) => r.level > 1)?.ref;

  return (
    <>
      <PageHeader
        title="Catalog"
        subtitle={
          reference
            ? `${framework.name}: reference catalog, ${view.requirements.length} entries, identifiers and titles only. Browse it and see how ISO/IEC 42001 relates to it; it is never assessed.`
            : `${framework.name}: ${framework.assessableCount} assessable requirements with our interview guide (catalog revision ${framework.revision}).`
        }
        actions={
          frameworks.length > 1 ? (
            <Select
              aria-label="Framework"
              data={[
                {
                  group: 'Assessed',
                  items: frameworks
                    .filter((f) => f.purpose === 'assessment')
                    .map((f) => ({ value: f.id, label: `${f.name} (${f.id})` })),
                },
                {
                  group: 'Reference (not assessed)',
                  items: frameworks
                    .filter((f) => f.purpose === 'reference')
                    .map((f) => ({ value: f.id, label: f.name })),
                },
              ].filter((g) => g.items.length > 0)}
              value={framework.id}
              onChange={(v) => {
                if (!v) return;
                setQuery('');
                void load(v).then(() => {
                  const ref = first(v);
                  if (ref) openInCatalog(v, ref);
                });
              }}
              allowDeselect={false}
              w={360}
            />
          ) : undefined
        }
      />
      {reference && framework.source && (
        <Text size="xs" c="dimmed" mb="sm">
          Source: {framework.source}
        </Text>
      )}
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
                      href={catalogHref(framework.id, r.ref)}
                      active={r.ref === selected?.ref}
                      label={
                        <Text span lineClamp={3} inherit>
                          {`${r.ref}  ${r.title}`}
                        </Text>
                      }
                      pl={query ? 8 : 8 + (r.level - 1) * 14}
                      fw={headings.has(r.ref) ? 700 : 400}
                      onClick={(e) => {
                        e.preventDefault();
                        openInCatalog(framework.id, r.ref);
                      }}
                    />
                  ))}
                </nav>
                {matches.length === 0 && (
                  <Text size="sm" c="dimmed" p="sm">
                    Nothing matches “{query}”. Try an identifier such as{' '}
                    {reference
                      ? view.requirements.filter((r) => !headings.has(r.ref))[0]?.ref
                      : '6.1.2 or A.7.4'}
                    , or fewer words.
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
