import { useEffect, useState } from 'react';
import { Alert, Code, Loader, ScrollArea, Text, Typography } from '@mantine/core';
import Markdown from 'react-markdown';
import type {
  EvidenceItem,
  EvidencePreview as Preview,
} from '../../../../shared/contracts/evidence';
import { errorMessage } from '../../api/error-message';
import { fetchEvidencePreview, readEvidenceBytes } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PdfPreview } from './PdfPreview';

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * Shows the vault copy inside the app, never by running it: text as text (Markdown rendered
 * without raw HTML, images or links), images through a blob: URL in <img>, PDFs drawn by pdf.js.
 */
export function EvidencePreview({ item }: { item: EvidenceItem }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [bytes, setBytes] = useState<Blob | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The parent keys this component by item, so state starts empty for every item.
  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    fetchEvidencePreview(item.id)
      .then(async (p) => {
        if (cancelled) return;
        setPreview(p);
        if (p.kind !== 'image' && p.kind !== 'pdf') return;
        const blob = await readEvidenceBytes(item, 100 * 1024 * 1024);
        if (cancelled) return;
        if (p.kind === 'image') {
          url = URL.createObjectURL(blob);
          setImageUrl(url);
        } else setBytes(blob);
      })
      .catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [item]);

  if (error) return <ErrorAlert message={error} />;
  if (!preview) return <Loader size="sm" aria-label="Loading preview" />;
  if (preview.kind === 'none') {
    return (
      <Text size="sm" c="dimmed">
        No preview for this type ({preview.mediaType}). Export a copy to open it elsewhere.
      </Text>
    );
  }
  if (preview.kind === 'image') {
    return imageUrl ? (
      <img
        src={imageUrl}
        alt={item.title}
        style={{ display: 'block', alignSelf: 'flex-start', maxWidth: '100%', maxHeight: 480 }}
      />
    ) : (
      <Loader size="sm" aria-label="Loading image" />
    );
  }
  if (preview.kind === 'pdf') {
    return bytes ? (
      <PdfPreview bytes={bytes} title={item.title} />
    ) : (
      <Loader size="sm" aria-label="Loading PDF" />
    );
  }
  return (
    <div aria-label="Preview">
      {preview.truncated && (
        <Alert color="yellow" mb="xs">
          Showing the first 2 MB of {Math.round(preview.size / 1048576)} MB.
        </Alert>
      )}
      <ScrollArea.Autosize mah={480}>
        {preview.mediaType === 'text/markdown' ? (
          <Typography>
            <Markdown skipHtml disallowedElements={['img', 'a']} unwrapDisallowed>
              {preview.text}
            </Markdown>
          </Typography>
        ) : (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {preview.mediaType === 'application/json' ? prettyJson(preview.text) : preview.text}
          </Code>
        )}
      </ScrollArea.Autosize>
    </div>
  );
}
