import { useEffect, useRef, useState } from 'react';
import { Button, Group, Loader, Text } from '@mantine/core';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ErrorAlert } from '../../components/ErrorAlert';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Draws a PDF's pages onto a canvas with pdf.js: nothing in the file runs (no eval, no
 * scripting, no XFA forms), and links in it go nowhere.
 */
export function PdfPreview({ bytes, title }: { bytes: Blob; title: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    void bytes.arrayBuffer().then(async (data) => {
      try {
        loaded = await getDocument({
          data: new Uint8Array(data),
          isEvalSupported: false,
          enableXfa: false,
          disableAutoFetch: true,
          stopAtErrors: false,
        }).promise;
        if (!cancelled) setDoc(loaded);
      } catch (e) {
        if (!cancelled) setError(`This PDF cannot be shown: ${(e as Error).message}`);
      }
    });
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let task: { cancel(): void } | null = null;
    const target = canvas.current;
    void doc.getPage(page).then((p) => {
      const viewport = p.getViewport({ scale: 1.2 });
      target.width = viewport.width;
      target.height = viewport.height;
      const render = p.render({ canvas: target, viewport });
      task = render;
      render.promise.catch(() => undefined);
    });
    return () => task?.cancel();
  }, [doc, page]);

  if (error) return <ErrorAlert message={error} />;
  if (!doc) return <Loader size="sm" aria-label="Loading PDF" />;
  return (
    <div>
      <Group gap="xs" mb="xs">
        <Button
          size="compact-sm"
          variant="default"
          disabled={page <= 1}
          onClick={() => setPage(page - 1)}
        >
          Previous page
        </Button>
        <Text size="sm">
          Page {page} of {doc.numPages}
        </Text>
        <Button
          size="compact-sm"
          variant="default"
          disabled={page >= doc.numPages}
          onClick={() => setPage(page + 1)}
        >
          Next page
        </Button>
      </Group>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${title}, page ${page}`}
        style={{ maxWidth: '100%', border: '1px solid var(--mantine-color-gray-3)' }}
      />
    </div>
  );
}
