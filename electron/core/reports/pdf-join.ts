/**
 * Joins the report's parts, laid out as separate PDFs (see report-pdf.ts), into one: their pages
 * in order, each page's footer stamped on from a PDF of footers, their outlines as one, and the
 * first part's document properties (title, author, language, outline mode).
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** One outline entry of a part, its destination pointing at a page of the joined file. */
interface OutlineEntry {
  title: PDFString | PDFHexString;
  /** The destination after its page: /Fit, or /XYZ left top zoom. */
  view: PDFObject[];
  page: PDFRef;
  /** The part's /Count: how many entries below it are shown, negative when closed. */
  count: number | null;
  children: OutlineEntry[];
}

const name = (n: string) => PDFName.of(n);

/** A part's outline entries, from `first` along /Next, their pages mapped into the joined file. */
function readOutline(
  part: PDFDocument,
  first: PDFObject | undefined,
  pageAt: Map<PDFRef, PDFRef>,
): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const seen = new Set<PDFDict>();
  let item = part.context.lookupMaybe(first, PDFDict);
  while (item && !seen.has(item)) {
    seen.add(item);
    const title = item.lookup(name('Title'));
    const dest = item.lookupMaybe(name('Dest'), PDFArray);
    const target = dest?.get(0);
    const page = target instanceof PDFRef ? pageAt.get(target) : undefined;
    if (!(title instanceof PDFString || title instanceof PDFHexString) || !dest || !page) {
      throw new Error('A part of the report has an outline entry without a title or a page.');
    }
    const count = item.lookupMaybe(name('Count'), PDFNumber)?.asNumber() ?? null;
    entries.push({
      title,
      view: dest.asArray().slice(1),
      page,
      count,
      children: readOutline(part, item.get(name('First')), pageAt),
    });
    item = part.context.lookupMaybe(item.get(name('Next')), PDFDict);
  }
  return entries;
}

/**
 * Named destinations (react-pdf's `id` props, the targets of `#id` links) would need their pages
 * mapped like the outline's; the report has none, so a part that has some is refused rather than
 * joined with links that lead nowhere.
 */
function refuseDestinations(part: PDFDocument): void {
  const names = part.catalog
    .lookupMaybe(name('Names'), PDFDict)
    ?.lookupMaybe(name('Dests'), PDFDict)
    ?.lookupMaybe(name('Names'), PDFArray);
  if (names && names.size() > 0) {
    throw new Error('A part of the report has named destinations, which joinParts does not map.');
  }
}

/** Writes `entries` as the children of `parent`, linked both ways as the PDF outline wants. */
function writeOutline(out: PDFDocument, parent: PDFRef, entries: OutlineEntry[]): PDFRef[] {
  const refs = entries.map(() => out.context.nextRef());
  entries.forEach((entry, i) => {
    const dict = out.context.obj({}) as PDFDict;
    dict.set(name('Title'), entry.title);
    dict.set(name('Parent'), parent);
    dict.set(name('Dest'), out.context.obj([entry.page, ...entry.view]));
    const previous = refs[i - 1];
    const next = refs[i + 1];
    if (previous) dict.set(name('Prev'), previous);
    if (next) dict.set(name('Next'), next);
    const children = writeOutline(out, refs[i] as PDFRef, entry.children);
    if (children.length > 0) {
      dict.set(name('First'), children[0] as PDFRef);
      dict.set(name('Last'), children.at(-1) as PDFRef);
    }
    if (entry.count !== null) dict.set(name('Count'), PDFNumber.of(entry.count));
    out.context.assign(refs[i] as PDFRef, dict);
  });
  return refs;
}

/**
 * Draws a footer page's content over a page, as a form XObject made of the footer page's own
 * content stream (still compressed as react-pdf wrote it: nothing is decoded or compressed
 * again). The page's content is wrapped in q … Q first: react-pdf leaves its coordinate flip in
 * force at the end of a page.
 */
