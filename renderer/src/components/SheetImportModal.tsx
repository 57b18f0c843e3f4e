import type { ReactNode } from 'react';
import { Button, FileInput, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert';
import { MappingFields, SheetPreviewTable, SheetProblems } from './SheetImportParts';

/** What every sheet preview the main side reads holds, whatever the sheet is for. */
export interface SheetPreview {
  columns: { index: number; header: string }[];
  mapping: Record<string, number | null>;
  errorCount: number;
  errors: { row: number; field: string | null; message: string }[];
  preview: { row: number; values: Record<string, string> }[];
}

/** The dialog's state, as `useSheetImport` keeps it. */
interface SheetState<P> {
  file: File | null;
  preview: P | null;
  failure: string | null;
  busy: boolean;
  pick(file: File | null): Promise<void>;
}

interface Props<P extends SheetPreview> {
  title: string;
  size: string;
  /** What the sheet should look like and what importing it does. */
  intro: ReactNode;
  fileLabel: string;
  fields: readonly { key: string; label: string; required: boolean }[];
  sheet: SheetState<P>;
  /** A column chosen for a field: read the sheet again with that mapping. */
  onMapping(key: string, column: number | null, preview: P, file: File): void;
  /** Further choices under the mapping (how bare numbers read). */
  choices?: (preview: P, file: File) => ReactNode;
  /** The all-clear, e.g. "126 rows are ready to import." */
  ready(preview: P): string;
  /** An extra first column of the preview, e.g. what each row was matched to. */
  matched?: { header: string; cell(row: number): string };
  /** The import button once the sheet is read, e.g. "Import 126 risks". */
  importLabel(preview: P): string;
  onImport(): void;
  onClose(): void;
}

const Subheading = ({ children }: { children: string }) => (
  <Text fw={600} size="sm">
    {children}
  </Text>
);

/**
 * A spreadsheet import: pick the file, check the column mapping against the first rows and the
 * sheet's problems, then import every row (the button stays off while any problem is left).
 */
export function SheetImportModal<P extends SheetPreview>(props: Props<P>) {
  const { sheet, fields, onClose } = props;
  const { file, preview, failure, busy } = sheet;
  return (
    <Modal opened onClose={onClose} size={props.size} title={props.title}>
      <Stack>
        <Text size="sm" c="dimmed">
          {props.intro}
        </Text>
        <FileInput
          label={props.fileLabel}
          placeholder="Choose a .xlsx or .csv file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          clearable
          value={file}
          onChange={(f) => void sheet.pick(f)}
        />
        {failure && <ErrorAlert message={failure} />}
        {busy && !preview && <Loader size="sm" aria-label="Reading the sheet" />}
        {preview && file && (
          <>
            <Subheading>Column mapping</Subheading>
            <MappingFields
              fields={fields}
              columns={preview.columns}
              mapping={preview.mapping}
              disabled={busy}
              onChange={(key, column) => props.onMapping(key, column, preview, file)}
            />
            {props.choices?.(preview, file)}
            <SheetProblems
              errorCount={preview.errorCount}
              errors={preview.errors}
              ready={props.ready(preview)}
            />
            <Subheading>First rows</Subheading>
            <SheetPreviewTable
              fields={fields}
              mapping={preview.mapping}
              rows={preview.preview}
              extra={props.matched}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={props.onImport}
            loading={busy}
            disabled={!preview || preview.errorCount > 0}
          >
            {preview ? props.importLabel(preview) : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
