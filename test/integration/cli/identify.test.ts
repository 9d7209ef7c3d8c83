// `identify` on the command line: exit 0 identified / 1 not / 2 bad input, --json, both languages, and the
// community (given through the environment) never printed. Real snmpd on loopback.
import { PassThrough, Readable } from 'node:stream';
import { expect } from 'vitest';
import { main } from '../../../src/cli/index';
import { describePeers, itPeers } from '../../helpers/peers';
import { freeTcpPort, snmpdMissing, startSnmpd } from '../../helpers/snmp-agents';

async function cli(args: string[], env: Record<string, string> = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on('data', (c: Buffer) => o.push(c));
  err.on('data', (c: Buffer) => e.push(c));
  const code = await main(['identify', ...args], {
    stdout: out,
    stderr: err,
    stdin: Readable.from([]),
    env: { LANG: 'en_US.UTF-8', ...env },
  });
  return { code, stdout: Buffer.concat(o).toString('utf8'), stderr: Buffer.concat(e).toString('utf8') };
}

describePeers('device-mail-doctor identify', snmpdMissing(), () => {
  itPeers(
    'bad input is exit 2 with one clear line: ranges, lists, two addresses, bad ports',
    null,
    { timeout: 10_000 },
    async () => {
      for (const args of [
        ['192.168.1.0/24'],
        ['192.168.1.1-20'],
        ['10.0.0.1,10.0.0.2'],
        ['10.0.0.1', '10.0.0.2'],
        [],
        ['127.0.0.1', '--snmp-port', '0'],
        ['127.0.0.1', '--ipp-port', 'x'],
      ]) {
        const r = await cli(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      }
      const r = await cli(['127.0.0.1', '--snmp-community-env', 'NOPE']);
      expect(r.code).toBe(2);
    },
  );

  itPeers(
    'identified → exit 0 (ja text and --json); the community from --snmp-community-env is never printed',
    null,
    { timeout: 30_000 },
    async () => {
      const secret = 'Comm-unity-77';
      const agent = await startSnmpd({
        community: secret,
        sysDescr: 'SHARP MX-3570N',
        sysObjectID: '.1.3.6.1.4.1.2385.3.1.112.1.2',
      });
      try {
        const ipp = String(await freeTcpPort());
        const ja = await cli(
          [
            '127.0.0.1',
            '--snmp-port',
            String(agent.port),
            '--ipp-port',
            ipp,
            '--snmp-community-env',
            'DMD_COMMUNITY',
            '--lang',
            'ja',
          ],
          { DMD_COMMUNITY: secret },
        );
        expect(ja.code).toBe(0);
        expect(ja.stdout).toContain('機種を特定しました。');
        expect(ja.stdout).toContain('--device-profile sharp-mx');
        expect(ja.stdout).toContain('ファームウェア世代: 特定できません');
        const json = await cli([
          '127.0.0.1',
          '--snmp-port',
          String(agent.port),
          '--ipp-port',
          ipp,
          '--snmp-community',
          secret,
          '--json',
        ]);
        expect(json.code).toBe(0);
        expect((JSON.parse(json.stdout) as { match: { modelId: string } }).match.modelId).toBe('sharp-mx');
        for (const r of [ja, json]) expect(r.stdout + r.stderr).not.toContain(secret);
        const none = await cli(['127.0.0.1', '--snmp-port', String(agent.port), '--ipp-port', ipp]);
        expect(none.code).toBe(1);
        expect(none.stdout).toContain('Neither SNMP nor IPP answered');
      } finally {
        await agent.stop();
      }
    },
  );
});
