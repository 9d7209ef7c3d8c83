// `device-mail-doctor demo` as a user runs it: the bundled CLI in a child process, no display, bounded in time.
// Each scenario's section must name the finding codes the lab's scenario produces.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Bound on the whole demo child (lab start with key generation + four diagnoses on 2 busy cores), in ms. */
const DEMO_DEADLINE_MS = 150_000;

// A private bundle (same options as scripts/build-cli.mjs), so concurrent builds of out/cli never race this test.
const outDir = path.join(ROOT, '.tmp', `demo-cli-${process.pid}`);
const outfile = path.join(outDir, 'index.cjs');

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(
    process.execPath,
    ['-e', `require(${JSON.stringify(outfile)}).runFromProcess()`, 'x', 'demo'],
    { env, cwd: ROOT },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), DEMO_DEADLINE_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Finding codes printed in one scenario's section. */
function codesOf(stdout: string, scenario: string): string[] {
  const section = stdout.split(/^━━ /m).find((s) => s.includes(`Scenario: ${scenario} ━━`)) ?? '';
  const line = /^Finding codes: (.*)$/m.exec(section)?.[1] ?? '';
  return line === '(none)' ? [] : line.split(', ').filter(Boolean);
}

describe('device-mail-doctor demo', () => {
  let ran: Awaited<ReturnType<typeof runDemo>>;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    await build({
      entryPoints: [path.join(ROOT, 'src/cli/index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})],
      define: { __APP_VERSION__: JSON.stringify(pkg.version) },
      logLevel: 'error',
    });
    ran = await runDemo();
  }, DEMO_DEADLINE_MS + 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('exits 0 within its deadline, without a display', () => {
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.ms).toBeLessThan(DEMO_DEADLINE_MS);
    expect(ran.stdout).toMatch(/Demo finished: 4 scenario\(s\) diagnosed/);
  });

  it('prints a human report (verdict first) for each of the four scenarios', () => {
    for (const s of ['healthy', 'wrong-password', 'legacy-tls10', 'reject-direct-send']) {
      expect(ran.stdout, s).toContain(`Scenario: ${s} ━━`);
    }
    expect(ran.stdout.match(/^[✔!✖] (PASS|WARN|FAIL) — /gm)?.length).toBe(4);
  });

  it('names the expected finding codes per scenario', () => {
    expect(
      codesOf(ran.stdout, 'healthy').filter(
        (c) => c.startsWith('AUTH') || c.startsWith('TLS_') || c.startsWith('TCP_'),
      ),
    ).toEqual([]);
    expect(codesOf(ran.stdout, 'wrong-password')).toContain('AUTH_FAILED');
    expect(codesOf(ran.stdout, 'legacy-tls10')).toContain('TLS_VERSION_UNSUPPORTED');
    expect(codesOf(ran.stdout, 'reject-direct-send')).toContain('DIRECT_SEND_REJECTED');
    expect(codesOf(ran.stdout, 'healthy')).not.toContain('DIRECT_SEND_REJECTED');
    const healthy = ran.stdout.split(/^━━ /m).find((s) => s.includes('Scenario: healthy ━━')) ?? '';
    expect(healthy).toMatch(/^[✔!] (PASS|WARN) — /m);
  });

  it('refuses an unknown scenario with exit 2 and one clear line', async () => {
    const err = new PassThrough();
    let text = '';
    err.on('data', (d: Buffer) => (text += d.toString()));
    const code = await main(['demo', '--scenario', 'no-such-thing'], {
      stdout: new PassThrough(),
      stderr: err,
      stdin: Readable.from([]),
      env: {},
    });
    expect(code).toBe(2);
    expect(text.trim()).toBe(
      'device-mail-doctor demo: unknown scenario "no-such-thing" (see: npx device-mail-doctor lab --help)',
    );
  });
});
