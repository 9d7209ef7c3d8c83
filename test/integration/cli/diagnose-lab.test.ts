// `diagnose --lab SCENARIO` against the real built-in lab (loopback): the output says practice first (human, ja
// and en) and carries `practice` in JSON; saving needs --save-practice (exit 2 without, nothing written), and the
// saved run is labelled by `report show` and `report list`.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';

/** Bound on one lab diagnosis (lab start with key generation + the checks, on 2 busy cores), in ms. */
const LAB_RUN_MS = 120_000;

const dir = mkdtempSync(path.join(tmpdir(), 'dmd-cli-lab-'));
const reportsDir = path.join(dir, 'reports');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(
  args: string[],
  lang = 'en_US.UTF-8',
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(args, {
    stdout,
    stderr,
    stdin: Readable.from([]),
    env: { LANG: lang, DMD_REPORTS_DIR: reportsDir },
  });
  return { code, out, err };
}

const reportFiles = () =>
  existsSync(reportsDir) ? readdirSync(reportsDir).filter((n) => n.endsWith('.json')) : [];

describe('diagnose --lab', () => {
  it(
    'JSON carries practice with its label; the human output says practice (lab) / 練習用ラボ on its first line',
    async () => {
      const json = await cli(['diagnose', '--lab', 'wrong-password', '--method', 'submission', '--json']);
      expect(json.code, json.err).toBe(1);
      const d = JSON.parse(json.out) as {
        verdict: string;
        practice?: { scenario: string; name: string; label: string };
        primaryFinding: { code: string } | null;
      };
      // JSON keeps the scenario id (machine output) beside its name.
      expect(d.practice).toEqual({
        scenario: 'wrong-password',
        name: 'Wrong password',
        label: 'practice (lab)',
      });
      expect(d.verdict).toBe('fail');
      expect(d.primaryFinding?.code).toBe('AUTH_FAILED');

      const en = await cli(['diagnose', '--lab', 'healthy', '--method', 'submission']);
      expect(en.code, en.err).toBe(0);
      expect(en.out.split('\n')[0]).toMatch(
        /^!! practice \(lab\): .*scenario Healthy tenant.*do not act on it/,
      );
      const ja = await cli(['diagnose', '--lab', 'healthy', '--method', 'submission', '--lang', 'ja']);
      expect(ja.out.split('\n')[0]).toContain(
        '練習用ラボ（この PC 上の模擬 Microsoft 365）での診断です（シナリオ: 正常なテナント）',
      );
      expect(reportFiles()).toEqual([]);
    },
    LAB_RUN_MS * 3,
  );

  it(
    'a customer report is refused (exit 2, untouched); with --save-practice the run is saved and labelled',
    async () => {
      // A report to add to (made with the explicit permission); then a second lab run without it must not touch it.
      const saved = await cli([
        'diagnose',
        '--lab',
        'healthy',
        '--method',
        'submission',
        '--save',
        '--save-practice',
        '--customer',
        'Contoso',
      ]);
      expect(saved.code, saved.err).toBe(0);
      const id = /saved: report (\S+)/.exec(saved.err)?.[1] ?? '';
      expect(id).not.toBe('');
      const files = reportFiles();
      expect(files).toHaveLength(1);

      const refused = await cli(['diagnose', '--lab', 'wrong-password', '--save', '--report', id]);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(new RegExp(`not saved into report ${id} unless you add --save-practice`));
      const show1 = await cli(['report', 'show', id, '--json']);
      expect((JSON.parse(show1.out) as { runs: unknown[] }).runs).toHaveLength(1);

      const show = await cli(['report', 'show', id]);
      expect(show.out).toMatch(/!! practice \(lab\): run against the built-in lab/);
      expect(show.out).toContain('[practice (lab): Healthy tenant]');
      const showJa = await cli(['report', 'show', id, '--lang', 'ja']);
      expect(showJa.out).toContain('[練習用ラボ: 正常なテナント]');
      const json = JSON.parse((await cli(['report', 'show', id, '--json'])).out) as {
        runs: { diagnosis: { practice?: unknown } }[];
      };
      expect(json.runs[0]?.diagnosis.practice).toEqual({ scenario: 'healthy' });
      const list = await cli(['report', 'list']);
      expect(list.out).toContain('[practice (lab): Healthy tenant]');
    },
    LAB_RUN_MS * 3,
  );
});
