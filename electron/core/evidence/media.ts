import { fileExtension } from '../../../shared/rules/file-name';
import type { PreviewKind } from '../../../shared/contracts/evidence';

const byExtension: Record<string, string> = {
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xml: 'application/xml',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  html: 'text/html',
  htm: 'text/html',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};

/** Magic numbers: what the bytes are, whatever the name claims. */
function sniff(head: Buffer): string | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => head[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/**
 * The media type we record: the sniffed type for images and PDF (so a renamed file previews as
 * what it really is, and a "picture.png" that is not a PNG does not reach the image decoder),
 * otherwise the one the extension names.
 */
export function detectMediaType(fileName: string, head: Buffer): string {
  const sniffed = sniff(head);
  if (sniffed) return sniffed;
  const claimed = byExtension[fileExtension(fileName)];
  if (claimed && (claimed.startsWith('image/') || claimed === 'application/pdf')) {
    // Claims to be an image or PDF but the bytes disagree (SVG is text, checked below).
    return claimed === 'image/svg+xml' ? claimed : 'application/octet-stream';
  }
  return claimed ?? 'application/octet-stream';
}

const textTypes = new Set([
  'text/plain',
  'text/markdown',
  'text/csv',
  'text/tab-separated-values',
  'application/json',
  'application/xml',
  'application/yaml',
  // HTML and SVG are shown as their source text: rendering them could run what they contain.
  'text/html',
  'image/svg+xml',
]);

export function previewKindOf(mediaType: string): PreviewKind {
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(mediaType)) return 'image';
  if (mediaType === 'application/pdf') return 'pdf';
  if (textTypes.has(mediaType)) return 'text';
  return 'none';
}

/**
 * File types a system application would run rather than show: opening them warns first. Besides
 * programs and scripts this includes shortcuts and link files (.url, .webloc, .desktop, .scf …):
 * opened, they send the system to whatever URL they hold — file:, smb:, javascript:, a look-alike
 * host — which is the same as opening that URL.
 */
const RUNNABLE = new Set(
  [
    // programs, installers, scripts
    'exe msi msp mst bat cmd com scr pif cpl msc ps1 psm1 psd1 ps1xml vb vbs vbe js jse wsf wsh',
    'hta sh bash zsh command tool terminal app dmg pkg jar jnlp py pl rb appimage deb rpm reg',
    'gadget diagcab application appref-ms xll xlam ppam scpt applescript workflow action',
    // shortcuts and links that point the system somewhere
    'lnk url website webloc inetloc desktop scf library-ms searchconnector-ms settingcontent-ms',
    // documents that run code or script in their viewer
    'html htm xhtml shtml mht mhtml svg svgz chm docm dotm xlsm xltm pptm potm',
  ]
    .join(' ')
    .split(' '),
);

export function isExecutableName(fileName: string): boolean {
  return RUNNABLE.has(fileExtension(fileName));
}
