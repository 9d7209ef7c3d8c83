// The PDF an admin opens: page 1 (read back from the real PDF with pdftotext) names the site, the device, the
// verdict and the primary finding with who acts; the transcript is only in the appendix on later pages.
import { execFileSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { writeExport } from '../../../src/main/export/export-report';
import { LABELS } from '../../../src/main/export/labels';
import { createChromiumPdfPrinter } from '../../../src/main/export/pdf';
import { CATALOG } from '../../../src/shared/findings/catalog';
import { REPORT_SCHEMA_VERSION, ReportSchema } from '../../../src/shared/report';
import {
  chromiumMissing,
  firstMissing,
  itPeers,
  japaneseFontMissing,
  popplerMissing,
} from '../../helpers/peers';
import { check, diagnosis, JOB } from '../../unit/store/fixtures';

const MISSING = firstMissing(chromiumMissing(), popplerMissing(), japaneseFontMissing());
/** Transcript rows in the fixture: enough to need pages of their own. */
const TRANSCRIPT_ROWS = 150;

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-pdf1-'));
});
afterAll(async () => fsp.rm(dir, { recursive: true, force: true }));

function report() {
  const transcript = Array.from({ length: TRANSCRIPT_ROWS }, (_, i) => ({
    t: i,
    dir: i % 2 ? ('S' as const) : ('C' as const),
    text: i % 2 ? `250-TRANSCRIPT-ROW-${i}` : 'EHLO printer',
  }));
  const d = diagnosis({
    transcript,
    checks: [
      check('tcp.submission.v4', 'pass'),
      check('auth', 'fail', [
        { code: 'SMTP_AUTH_DISABLED_TENANT', evidence: ['535 5.7.139 Authentication unsuccessful'] },
      ]),
    ],
  });
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: 'r-pdf-1',
    createdAt: d.startedAt,
    updatedAt: d.startedAt,
    appVersion: '0.1.0',
    job: JOB,
    runs: [{ id: 'a', savedAt: d.startedAt, diagnosis: d }],
    checklist: [],
    notes: [],
    captures: [],
  });
}

describe('PDF page 1', () => {
  for (const lang of ['ja', 'en'] as const) {
    itPeers(
      `site, device, verdict and primary finding on page 1; transcript in the appendix (${lang})`,
      MISSING,
      { timeout: 120_000 },
      async () => {
        const file = path.join(dir, `p1-${lang}.pdf`);
        await writeExport(
          report(),
          { format: 'pdf', lang, secrets: [], pdf: createChromiumPdfPrinter() },
          file,
        );
        const page = (first: number, last: number) =>
          execFileSync('pdftotext', [
            '-f',
            String(first),
            '-l',
            String(last),
            '-layout',
            file,
            '-',
          ]).toString();
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1] ?? '0');
        const p1 = page(1, 1);
        const L = LABELS[lang];
        for (const want of [
          '本社 2F',
          'RICOH IM C3000',
          L.verdicts.fail,
          CATALOG.SMTP_AUTH_DISABLED_TENANT.text[lang].title,
          L.actors.admin,
          'Set-CASMailbox',
        ]) {
          expect(p1.replace(/\s+/g, ''), want).toContain(want.replace(/\s+/g, ''));
        }
        expect(p1).not.toContain('TRANSCRIPT-ROW');
        expect(pages).toBeGreaterThan(1);
        const rest = page(2, pages);
        expect(rest).toContain('TRANSCRIPT-ROW-1');
        expect(rest.replace(/\s+/g, '')).toContain(L.appendixTranscript(1).replace(/\s+/g, ''));
      },
    );
  }
});
