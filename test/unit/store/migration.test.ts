// Reports written by this version must be readable by the next schema version: a "version 2" defined here
// (a new required field, a renamed one) reads, through its migration, the files this build's store writes.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadReportFile } from '../../../src/main/store/report-file';
import { createReportStore } from '../../../src/main/store/report-store';
import {
  JobSchema,
  REPORT_CODEC,
  REPORT_SCHEMA_VERSION,
  ReportSchema,
  type ReportCodec,
} from '../../../src/shared/report';
import { diagnosis, JOB } from './fixtures';

const NEXT = REPORT_SCHEMA_VERSION + 1;
const NextSchema = ReportSchema.omit({ schemaVersion: true, notes: true }).extend({
  schemaVersion: z.literal(NEXT),
  job: JobSchema.extend({ contactPerson: z.string() }),
  // v2 renames notes → technicianNotes.
  technicianNotes: z.array(z.object({ at: z.string(), text: z.string() })),
});
type NextReport = z.infer<typeof NextSchema>;
const nextCodec: ReportCodec<NextReport> = {
  version: NEXT,
  schema: NextSchema,
  migrations: {
    ...REPORT_CODEC.migrations,
    [REPORT_SCHEMA_VERSION]: (raw) => {
      const { notes, job, ...rest } = raw;
      return {
        ...rest,
        schemaVersion: NEXT,
        job: { ...(job as object), contactPerson: '' },
        technicianNotes: notes,
      };
    },
  },
};

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-mig-'));
});
afterEach(async () => fsp.rm(dir, { recursive: true, force: true }));

describe('report schema migrations', () => {
  it('the next schema version reads back a report written by this version', async () => {
    const store = await createReportStore(dir);
    const r = await store.create(JOB);
    await store.addRun(r.id, diagnosis());
    await store.save({
      ...(await store.open(r.id)),
      notes: [{ at: r.createdAt, text: 'SMTP AUTH off for the tenant' }],
    });
    const res = await loadReportFile(path.join(dir, `${r.id}.json`), nextCodec);
    if (!res.ok) throw new Error(res.reason);
    expect(res.migratedFrom).toBe(REPORT_SCHEMA_VERSION);
    expect(res.value.schemaVersion).toBe(NEXT);
    expect(res.value.job.contactPerson).toBe('');
    expect(res.value.job.customer).toBe('Contoso 株式会社');
    expect(res.value.technicianNotes).toEqual([{ at: r.createdAt, text: 'SMTP AUTH off for the tenant' }]);
    expect(res.value.runs[0]?.diagnosis.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'fail']);
  });

  it('this version refuses (without damage) a file from the next version, and reports a missing migration', async () => {
    const file = path.join(dir, 'r20261101-000000-aaaaaaaaaaaa.json');
    await fsp.writeFile(file, JSON.stringify({ schemaVersion: NEXT }));
    const res = await loadReportFile(file);
    expect(res).toMatchObject({ ok: false, kind: 'newer' });
    const broken: ReportCodec<NextReport> = { ...nextCodec, migrations: {} };
    const store = await createReportStore(dir);
    const r = await store.create(JOB);
    expect(await loadReportFile(path.join(dir, `${r.id}.json`), broken)).toMatchObject({
      ok: false,
      kind: 'invalid',
      reason: expect.stringMatching(/no migration/) as unknown,
    });
  });
});
