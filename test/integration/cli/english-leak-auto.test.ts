// `diagnose --method auto` in Japanese: the verdict, the recommendation (method names, which recipients a method
// reaches), the to-do list and the check details speak Japanese. Method ids ("relay", "[submission]") and the engine's English
// "internal recipients only (...)" leaked here before. Runs several lab scenarios as a technician would
// (`diagnose --lab`), including one that leaves from an address the connector does not hold.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { englishLeaks } from '../../helpers/english-leak';
import { scenarioName } from '../../../src/shared/scenario-names';

async function cli(args: string[]) {
  const out = new PassThrough();
  const o: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  const code = await main([...args, '--lang', 'ja'], {
    stdout: out,
    stderr: out,
    stdin: Readable.from([]),
    env: { LANG: 'ja_JP.UTF-8' },
  });
  return { code, text: Buffer.concat(o).toString('utf8') };
}

/** The reader's text: the verdict, the to-do list and the per-check details, without quoted commands and without
 *  what a server said (indented evidence lines with no Japanese in them). */
function head(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*PowerShell:/.test(l))
    .map((l) => l.replace(/(?:\$ )?npx \S+(?: \S+)*/g, ' ')) // commands to type, as printed
    .filter((l) => !/^\s{4,}\S/.test(l) || /[\u3040-\u30ff\u4e00-\u9fff]/.test(l))
    .join('\n');
}

const RUNS: [string, string[]][] = [
  ['tenant-auth-disabled', []],
  ['tenant-auth-disabled', ['--bind', '127.0.0.1']],
  ['connector-ip-changed', []],
  ['reject-direct-send', []],
  ['wrong-password', []],
];

describe('diagnose --method auto, Japanese verdict and to-do list', () => {
  for (const [scenario, extra] of RUNS) {
    it(`${scenario} ${extra.join(' ')}`, async () => {
      const r = await cli(['diagnose', '--lab', scenario, '--timeout-ms', '20000', ...extra]);
      expect([0, 1], r.text).toContain(r.code);
      const text = head(r.text);
      expect(text).toContain('推奨の送信方法');
      expect(englishLeaks(text), text).toEqual([]);
      expect(text).not.toMatch(/\[(?:submission|direct-send|relay)\b|: (?:submission|direct-send|relay)\b/);
    }, 60_000);
  }
});

describe('demo in Japanese', () => {
  it('its own lines (scenario by name, codes line, closing line) and the reports it prints are Japanese', async () => {
    const r = await cli(['demo', '--scenario', 'healthy', '--scenario', 'wrong-password']);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain(`シナリオ: ${scenarioName('wrong-password', 'ja')} ━━`);
    expect(r.text).toMatch(/デモを終了しました: 2 件/);
    expect(englishLeaks(head(r.text)), r.text).toEqual([]);
  }, 90_000);
});
