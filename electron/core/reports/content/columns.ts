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
}