function stamp(out: PDFDocument, page: PDFPageLeaf, footer: PDFPage, seen: Set<PDFDict>): void {
  const ctx = out.context;
  const contents = footer.node.get(name('Contents'));
  const stream = ctx.lookup(contents);
  if (!(contents instanceof PDFRef) || !(stream instanceof PDFRawStream)) {
    throw new Error('A footer page of the report has no single content stream.');
  }
  const { width, height } = footer.getSize();
  stream.dict.set(name('Type'), name('XObject'));
  stream.dict.set(name('Subtype'), name('Form'));
  stream.dict.set(name('BBox'), ctx.obj([0, 0, width, height]));
  stream.dict.set(name('Resources'), footer.node.get(name('Resources')) ?? ctx.obj({}));

  // react-pdf gives every page dictionaries of its own; one met twice is copied, not changed.
  const own = (dict: PDFDict | undefined) => {
    const mine = !dict ? (ctx.obj({}) as PDFDict) : seen.has(dict) ? dict.clone(ctx) : dict;
    seen.add(mine);
    return mine;
  };
  const resources = own(ctx.lookupMaybe(page.get(name('Resources')), PDFDict));
  const xobjects = own(resources.lookupMaybe(name('XObject'), PDFDict));
  const key = xobjects.uniqueKey('Footer');
  xobjects.set(key, contents);
  if (resources.get(name('XObject')) !== xobjects) resources.set(name('XObject'), xobjects);
  if (ctx.lookup(page.get(name('Resources'))) !== resources) page.set(name('Resources'), resources);

  const drawn = page.get(name('Contents'));
  const list = ctx.lookup(drawn);
  const streams = list instanceof PDFArray ? list.asArray() : [drawn];
  page.set(
    name('Contents'),
    ctx.obj([
      ctx.getPushGraphicsStateContentStream(),
      ...streams.filter((ref): ref is PDFObject => ref !== undefined),
      ctx.getPopGraphicsStateContentStream(),
      ctx.register(ctx.stream(`${key.toString()} Do`)),
    ]),
  );
}

/** The catalog entries the joined file takes from the first part, as they are. */
const CATALOG_KEYS = ['Lang', 'PageMode', 'ViewerPreferences'];

export async function joinParts(
  parts: Uint8Array[],
  footers: Uint8Array,
  /** Called as each page of the joined file gets its footer. */
  onPage: (page: number, total: number) => void,
): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const outline: OutlineEntry[] = [];
  let front: PDFDocument | null = null;
  for (const bytes of parts) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    front ??= part;
    const copied = await out.copyPages(part, part.getPageIndices());
    const pageAt = new Map<PDFRef, PDFRef>();
    part.getPages().forEach((page, i) => {
      const added = out.addPage(copied[i]);
      pageAt.set(page.ref, added.ref);
    });
    const root = part.catalog.lookupMaybe(name('Outlines'), PDFDict);
    outline.push(...readOutline(part, root?.get(name('First')), pageAt));
    refuseDestinations(part);
  }
  if (!front) throw new Error('A report has at least its cover.');

  const stamps = await PDFDocument.load(footers, { updateMetadata: false });
  const pages = out.getPages();
  if (stamps.getPageCount() !== pages.length) {
    throw new Error(
      `The report has ${pages.length} pages but ${stamps.getPageCount()} footers were drawn.`,
    );
  }
  const footerPages = await out.copyPages(stamps, stamps.getPageIndices());
  const seen = new Set<PDFDict>();
  pages.forEach((page, i) => {
    const footer = footerPages[i] as PDFPage;
    stamp(out, page.node, footer, seen);
    // copyPages registered the footer's page object; only its content and resources are kept.
    out.context.delete(footer.ref);
    onPage(i + 1, pages.length);
  });

  if (outline.length > 0) {
    const root = out.context.nextRef();
    const top = writeOutline(out, root, outline);
    out.context.assign(
      root,
      out.context.obj({ First: top[0] as PDFRef, Last: top.at(-1) as PDFRef }),
    );
    out.catalog.set(name('Outlines'), root);
  }
  const copier = { from: front.context, into: out.context };
  for (const key of CATALOG_KEYS) {
    const value = front.catalog.get(name(key));
    if (value) out.catalog.set(name(key), copyPlain(copier, value));
  }
  const frontInfo = front.context.lookupMaybe(front.context.trailerInfo.Info, PDFDict);
  if (frontInfo) out.context.trailerInfo.Info = out.context.register(copyPlain(copier, frontInfo));
  return out.save({ useObjectStreams: false });
}

/**
 * A copy of a small plain value of a part (a name, a string, a flag, a dictionary of those) for
 * the joined file, references followed. Nothing here points at pages.
 */
function copyPlain(
  c: { from: PDFDocument['context']; into: PDFDocument['context'] },
  value: PDFObject,
): PDFObject {
  const resolved = value instanceof PDFRef ? c.from.lookup(value) : value;
  if (resolved instanceof PDFDict) {
    const dict = c.into.obj({}) as PDFDict;
    for (const [key, inner] of resolved.entries()) dict.set(key, copyPlain(c, inner));
    return dict;
  }
  if (resolved instanceof PDFArray) {
    return c.into.obj(resolved.asArray().map((inner) => copyPlain(c, inner)));
  }
  if (!resolved) throw new Error('A part of the report refers to an object it does not hold.');
  return resolved;
}
