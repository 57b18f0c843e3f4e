import { useState } from 'react';
import { IMPORT_MAX_BYTES } from '../../../shared/domain/risk-sheet-fields';
import { errorMessage } from '../api/error-message';

/**
 * The state of a spreadsheet import dialog: the picked file, the preview the main side read from
 * it for a given choice (mapping and the like), and what went wrong. `read` sends the file again
 * each time (a received file is taken once); `keep` commits it and closes nothing by itself.
 */
export function useSheetImport<Preview, Choice>(
  read: (file: File, choice?: Choice) => Promise<Preview>,
) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function analyse(f: File, choice?: Choice) {
    setBusy(true);
    setFailure(null);
    try {
      setPreview(await read(f, choice));
    } catch (error) {
      setPreview(null);
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function pick(picked: File | null) {
    setPreview(null);
    setFailure(null);
    setFile(picked);
    if (!picked) return;
    if (picked.size > IMPORT_MAX_BYTES) return setFailure(`${picked.name} is larger than 20 MB.`);
    await analyse(picked);
  }

  /** Runs the commit with the busy flag up; a failure is shown and answered false. */
  async function keep(commit: (file: File, preview: Preview) => Promise<void>): Promise<boolean> {
    if (!file || !preview) return false;
    setBusy(true);
    try {
      await commit(file, preview);
      return true;
    } catch (error) {
      setFailure(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { file, preview, failure, busy, analyse, pick, keep };
}
