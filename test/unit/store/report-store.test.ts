import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportStore, type ReportStore } from '../../../src/main/store/report-store';
import { writeFileAtomic, RENAME_MAX_ATTEMPTS } from '../../../src/main/store/atomic-write';
import { StoreError } from '../../../src/main/store/store-error';
import { diagnosis, JOB } from './fixtures';

let dir: string;
let store: ReportStore;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-store-'));
  store = await createReportStore(dir, { autosaveDelayMs: 30, autosaveMaxWaitMs: 100 });
});
afterEach(async () => {
  await store.flush();
  await fsp.rm(dir, { recursive: true, force: true });
});

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof StoreError ? e.code : String(e)),
  );

describe('report store', () => {
  it('creates, saves a run, opens and lists a report (one file per report)', async () => {
    const r = await store.create(JOB);
    const withRun = await store.addRun(r.id, diagnosis(), { label: 'first visit' });
    expect(withRun.runs).toHaveLength(1);
    const opened = await store.open(r.id);
    expect(opened.job.customer).toBe('Contoso 株式会社');
    expect(opened.runs[0]?.label).toBe('first visit');
    const files = (await fsp.readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(files).toEqual([`${r.id}.json`]);
    const { reports, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(reports.map((s) => [s.id, s.runCount, s.lastVerdict, s.findingCodes])).toEqual([
      [r.id, 1, 'fail', ['SMTP_AUTH_DISABLED_TENANT']],
    ]);
  });

  it('searches by customer, site, device, finding code and date (case/width-insensitive)', async () => {
    const a = await store.create(JOB);
    await store.addRun(a.id, diagnosis());
    const b = await store.create({
      ...JOB,
      customer: 'Fabrikam',
      site: 'Osaka',
      device: { model: 'Canon iR-ADV C5840' },
    });
    await store.addRun(b.id, diagnosis({ startedAt: '2026-10-01T03:00:00.000Z', checks: [] }));
    const ids = async (q: Parameters<ReportStore['list']>[0]) =>
      (await store.list(q)).reports.map((s) => s.id).sort();
    expect(await ids({ customer: 'contoso' })).toEqual([a.id]);
    expect(await ids({ site: 'ＯＳＡＫＡ' })).toEqual([b.id]);
    expect(await ids({ device: 'canon' })).toEqual([b.id]);
    expect(await ids({ findingCode: 'smtp_auth_disabled_tenant' })).toEqual([a.id]);
    expect(await ids({ from: '2026-10-01', to: '2026-10-01' })).toEqual([b.id]);
    expect(await ids({ text: 'copy room' })).toEqual([a.id]);
    expect(await ids({})).toEqual([a.id, b.id].sort());
  });

  it('duplicates a report as a new visit: same job, no runs, linked to the previous one', async () => {
    const a = await store.create(JOB);
    await store.addRun(a.id, diagnosis());
    const b = await store.duplicate(a.id);
    expect(b.id).not.toBe(a.id);
    expect(b.previousReportId).toBe(a.id);
    expect(b.job).toEqual((await store.open(a.id)).job);
    expect(b.runs).toEqual([]);
  });

  it('deletes into the trash and restores (undo)', async () => {
    const a = await store.create(JOB);
    await store.remove(a.id);
    expect((await store.list()).reports).toEqual([]);
    expect((await store.listTrash()).map((s) => s.id)).toEqual([a.id]);
    expect(await codeOf(store.open(a.id))).toBe('not-found');
    const back = await store.restore(a.id);
    expect(back.id).toBe(a.id);
    expect((await store.list()).reports.map((s) => s.id)).toEqual([a.id]);
    expect(await codeOf(store.restore(a.id))).toBe('exists');
    await store.remove(a.id);
    expect(await store.emptyTrash()).toBe(1);
    expect(await codeOf(store.restore(a.id))).toBe('not-found');
  });

  it('quarantines damaged files, reports them in the listing, and keeps going', async () => {
    const good = await store.create(JOB);
    await fsp.writeFile(
      path.join(dir, 'r20261101-000000-aaaaaaaaaaaa.json'),
      '{"schemaVersion":1,"id":"r2026',
    );
    await fsp.writeFile(
      path.join(dir, 'r20261101-000000-bbbbbbbbbbbb.json'),
      JSON.stringify({ schemaVersion: 1, id: 'x' }),
    );
    await fsp.writeFile(path.join(dir, 'r20261101-000000-cccccccccccc.json'), '');
    const { reports, problems } = await store.list();
    expect(reports.map((s) => s.id)).toEqual([good.id]);
    expect(problems).toHaveLength(3);
    expect(problems.every((p) => p.kind === 'quarantined' && p.movedTo?.startsWith('quarantine'))).toBe(true);
    expect(problems.map((p) => p.reason).join('|')).toMatch(
      /not valid JSON.*\|.*schema 1 check failed.*\|empty file|empty file/s,
    );
    expect(
      (await fsp.readdir(path.join(dir, 'quarantine'))).filter((n) => n.endsWith('.quarantined')),
    ).toHaveLength(3);
    // Still reported on the next listing, with the same reason.
    const again = await store.list();
    expect(again.problems).toHaveLength(3);
    expect(again.reports).toHaveLength(1);
    // Opening a damaged report quarantines it and says so, without throwing anything but a StoreError.
    await fsp.writeFile(path.join(dir, `${good.id}.json`), '{"schemaVersion":1,');
    expect(await codeOf(store.open(good.id))).toBe('corrupt');
    expect((await store.list()).reports).toEqual([]);
  });

  it('ignores in-flight temp files and removes stale ones left by a crash', async () => {
    const r = await store.create(JOB);
    const fresh = path.join(dir, `.${r.id}.json.123.aaaa.tmp`);
    const stale = path.join(dir, `.${r.id}.json.456.bbbb.tmp`);
    await fsp.writeFile(fresh, '{"half":');
    await fsp.writeFile(stale, '{"half":');
    const old = new Date(Date.now() - 10 * 60_000);
    await fsp.utimes(stale, old, old);
    const { reports, problems } = await store.list();
    expect(reports.map((s) => s.id)).toEqual([r.id]);
    expect(problems).toEqual([]);
    expect(await fsp.readdir(dir)).toContain(path.basename(fresh));
    expect(await fsp.readdir(dir)).not.toContain(path.basename(stale));
  });

  it('leaves files from a newer app version alone and lists them as problems', async () => {
    const name = 'r20991231-000000-dddddddddddd.json';
    await fsp.writeFile(
      path.join(dir, name),
      JSON.stringify({ schemaVersion: 99, id: 'r20991231-000000-dddddddddddd' }),
    );
    const { problems } = await store.list();
    expect(problems).toEqual([
      { file: name, kind: 'newer-version', reason: expect.stringMatching(/newer app/) as unknown },
    ]);
    expect(await fsp.readdir(dir)).toContain(name);
    expect(await codeOf(store.open('r20991231-000000-dddddddddddd'))).toBe('newer');
  });

  it('refuses ids that are not plain names (path traversal, absolute paths, device names)', async () => {
    for (const bad of [
      '../etc/passwd',
      '..',
      '/tmp/x',
      'a/b',
      'C:\\x',
      '.hidden',
      'a.json',
      '',
      'x'.repeat(200),
    ]) {
      expect(await codeOf(store.open(bad))).toBe('invalid-id');
      expect(await codeOf(store.remove(bad))).toBe('invalid-id');
    }
  });

  it('blocks a save that would write a session secret, in any encoding, and writes nothing', async () => {
    const pw = 'S3cret-Pa55word!';
    const s2 = await createReportStore(dir, {
      sessionSecrets: () => [{ user: 'scanner@contoso.com', password: pw }],
    });
    const r = await s2.create(JOB);
    const leaky = {
      ...r,
      notes: [
        {
          at: r.createdAt,
          text: `AUTH PLAIN ${Buffer.from(`\0scanner@contoso.com\0${pw}`).toString('base64')}`,
        },
      ],
    };
    const err = await s2.save(leaky).then(
      () => null,
      (e: unknown) => e as StoreError,
    );
    expect(err?.code).toBe('secret');
    expect(err?.message).not.toContain(pw);
    expect((await s2.open(r.id)).notes).toEqual([]);
  });

  it('autosaves the job in progress after a short quiet time, and within the max wait while edits continue', async () => {
    const r = await store.create(JOB);
    for (let i = 0; i < 12; i++) {
      store.autosave({ ...r, notes: [{ at: r.createdAt, text: `edit ${i}` }] });
      await new Promise((res) => setTimeout(res, 15));
    }
    // Edits kept coming every 15 ms (< 30 ms quiet time) for ~180 ms: the 100 ms max wait forced a write.
    const mid = await store.open(r.id);
    expect(mid.notes[0]?.text).toMatch(/^edit \d+$/);
    await store.flush();
    expect((await store.open(r.id)).notes[0]?.text).toBe('edit 11');
  });
});

describe('atomic write', () => {
  it('retries a rename locked by another process (Windows EPERM/EBUSY) and then succeeds', async () => {
    const target = path.join(dir, 'x.json');
    let calls = 0;
    const ops = {
      rename: async (a: string, b: string) => {
        calls++;
        if (calls <= 3) throw Object.assign(new Error('locked'), { code: calls % 2 ? 'EPERM' : 'EBUSY' });
        await fsp.rename(a, b);
      },
    };
    await writeFileAtomic(target, 'new', ops);
    expect(calls).toBe(4);
    expect(await fsp.readFile(target, 'utf8')).toBe('new');
  });

  it('gives up after a bounded number of attempts, leaving the old file and no temp file', async () => {
    const target = path.join(dir, 'x.json');
    await fsp.writeFile(target, 'old');
    let calls = 0;
    const ops = {
      rename: () => {
        calls++;
        return Promise.reject(Object.assign(new Error('locked'), { code: 'EACCES' }));
      },
    };
    await expect(writeFileAtomic(target, 'new', ops)).rejects.toThrow('locked');
    expect(calls).toBe(RENAME_MAX_ATTEMPTS);
    expect(await fsp.readFile(target, 'utf8')).toBe('old');
    expect((await fsp.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
