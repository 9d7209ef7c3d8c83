// `explain` runs from a bundle of its own (out/cli/explain.cjs, picked by the launcher for a shorter start-up) and
// answers "could a panel code match?" from the build's index of the profiles (out/cli/panel-codes.json) — the whole
// CLI run below, started without the launcher, finds no index and reads the profile files instead.
// It must answer exactly as the whole CLI does: same stdout, stderr and exit code, for good input, bad flags,
// no text, stdin, JSON, a vendor code and a Japanese NDR sentence.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'device-mail-doctor.cjs');
const WHOLE = join(ROOT, 'out', 'cli', 'index.cjs');
const OWN = join(ROOT, 'out', 'cli', 'explain.cjs');
/** Per-run deadline, in ms (2 shared cores). */
const RUN_MS = 20_000;

function run(args: string[], input = '') {
  return spawnSync(process.execPath, args, {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: RUN_MS,
    env: { ...process.env, LANG: 'ja_JP.UTF-8' },
  });
}

const CASES: { args: string[]; input?: string }[] = [
  { args: ['535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.'] },
  { args: ['--lang', 'en', '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain'] },
  { args: ['--json', '451 4.7.500 Server busy. Please try again later.'] },
  { args: ['Error 016-764'] },
  { args: ['--vendor', 'xerox', '--json', '016-764'] },
  { args: ['リモート サーバーから返された内容: 550 5.1.10 RESOLVER.ADR.RecipientNotFound'] },
  { args: ['-'], input: '554 5.2.252 SendAsDenied; a@b.c not allowed to send as d@e.f' },
  { args: ['--bogus', 'x'] },
  { args: ['--lnag', 'ja', 'x'] },
  { args: [] },
  { args: ['--help'] },
];

describe('explain from its own bundle answers as the whole CLI does', () => {
  it('both bundles are built (npm ci / build:cli), with the panel-code index of the profiles as they are now', () => {
    expect(existsSync(WHOLE)).toBe(true);
    expect(existsSync(OWN)).toBe(true);
    const index = JSON.parse(readFileSync(join(ROOT, 'out', 'cli', 'panel-codes.json'), 'utf8')) as {
      files: { name: string; size: number; mtimeMs: number }[];
    };
    const dir = join(ROOT, 'resources', 'printers');
    const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    expect(index.files.map((f) => f.name).sort()).toEqual([...names].sort());
    for (const f of index.files) expect(statSync(join(dir, f.name)).size, f.name).toBe(f.size);
  });
  it('the launcher runs explain from explain.cjs (and every other command from index.cjs)', () => {
    const probe = (cmd: string[]) =>
      run([
        '-e',
        `process.on('exit', () => process.stderr.write('\\nLOADED ' + Object.keys(require.cache).filter((k) => k.includes('out/cli/')).map((k) => k.split('/').pop()).join(',') + '\\n'));` +
          `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...${JSON.stringify(cmd)}]; require(${JSON.stringify(BIN)});`,
      ]);
    expect(probe(['explain', '535 5.7.3 Authentication unsuccessful']).stderr).toMatch(
      /LOADED explain\.cjs\n/,
    );
    expect(probe(['advise', '--help']).stderr).toMatch(/LOADED index\.cjs\n/);
  });
  for (const c of CASES) {
    it(`explain ${c.args.join(' ') || '(no text)'}`, () => {
      // Through the launcher: explain.cjs (checked above) with the build's panel-code index.
      const own = run([BIN, 'explain', ...c.args], c.input);
      const whole = run(
        ['-e', `require(${JSON.stringify(WHOLE)}).runFromProcess()`, 'x', 'explain', ...c.args],
        c.input,
      );
      expect(own.error).toBeUndefined();
      expect(whole.error).toBeUndefined();
      expect(own.stdout).toBe(whole.stdout);
      expect(own.stderr).toBe(whole.stderr);
      expect(own.status).toBe(whole.status);
      expect(own.stdout + own.stderr).not.toBe('');
    });
  }
});
