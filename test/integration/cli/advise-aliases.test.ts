// `advise` accepts diagnose's device flags (--device-tls-max, --device-ciphers) so a technician can reuse them.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';

async function cli(args: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  err.resume();
  const code = await main(['advise', ...args], {
    stdout: out,
    stderr: err,
    stdin: Readable.from([]),
    env: { LANG: 'en_US.UTF-8' },
  });
  return { code, stdout: Buffer.concat(o).toString('utf8') };
}

describe('advise device flag aliases', () => {
  it('--device-tls-max 1.0 rules out client submission exactly like --tls 1.0', async () => {
    const a = await cli([
      '--recipients',
      'external',
      '--device-tls-max',
      '1.0',
      '--static-ip',
      '203.0.113.7',
      '--json',
    ]);
    const b = await cli(['--recipients', 'external', '--tls', '1.0', '--static-ip', '203.0.113.7', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const advice = JSON.parse(a.stdout) as { methods: { method: string; viable: boolean }[] };
    expect(advice.methods.find((m) => m.method === 'submission')?.viable).toBe(false);
  });

  it('--device-ciphers rsa behaves like --cipher rsa; giving both spellings is bad input', async () => {
    const a = await cli(['--recipients', 'internal', '--device-ciphers', 'rsa', '--json']);
    const b = await cli(['--recipients', 'internal', '--cipher', 'rsa', '--json']);
    expect(a.stdout).toBe(b.stdout);
    expect((await cli(['--recipients', 'internal', '--tls', '1.2', '--device-tls-max', '1.2'])).code).toBe(2);
    expect((await cli(['--recipients', 'internal', '--cipher', 'rsa', '--device-ciphers', 'rsa'])).code).toBe(
      2,
    );
  });
});
