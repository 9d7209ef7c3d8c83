// explain of vendor codes (ja/en, --vendor, --model, exit codes) and advise --basic-auth-plan (one device with an
// injected date, and every device of a site's saved reports), through the bundled CLI as a child process.
import { spawnSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReportStore } from '../../../src/main/store/report-store';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin', 'device-mail-doctor.cjs');
/** Per-spawn deadline, in ms (generous: 2 shared cores, several agents). */
const SPAWN_TIMEOUT_MS = 60_000;
/** Per-test deadline: a test spawns the CLI up to four times. */
const TEST_TIMEOUT_MS = 240_000;

function run(args: string[], lang = 'en_US.UTF-8') {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '', DMD_REPORTS_DIR: '' };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    timeout: SPAWN_TIMEOUT_MS,
    maxBuffer: 8 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

vi.setConfig({ testTimeout: TEST_TIMEOUT_MS });
let tmp = '';
beforeAll(async () => {
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], {
    cwd: ROOT,
    timeout: 120_000,
  });
  if (b.status !== 0) throw new Error(`build:cli failed: ${b.stderr.toString()}`);
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-plan-'));
});
afterAll(async () => {
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

describe('explain with vendor codes', () => {
  it('explains "016-764" for Xerox and Fujifilm, hedged, exit 1 (en and ja)', () => {
    const en = run(['explain', '016-764']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('[Device message] Xerox 016-764 (unverified — check on the device)');
    expect(en.stdout).toContain('SMTP side:');
    const ja = run(['explain', '--vendor', 'xerox', '016-764'], 'ja_JP.UTF-8');
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain('[機器の表示] Xerox 016-764 (未確認 — 実機で確認)');
    expect(ja.stdout).not.toContain('Fujifilm');
  });

  it('JSON carries the device matches with sources and read dates; the SMTP findings stay as they were', () => {
    const r = run([
      'explain',
      '--json',
      '--lang',
      'en',
      'Token update failed. Please delete the token and obtain it again.',
    ]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as {
      findings: unknown[];
      device: { matches: { vendor: string; verified: boolean; sources: { read: string; url: string }[] }[] };
    };
    expect(j.device.matches[0]).toMatchObject({ vendor: 'Sharp', verified: true });
    expect(j.device.matches[0]?.sources[0]).toMatchObject({ read: '2026-12-02' });
    const plain = run(['explain', '--json', '535 5.7.3 Authentication unsuccessful']);
    // No device section when no vendor code matched (recognised and primaryFinding are issue 14's explain contract).
    expect(Object.keys(JSON.parse(plain.stdout) as object)).toEqual([
      'recognised',
      'primaryFinding',
      'findings',
    ]);
  });

  it('a vendor that publishes nothing matching says so (exit 4: not recognised); an unknown vendor or model is bad input (exit 2)', () => {
    const r = run(['explain', '--vendor', 'ricoh', '016-764']);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(
      /Ricoh: no published code matched\. No list of e-mail \(SMTP\) error codes could be read/,
    );
    const bad = run(['explain', '--vendor', 'acme', '016-764']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--vendor "acme": no device profile/);
    expect(run(['explain', '--model', 'nope-1', 'x']).code).toBe(2);
  });
});

describe('advise --basic-auth-plan', () => {
  it('an OAuth-capable device before the cut-off: OAuth recommended, days left, dated sources; exit 1 (affected)', () => {
    const r = run([
      'advise',
      '--basic-auth-plan',
      '--device-profile',
      'sharp-bp',
      '--now',
      '2026-12-02T09:00:00Z',
      '--mailbox',
      'scan@contoso.com',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as {
      phase: string;
      daysToDefaultOff: number;
      devices: { oauthCapable: boolean; options: { id: string; fit: string }[] }[];
      facts: { source: { url: string }; read: string }[];
    };
    expect(j.phase).toBe('before');
    expect(j.daysToDefaultOff).toBe(29);
    expect(j.devices[0]?.oauthCapable).toBe(true);
    expect(j.devices[0]?.options[0]).toMatchObject({ id: 'oauth', fit: 'recommended' });
    expect(j.facts.every((f) => f.source.url.startsWith('https://') && f.read === '2026-12-02')).toBe(true);
  });

  it('an incapable device after the cut-off, internal recipients, in Japanese: Direct Send first and the temporary re-enable with the 2027 caveat', () => {
    const r = run(
      [
        'advise',
        '--basic-auth-plan',
        '--device-profile',
        'brother-mfc-l',
        '--now',
        '2027-01-20',
        '--recipients',
        'internal',
        '--static-ip',
        'no',
      ],
      'ja_JP.UTF-8',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('段階: 既定で無効');
    expect(r.stdout).toMatch(/1\. \[推奨\] 直接送信に切り替える/);
    expect(r.stdout).toContain('[一時しのぎ] 管理者が基本認証を一時的に再有効化する');
    expect(r.stdout).toContain('2027 年後半');
  });

  it('a relay device is not affected (exit 0); a bad --now or --device-profile is bad input (exit 2)', () => {
    expect(
      run(['advise', '--basic-auth-plan', '--device-profile', 'brother-mfc-l', '--method', 'relay']).code,
    ).toBe(0);
    expect(run(['advise', '--basic-auth-plan', '--device-profile', 'nope']).code).toBe(2);
    expect(run(['advise', '--recipients', 'internal', '--site', 'x']).code).toBe(2);
  });

  it('--site plans every device of the site from its saved reports', async () => {
    const dir = path.join(tmp, 'reports');
    const store = await createReportStore(dir);
    await store.create({
      customer: 'Contoso',
      site: 'Tokyo HQ',
      device: { model: 'Sharp BP-50C26', profileId: 'sharp-bp', location: '2F' },
      method: 'submission',
    });
    await store.create({
      customer: 'Contoso',
      site: 'Tokyo HQ',
      device: { model: 'Brother MFC-L8900', profileId: 'brother-mfc-l', location: '3F' },
      method: 'relay',
    });
    await store.create({
      customer: 'Contoso',
      site: 'Osaka',
      device: { model: 'Canon', profileId: 'canon-iradv-dx' },
      method: 'submission',
    });
    await store.flush();
    const r = run([
      'advise',
      '--basic-auth-plan',
      '--site',
      'tokyo hq',
      '--reports-dir',
      dir,
      '--now',
      '2026-12-20',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout) as { phase: string; devices: { label: string; affected: string }[] };
    expect(j.phase).toBe('cutover');
    expect(j.devices.map((d) => `${d.label}: ${d.affected}`).sort()).toEqual([
      'Brother MFC-L8900 — 3F: no',
      'Sharp BP-50C26 — 2F: yes',
    ]);
    expect(run(['advise', '--basic-auth-plan', '--site', 'Nagoya', '--reports-dir', dir]).code).toBe(2);
  });
});
