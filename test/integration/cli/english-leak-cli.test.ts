// One vocabulary in the CLI: every command's human output in Japanese (--lang ja) — diagnose against the lab (no known
// leaks: skip reasons are typed and the check list shows titles),
// report list / show, explain, advise (and its Basic-auth plan), token inspect, the lab's own banner — has no
// untranslated English word outside the allow-list and no internal check id. Lines quoting what a server said
// (evidence, indented) and the commands the reader types are left out, as in the unit leak test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import { startLab } from '../../../src/lab';
import type { Lab } from '../../../src/lab/types';
import { englishLeaks } from '../../helpers/english-leak';

let lab: Lab;
let dir: string;
let caFile: string;

async function cli(args: string[], env: NodeJS.ProcessEnv = {}, stdin = '') {
  const out = new PassThrough();
  const o: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  const err = new PassThrough();
  err.on('data', (c: Buffer) => o.push(c));
  const code = await main([...args, '--lang', 'ja'], {
    stdout: out,
    stderr: err,
    stdin: Readable.from(stdin ? [stdin] : []),
    env: { LANG: 'ja_JP.UTF-8', ...env },
  });
  return { code, text: Buffer.concat(o).toString('utf8') };
}

/** The reader's text: without quoted server lines (indented evidence), command lines and typed values. */
function readerLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s{4,}\S/.test(l) || /[\u3040-\u30ff\u4e00-\u9fff]/.test(l)) // indented server text
    .filter((l) => !/\b(?:npx|node) /.test(l)) // commands to type
    .join('\n')
    .replace(/\b(?:getaddrinfo )?E[A-Z]{4,}\b/g, ' ') // Node's error codes (ENOTFOUND ...)
    .replace(/\/tmp\/\S+/g, ' ') // the reports folder
    .replace(/\b[0-9a-z]*\d[0-9a-z]*(?:-[0-9a-z]+)+\b|\b[0-9a-f]{5,}\b/g, ' '); // report ids
}

function token(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'https://outlook.office365.com', tid: '00000000-0000-0000-0000-000000000001', upn: 'scanner@contoso.com', scp: 'SMTP.Send', exp: 1999999999 })}.sig`;
}

describe('English leaks in the CLI’s Japanese output', () => {
  beforeAll(async () => {
    lab = await startLab({ scenario: 'tenant-auth-disabled' });
    dir = mkdtempSync(join(tmpdir(), 'dmd-leak-cli-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, lab.caPem);
  });
  afterAll(async () => {
    await lab?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('diagnose against the lab, then report list and report show', async () => {
    const t = lab.tenant;
    const reports = join(dir, 'reports');
    const run = await cli(
      [
        'diagnose',
        '--method',
        'submission',
        '--domain',
        t.domain,
        '--from',
        t.mailbox,
        '--user',
        t.mailbox,
        '--to',
        t.internalRecipient,
        '--dns-server',
        `${lab.dns.address}:${lab.dns.port}`,
        '--ca',
        caFile,
        '--timeout-ms',
        '20000',
        '--password-env',
        'LAB_PW',
        ...lab.connectTo.flatMap((r) => ['--connect-to', `${r.host}:${r.port}:${r.toHost}:${r.toPort}`]),
        '--save',
        '--reports-dir',
        reports,
        '--site',
        '大阪 3F',
      ],
      { LAB_PW: t.password },
    );
    expect(run.code, run.text).toBe(1);
    expect(run.text).toContain('SMTP_AUTH_DISABLED_TENANT');
    // The report id and the folder (random hex, tmp names) are values, not words.
    // Skipped checks say why in Japanese (typed skip reasons), and the check list names checks by title, not id.
    expect(run.text).toContain('スキップ: サインイン（SMTP AUTH）に失敗したため');
    expect(englishLeaks(readerLines(run.text)), run.text).toEqual([]);

    const list = await cli(['report', 'list', '--reports-dir', reports]);
    expect(list.code, list.text).toBe(0);
    expect(englishLeaks(readerLines(list.text)), list.text).toEqual([]);

    const show = await cli(['report', 'show', 'last', '--reports-dir', reports]);
    expect(show.code, show.text).toBe(0);
    expect(show.text).toContain('SMTP_AUTH_DISABLED_TENANT');
    expect(englishLeaks(readerLines(show.text)), show.text).toEqual([]);
  }, 60_000);

  it('diagnose --lab (auto: both endpoints, MX skips, the practice banner by scenario name)', async () => {
    const run = await cli(['diagnose', '--lab', 'wrong-password']);
    expect(run.code, run.text).toBeLessThan(2);
    expect(run.text).toContain('シナリオ: パスワード誤り');
    expect(run.text).not.toContain('wrong-password');
    expect(englishLeaks(readerLines(run.text)), run.text).toEqual([]);
  }, 60_000);

  it('explain, advise, the Basic-auth plan and token inspect', async () => {
    const outputs = [
      await cli(['explain', '550 5.7.60 SMTP; Client does not have permissions to send as this sender']),
      await cli([
        'advise',
        '--recipients',
        'external',
        '--device-tls-max',
        '1.0',
        '--static-ip',
        '203.0.113.7',
      ]),
      await cli(['token', 'inspect'], {}, token()),
    ];
    for (const o of outputs) {
      expect(o.code, o.text).toBeLessThan(2);
      expect(englishLeaks(readerLines(o.text.replace(/^.*5\.7\.60.*$/m, ''))), o.text).toEqual([]);
    }
    // The plan in Japanese, for a model whose vendor app needs consent (ricoh-im) and with no mailbox given (the
    // placeholder is in Japanese too), and with a mailbox: no English outside code (between backticks) and names.
    for (const extra of [[], ['--mailbox', 'scan@contoso.com']]) {
      const plan = await cli(['advise', '--basic-auth-plan', '--device-profile', 'ricoh-im', ...extra]);
      expect(plan.code, plan.text).toBeLessThan(2);
      // The OAuth facts stay verbatim as code, with the Japanese words for them beside.
      expect(plan.text).toContain('委任されたアクセス許可');
      expect(plan.text).toContain('アプリケーションのアクセス許可');
      expect(plan.text).toContain('`https://outlook.office.com/SMTP.Send offline_access`');
      // "■ <model>" lines name the device model (a product name).
      const reader = readerLines(plan.text.replace(/^■ .*$/gm, ''));
      expect(englishLeaks(reader), plan.text).toEqual([]);
      // The scan still sees English outside code: the same text with its backticks dropped leaks the scope name.
      expect(englishLeaks(reader.replace(/`/g, ''))).toEqual(expect.arrayContaining(['offline', 'access']));
    }
  });
});
