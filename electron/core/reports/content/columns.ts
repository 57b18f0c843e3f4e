/**
 * A table column as both renderers draw it: the PDF lays widths out in points, the Word document
 * turns the same points into proportions of the page width. `'*'` takes what is left.
 */
export interface Column<T> {
  title: string;
  width: number | '*';
  cell: (row: T) => string;
  /** Set in a monospaced face (hashes). */
  mono?: boolean;
  /**
   * A bold, coloured first line before the cell's text (a status or a change), so the eye finds
   * it down the column; null leaves the cell plain.
   */
  mark?: (row: T) => { text: string; colour: string } | null;
}
