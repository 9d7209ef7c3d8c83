// First contact: the commands the lab and explain print run as printed from a clone after `npm ci` (the
// package's own bin via npx, not a global `device-mail-doctor` that a clone does not have). The lab runs as its
// own process; each printed `diagnose` line is run by a shell exactly as printed, and must reach a verdict
// (exit 0 or 1), never "command not found" (127) or bad input (2).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = resolve(ROOT, 'bin/device-mail-doctor.cjs');
/** Bound on the lab's start (it generates its CA first), in ms. */
const LAB_START_MS = 30_000;
/** Bound on one printed diagnose command, in ms (npx start-up + a lab run on a busy machine). */
const COMMAND_MS = 60_000;

let lab: ChildProcess;
let info: { diagnose: Record<string, string> };

function readLabJson(child: ChildProcess): Promise<typeof info> {
  return new Promise((done, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`lab did not start: ${text.slice(0, 300)}`)), LAB_START_MS);
    child.stdout?.on('data', (c: Buffer) => {
      text += c.toString();
      try {
        const parsed = JSON.parse(text) as typeof info;
        clearTimeout(timer);
        done(parsed);
      } catch {
        // not the whole document yet
      }
    });
    child.on('exit', (code) => fail(new Error(`lab exited ${code}: ${text.slice(0, 300)}`)));
  });
}

describe('commands the lab and explain print run as printed', () => {
  beforeAll(async () => {
    lab = spawn(process.execPath, [BIN, 'lab', '--json', '--scenario', 'healthy'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    info = await readLabJson(lab);
  }, LAB_START_MS + 5_000);
  afterAll(() => {
    lab?.kill('SIGTERM');
  });

  for (const name of ['submission', 'directSend', 'relay'] as const) {
    it(
      `the lab's ${name} command reaches a verdict`,
      () => {
        const line = info.diagnose[name];
        expect(line, name).toMatch(/\bnpx device-mail-doctor diagnose /);
        const r = spawnSync('bash', ['-c', line!], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: COMMAND_MS,
          env: { ...process.env, LANG: 'en_US.UTF-8' },
        });
        expect(r.status, `${line}\n${r.stderr}`).not.toBe(127);
        expect([0, 1], `${line}\n${r.stdout}\n${r.stderr}`).toContain(r.status);
      },
      COMMAND_MS + 5_000,
    );
  }

  it(
    'explain suggests commands a clone can run',
    () => {
      for (const lang of ['ja', 'en']) {
        const r = spawnSync(
          process.execPath,
          [BIN, 'explain', 'something nobody recognises', '--lang', lang],
          { cwd: ROOT, encoding: 'utf8' },
        );
        const named = [
          ...`${r.stdout}${r.stderr}`.matchAll(/(\S+ )?device-mail-doctor (diagnose|capture)\b/g),
        ];
        expect(named.length, r.stdout).toBeGreaterThan(0);
        for (const m of named) expect(m[1], m[0]).toBe('npx ');
        const help = spawnSync('bash', ['-c', `npx device-mail-doctor ${named[0]![2]} --help`], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: COMMAND_MS,
        });
        expect(help.status, help.stderr).toBe(0);
      }
    },
    2 * COMMAND_MS,
  );
});
