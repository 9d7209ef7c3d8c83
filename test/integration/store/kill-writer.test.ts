// Kills the report writer (SIGKILL) at random points during saves, many times: afterwards every report is
// either the version before the interrupted save or the version it was writing; never damaged, never lost.
import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportFile } from '../../../src/main/store/report-file';
import { createReportStore } from '../../../src/main/store/report-store';
import { JOB } from '../../unit/store/fixtures';

/** How many times the writer is killed. */
const KILLS = 200;
/** How many times the report-creating writer is killed. */
const CREATE_KILLS = 30;
/** Longest wait before killing the report-creating writer, in ms (a create is two fsyncs: slower than one save). */
const MAX_CREATE_KILL_DELAY_MS = 400;
/** Longest wait after the writer is ready before the kill, in milliseconds (uniformly random below it). */
const MAX_KILL_DELAY_MS = 40;
/** Bound on one child's life, in milliseconds, should a kill somehow not land. */
const CHILD_DEADLINE_MS = 10_000;

let work: string;
let childJs: string;

beforeAll(async () => {
  work = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-kill-'));
  childJs = path.join(work, 'child.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'kill-writer-child.ts')],
    outfile: childJs,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
});
afterAll(async () => fsp.rm(work, { recursive: true, force: true }));

/** Runs the child, kills it `delayMs` after it is ready; resolves with the versions it acknowledged. */
function runAndKill(dir: string, ids: string[], delayMs: number): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const acked = new Map<string, number>();
    const child = spawn(process.execPath, [childJs, dir, ...ids], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), CHILD_DEADLINE_MS);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
        const m = /^saved (\S+) (\d+)$/.exec(line);
        if (m?.[1] && m[2]) acked.set(m[1], Number(m[2]));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${err}`));
      else resolve(acked);
    });
  });
}

/** Runs the creating child, kills it `delayMs` after it is ready; resolves with the ids it acknowledged. */
function runCreateAndKill(dir: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const acked: string[] = [];
    const child = spawn(process.execPath, [childJs, '--create', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), CHILD_DEADLINE_MS);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs);
        const m = /^created (\S+)$/.exec(line);
        if (m?.[1]) acked.push(m[1]);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${err}`));
      else resolve(acked);
    });
  });
}

describe('report writes survive SIGKILL', () => {
  it(
    `creating a report with its first run (diagnose --save): after ${CREATE_KILLS} kills, every report has its run, none is empty or damaged`,
    { timeout: 300_000 },
    async () => {
      const dir = path.join(work, 'created');
      const acked: string[] = [];
      for (let k = 0; k < CREATE_KILLS; k++)
        acked.push(...(await runCreateAndKill(dir, Math.random() * MAX_CREATE_KILL_DELAY_MS)));
      const names = (await fsp.readdir(dir)).filter((n) => n.endsWith('.json'));
      // Every acknowledged report is there; at most one unacknowledged report per kill may have landed — whole.
      for (const id of acked) expect(names).toContain(`${id}.json`);
      expect(names.length - acked.length).toBeLessThanOrEqual(CREATE_KILLS);
      for (const name of names) {
        const res = await loadReportFile(path.join(dir, name));
        if (!res.ok) throw new Error(`${name} unreadable: ${res.reason}`);
        expect(res.value.runs.length, `${name} has no run`).toBe(1);
      }
      const { problems } = await (await createReportStore(dir)).list();
      expect(problems).toEqual([]);
      // The kills landed while reports were being created: many were made, so many kills fell mid-write.
      expect(names.length).toBeGreaterThan(CREATE_KILLS);
      console.log(
        `create kill test: ${CREATE_KILLS} kills, ${acked.length} reports acknowledged, ${names.length} on disk, each with its run`,
      );
    },
  );

  it(
    `every report is the old or the new version after ${KILLS} kills mid-save`,
    { timeout: 300_000 },
    async () => {
      const dir = path.join(work, 'reports');
      const store = await createReportStore(dir);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await store.create({ ...JOB, site: `site ${i}` })).id);
      const known = new Map<string, number>(ids.map((id) => [id, 0]));
      let interruptedSaves = 0;
      for (let k = 0; k < KILLS; k++) {
        const acked = await runAndKill(dir, ids, Math.random() * MAX_KILL_DELAY_MS);
        for (const id of ids) {
          const res = await loadReportFile(path.join(dir, `${id}.json`));
          if (!res.ok) throw new Error(`after kill ${k}: ${id} unreadable: ${res.reason}`);
          const onDisk = Number(res.value.notes[0]?.text ?? '0');
          const before = acked.get(id) ?? known.get(id) ?? 0;
          // The only save that may have landed unacknowledged is the one in flight: version before + 1.
          expect([before, before + 1]).toContain(onDisk);
          if (onDisk === before + 1) interruptedSaves++;
          known.set(id, onDisk);
        }
      }
      const { reports, problems } = await store.list();
      expect(problems).toEqual([]);
      expect(reports.map((r) => r.id).sort()).toEqual([...ids].sort());
      // The kills really landed during saves: progress was made and the files moved on.
      expect([...known.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(KILLS);
      console.log(
        `kill test: ${KILLS} kills, ${interruptedSaves} saves landed without acknowledgement, versions ${[...known.values()].join('/')}`,
      );
    },
  );
});
