import type { ReportData, ReportSigner } from '../types';
import {
  evidenceColumns,
  evidenceIntro,
  noEvidence,
  signatureBlock,
  signerFacts,
  signOffIntro,
  type SignatureBlock,
} from '../content/closing';
import { colour, h, keyValues, s, table, type Node, type Pdf } from './kit';

export function evidenceIndex(P: Pdf, d: ReportData): Node[] {
  return [
    h(P.Text, { key: 'intro', style: s.p }, evidenceIntro(d)),
    d.evidence.length === 0
      ? h(P.Text, { key: 'none', style: s.muted }, noEvidence)
      : table(P, evidenceColumns, d.evidence, (x) => `${x.sha256}-${x.title}`),
  ];
}

/** The framed block the digital signature refers to (accent when signed, red for a draft). */
export function signatureFrame(P: Pdf, block: SignatureBlock, signed: boolean): Node {
  const tone = signed ? colour.accent : colour.poor;
  return h(
    P.View,
    {
      key: 'block',
      wrap: false,
      style: { marginTop: 16, borderWidth: 1, borderColor: tone, padding: 12, minHeight: 90 },
    },
    h(
      P.Text,
      { style: { fontSize: 11, fontWeight: 'bold', color: tone, marginBottom: 4 } },
      block.title,
    ),
    ...block.lines.map((line, i) => h(P.Text, { key: `l${i}`, style: s.p }, line)),
    block.fingerprint ? h(P.Text, { style: [s.mono, { fontSize: 7.5 }] }, block.fingerprint) : null,
    block.check ? h(P.Text, { style: [s.small, { marginTop: 6 }] }, block.check) : null,
  );
}

/** The sign-off page: who signs, and the visible block the digital signature refers to. */
export function signOff(P: Pdf, d: ReportData, signer: ReportSigner | null): Node[] {
  return [
    h(P.Text, { key: 'intro', style: s.p }, signOffIntro(d, false)),
    keyValues(P, signerFacts(d, signer)),
    signatureFrame(P, signatureBlock(d, signer, false), signer !== null),
  ];
}
