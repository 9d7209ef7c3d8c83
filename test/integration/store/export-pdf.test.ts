// The PDF export printed by real Chromium (JavaScript off), then read back with poppler: text extracted with
// pdftotext must show the hostile strings escaped and inert; pages rendered with pdftoppm must not be blank.
import { execFileSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../../src/main/export/export-report';
import { createChromiumPdfPrinter } from '../../../src/main/export/pdf';
import { findSecret, secretForms } from '../../../src/shared/secrets';
import {
  chromiumMissing,
  firstMissing,
  itPeers,
  japaneseFontMissing,
  popplerMissing,
} from '../../helpers/peers';
import { ANSI, FORBIDDEN_OUTPUT, hostileReport, MARK, SCRIPT } from '../../unit/store/hostile';

const TOOLS_MISSING = firstMissing(chromiumMissing(), popplerMissing());
const JA_FONT_MISSING = firstMissing(TOOLS_MISSING, japaneseFontMissing());

/** Page resolution for the blank check, in dots per inch (low: we count pixels, not read them). */
const RASTER_DPI = 40;
/** A page with less than this share of non-white pixels counts as blank. */
const MIN_INK_SHARE = 0.005;

/** Parses a binary PPM (P6) and returns the share of pixels that are not near-white. */
function inkShare(ppm: Buffer): number {
  // Header: "P6" <ws> width <ws> height <ws> maxval <single ws> then width*height*3 bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header?.[1] || !header[2] || header[3] !== '255') throw new Error('not an 8-bit P6 PPM');
  const w = Number(header[1]);
  const h = Number(header[2]);
  const data = ppm.subarray(header[0].length);
  if (data.length < w * h * 3) throw new Error('truncated PPM');
  let ink = 0;
  for (let i = 0; i < w * h * 3; i += 3)
    if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) ink++;
  return ink / (w * h);
}

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-pdf-'));
});
afterAll(async () => fsp.rm(dir, { recursive: true, force: true }));

describe('PDF export through Chromium', () => {
  for (const lang of ['ja', 'en'] as const) {
    itPeers(`prints escaped, non-blank A4 pages (${lang})`, TOOLS_MISSING, { timeout: 120_000 }, async () => {
      const file = path.join(dir, `report-${lang}.pdf`);
      const secrets = [{ user: 'scanner@contoso.com', password: 'Never-In-Pdf-77' }];
      const res = await writeExport(
        hostileReport(),
        { format: 'pdf', lang, secrets, pdf: createChromiumPdfPrinter() },
        file,
      );
      expect(res.bytes).toBeGreaterThan(1000);
      const bytes = await fsp.readFile(file);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const info = execFileSync('pdfinfo', [file]).toString();
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0');
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThan(15); // the 1 MB lines were cut, not printed over hundreds of pages
      expect(info).toMatch(/Page size:.*\(A4\)/);

      // pdftotext separates pages with form feeds; anything else from the control range would be ours.
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\f/g, '\n');
      expect(text).toContain(MARK);
      expect(text.replace(/\s+/g, '')).toContain(SCRIPT.replace(/\s+/g, ''));
      expect(text).toContain('^[[31mRED');
      expect(text).toContain('<U+202E>');
      expect(text).not.toContain(ANSI);
      expect(text).not.toMatch(FORBIDDEN_OUTPUT);
      expect(findSecret(text, secretForms(secrets[0] ?? {}))).toBeNull();
      if (lang === 'ja') expect(text).toContain('診断');

      const prefix = path.join(dir, `page-${lang}`);
      execFileSync('pdftoppm', ['-r', String(RASTER_DPI), file, prefix]); // PPM (P6) is pdftoppm's default output
      const ppms = (await fsp.readdir(dir))
        .filter((n) => n.startsWith(`page-${lang}`) && n.endsWith('.ppm'))
        .sort();
      expect(ppms.length).toBe(pages);
      const first = await fsp.readFile(path.join(dir, ppms[0] ?? ''));
      expect(inkShare(first)).toBeGreaterThan(MIN_INK_SHARE);
      for (const p of ppms) expect(inkShare(await fsp.readFile(path.join(dir, p)))).toBeGreaterThan(0);
    });
  }

  itPeers(
    'embeds a Japanese font in the ja PDF, so text is not printed as empty boxes',
    JA_FONT_MISSING,
    {},
    () => {
      const fonts = execFileSync('pdffonts', [path.join(dir, 'report-ja.pdf')]).toString();
      expect(fonts).toMatch(/IPA|CJK|Gothic|Mincho|Noto Sans JP|Takao|VL/i);
    },
  );

  it('inkShare tells a blank page from a printed one', () => {
    const blank = Buffer.concat([Buffer.from('P6\n4 4\n255\n'), Buffer.alloc(48, 255)]);
    const inked = Buffer.concat([Buffer.from('P6\n4 4\n255\n'), Buffer.alloc(24, 0), Buffer.alloc(24, 255)]);
    expect(inkShare(blank)).toBe(0);
    expect(inkShare(inked)).toBe(0.5);
  });
});
