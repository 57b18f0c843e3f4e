import type { ReportData, ReportSigner } from '../types';

/** What every Word section module receives: the same report data the PDF is drawn from. */
export interface DocxContext {
  d: ReportData;
  draft: boolean;
  signer: ReportSigner | null;
  /** The report's fonts, for drawing the chart images. */
  fontsDir: string;
}
