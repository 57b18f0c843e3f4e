import React from 'react';

/** A small two-page PDF from @react-pdf/renderer (ESM-only, so imported dynamically). */
export async function makePdf(title = 'Gap assessment report'): Promise<Buffer> {
  const { Document, Page, Text, renderToBuffer } = await import('@react-pdf/renderer');
  const h = React.createElement;
  const doc = h(
    Document,
    { title },
    h(Page, { size: 'A4' }, h(Text, null, title)),
    h(Page, { size: 'A4' }, h(Text, null, 'Sign-off: the signature block is drawn here.')),
  );
  return renderToBuffer(doc);
}
