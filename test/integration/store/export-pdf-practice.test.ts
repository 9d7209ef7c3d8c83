// The PDF of a practice run (練習用ラボ), read back from the real PDF with pdftotext: page 1 says practice, with
// the scenario, before the verdict, in Japanese and English (an admin must never act on a practice run).
import { execFileSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { writeExport } from '../../../src/main/export/export-report';
import { LABELS } from '../../../src/main/export/labels';
import { createChromiumPdfPrinter } from '../../../src/main/export/pdf';
import { PRACTICE_LABEL } from '../../../src/shared/practice';
import { REPORT_SCHEMA_VERSION, ReportSchema } from '../../../src/shared/report';
import {
  chromiumMissing,
  firstMissing,
  itPeers,
  japaneseFontMissing,
  popplerMissing,
} from '../../helpers/peers';
import { diagnosis, JOB } from '../../unit/store/fixtures';
import { SCENARIO_NAMES } from '../../../src/shared/scenario-names';

const MISSING = firstMissing(chromiumMissing(), popplerMissing(), japaneseFontMissing());

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-pdf-practice-'));
});
afterAll(async () => fsp.rm(dir, { recursive: true, force: true }));

function report() {
  const d = diagnosis({ practice: { scenario: 'tenant-auth-disabled' } });
  return ReportSchema.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: 'r-pdf-practice',
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

describe('PDF of a practice run', () => {
  for (const lang of ['ja', 'en'] as const) {
    itPeers(
      `page 1 names the practice lab and its scenario before the verdict (${lang})`,
      MISSING,
      { timeout: 120_000 },
      async () => {
        const file = path.join(dir, `practice-${lang}.pdf`);
        await writeExport(
          report(),
          { format: 'pdf', lang, secrets: [], pdf: createChromiumPdfPrinter() },
          file,
        );
        const p1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'])
          .toString()
          .replace(/\s+/g, '');
        const label = PRACTICE_LABEL[lang].replace(/\s+/g, '');
        expect(p1).toContain(label);
        // The scenario by its name in the PDF's language (shared/scenario-names.ts), never its id.
        expect(p1).toContain(SCENARIO_NAMES[lang]['tenant-auth-disabled'].replace(/\s+/g, ''));
        expect(p1).not.toContain('tenant-auth-disabled');
        expect(p1.indexOf(label)).toBeLessThan(p1.indexOf(LABELS[lang].verdicts.fail.replace(/\s+/g, '')));
      },
    );
  }
});
