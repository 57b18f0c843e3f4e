/**
 * Report branding: checked on the way in (accent contrast, logo type, size and content), stored
 * as one audited settings row, and printed by both the PDF and the Word report. Needs the built
 * report worker (`npx electron-vite build`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { startTestCore } from '../helpers/core';
import { caller } from '../helpers/risk-core';

type Core = Awaited<ReturnType<typeof startTestCore>>;
let core: Core;
let assessmentId = '';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const squareSvg = (extra = '') =>
  `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"${extra}><rect width="120" height="100" fill="#155795"/><text x="130" y="60" font-size="30">Acme</text></svg>`;

/** A real PNG, with a text chunk (metadata) slipped in before its image data. */
function pngWithMetadata(): Buffer {
  const png = new Resvg(squareSvg()).render().asPng();
  const text = Buffer.from('Comment\0secret author note', 'latin1');
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  text.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length);
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

function zipEntry(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const parts: Buffer[] = [];
          stream.on('data', (p: Buffer) => parts.push(p));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(parts).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${name} is not in ${file}`)));
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  core = await startTestCore();
  const demo = await seedDemo(core.ctx, { size: 'small', seed: 42 });
  assessmentId = demo.assessmentIds[0] ?? '';
}, 120_000);
afterAll(() => core?.close());

describe('report branding', () => {
  it('starts empty, saves the text and an accent that reads on white, and audits the change', async () => {
    const api = caller(core);
    expect(await api.ok('branding.get', {})).toEqual({
      consultancyName: '',
      accentColour: null,
      coverText: '',
      disclaimer: '',
      logo: null,
    });
    const saved = await api.ok('branding.save', {
      consultancyName: '  Kierkegård & Żółć Advisory ',
      accentColour: '#5B3ABD',
      coverText: 'Prepared for the board.\n\nConfidential.',
      disclaimer: 'Findings reflect the evidence seen during fieldwork.',
    });
    expect(saved.consultancyName).toBe('Kierkegård & Żółć Advisory');
    expect(saved.accentColour).toBe('#5b3abd');
    expect(await api.ok('branding.get', {})).toEqual(saved);
    const audit = core.store.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'branding' ORDER BY seq`)
      .all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['branding.save']);
  });

  it('refuses an accent that does not read on white, or is not #rrggbb, and keeps the saved one', async () => {
    const api = caller(core);
    const pale = await api.fail('branding.save', { accentColour: '#f6c453' });
    expect(pale.code).toBe('VALIDATION');
    expect(pale.message).toMatch(/reads at 1\.\d:1 against white/);
    expect((await api.fail('branding.save', { accentColour: 'blue' })).code).toBe('VALIDATION');
    expect((await api.ok('branding.get', {})).accentColour).toBe('#5b3abd');
  });

  it('stores a PNG logo redrawn from its pixels (metadata gone) and an SVG as a PNG', async () => {
    const api = caller(core);
    const png = await api.ok('branding.setLogo', {
      fileName: 'logo.png',
      fileBase64: b64(pngWithMetadata()),
    });
    expect(png.logo).toMatchObject({ width: 300, height: 100, source: 'png' });
    const stored = Buffer.from(png.logo?.pngBase64 ?? '', 'base64');
    expect(stored.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(stored.includes(Buffer.from('secret author note'))).toBe(false);
    const svg = await api.ok('branding.setLogo', {
      fileName: 'logo.svg',
      fileBase64: b64(squareSvg()),
    });
    expect(svg.logo).toMatchObject({ width: 300, height: 100, source: 'svg' });
    expect(
      Buffer.from(svg.logo?.pngBase64 ?? '', 'base64')
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
  });

  it('refuses hostile or broken logos and writes nothing for them', async () => {
    const api = caller(core);
    const before = await api.ok('branding.get', {});
    const cases: [string, string | Buffer, RegExp][] = [
      ['script.svg', squareSvg().replace('</svg>', '<script>alert(1)</script></svg>'), /script/],
      ['handler.svg', squareSvg(' onload="alert(1)"'), /event handlers/],
      [
        'external.svg',
        squareSvg().replace(
          '</svg>',
          '<image href="file:///etc/passwd" width="10" height="10"/></svg>',
        ),
        /another file or address/,
      ],
      [
        'entities.svg',
        `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>${squareSvg()}`,
        /document type or entities/,
      ],
      [
        'style.svg',
        squareSvg().replace('<rect', '<style>@import "x.css";</style><rect'),
        /imports styles|another file/,
      ],
      ['not-an-image.png', 'hello, world', /neither a PNG nor an SVG/],
      [
        'truncated.png',
        Buffer.concat([new Resvg(squareSvg()).render().asPng().subarray(0, 40)]),
        /could not be read/,
      ],
    ];
    for (const [fileName, content, message] of cases) {
      const refused = await api.fail('branding.setLogo', { fileName, fileBase64: b64(content) });
      expect(refused.code, fileName).toBe('VALIDATION');
      expect(refused.message, fileName).toMatch(message);
    }
    const huge = await api.fail('branding.setLogo', {
      fileName: 'huge.png',
      fileBase64: Buffer.alloc(600 * 1024).toString('base64'),
    });
    expect(huge.message).toMatch(/at most 512 KB/);
    expect(await api.ok('branding.get', {})).toEqual(before);
  });

  it('prints the branding in the PDF and the Word report', async () => {
    const api = caller(core);
    const pdf = await api.ok('reports.export', { assessmentId, kind: 'soa', draft: true });
    const pdfFile = path.join(core.dataDir, 'exports', pdf.fileName);
    const text = spawnSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Kierkegård & Żółć Advisory — ISO/IEC 42001 gap assessment');
    expect(text).toContain('Prepared for the board.');
    expect(text).toContain('Findings reflect the evidence seen during fieldwork.');
    const images = spawnSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).stdout;
    expect(images).toMatch(/\n\s+1\s+\d+\s+image\s+300\s+100\b/);

    const docx = await api.ok('reports.export', {
      assessmentId,
      kind: 'soa',
      draft: true,
      format: 'docx',
    });
    const docxFile = path.join(core.dataDir, 'exports', docx.fileName);
    const { value: html } = await mammoth.convertToHtml({ path: docxFile });
    expect(html).toContain('Kierkegård &amp; Żółć Advisory');
    expect(html).toContain('Prepared for the board.');
    expect(html).toContain('Findings reflect the evidence seen during fieldwork.');
    expect(html).toContain('alt="Kierkegård &amp; Żółć Advisory logo"');
    expect(await zipEntry(docxFile, 'word/footer1.xml')).toContain(
      'Kierkegård &amp; Żółć Advisory — ISO/IEC 42001 gap assessment',
    );
    // The accent colours the heading styles (Word's own, so restyling stays in Word).
    expect(await zipEntry(docxFile, 'word/styles.xml')).toMatch(
      /w:styleId="Heading1">[\s\S]*?<w:color w:val="5B3ABD"\/>/,
    );
    expect(fs.existsSync(docxFile)).toBe(true);
  }, 120_000);
});
