// Silent drop vs refused vs unreachable, for real: a private pair of network namespaces joined by veth, a listener
// and iptables rules in the "server" namespace, the engine (its raw TCP probe, and whole diagnoses that must end
// in TCP_TIMEOUT / TCP_REFUSED / TCP_UNREACHABLE) running in the "client" namespace.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetnsPair,
  netnsSkipReason,
  NETNS_NO_ROUTE_ADDRESS,
  NETNS_SERVER_ADDRESS,
  NETNS_SILENT_NEIGHBOUR,
  type NetnsPair,
} from '../../helpers/netns';
import { describePeers } from '../../helpers/peers';
import type { ProbeResult, ProbeTarget } from '../../helpers/netns-probe';

const skip = netnsSkipReason();

/** Connect deadline handed to the probes (raw and the engine's), in ms: a DROP must end as a timeout right after it. */
const CONNECT_TIMEOUT_MS = 3_000;
/** Overall deadline handed to each whole diagnosis, in ms (the engine's own connect deadline is shorter). */
const DIAGNOSIS_TIMEOUT_MS = 20_000;
/** Bound on the whole probe process (node + tsx start-up + every probe in parallel), in ms. */
const PROBE_PROCESS_MS = 60_000;

const PORTS = { open: 2525, drop: 2526, rejectRst: 2527, rejectIcmp: 2528, closed: 2529 } as const;

describePeers('TCP failures in a private network namespace', skip, () => {
  let pair: NetnsPair | undefined;
  const results = new Map<string, ProbeResult>();

  beforeAll(async () => {
    pair = await createNetnsPair();
    for (const port of [PORTS.open, PORTS.drop, PORTS.rejectRst, PORTS.rejectIcmp]) await pair.listen(port);
    const rule = (port: number, ...target: string[]) => [
      '-A',
      'INPUT',
      '-p',
      'tcp',
      '--dport',
      String(port),
      '-j',
      ...target,
    ];
    await pair.iptables(rule(PORTS.drop, 'DROP'));
    await pair.iptables(rule(PORTS.rejectRst, 'REJECT', '--reject-with', 'tcp-reset'));
    await pair.iptables(rule(PORTS.rejectIcmp, 'REJECT', '--reject-with', 'icmp-port-unreachable'));
    const target = (name: string, address: string, port: number): ProbeTarget => ({
      name,
      kind: 'tcp',
      address,
      port,
      timeoutMs: CONNECT_TIMEOUT_MS,
    });
    const diagnose = (name: string, address: string, port: number): ProbeTarget => ({
      name,
      kind: 'diagnose',
      address,
      port,
      timeoutMs: DIAGNOSIS_TIMEOUT_MS,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    });
    const targets: ProbeTarget[] = [
      diagnose('diag-drop', NETNS_SERVER_ADDRESS, PORTS.drop),
      diagnose('diag-reject-rst', NETNS_SERVER_ADDRESS, PORTS.rejectRst),
      diagnose('diag-reject-icmp', NETNS_SERVER_ADDRESS, PORTS.rejectIcmp),
      diagnose('diag-no-route', NETNS_NO_ROUTE_ADDRESS, PORTS.open),
      target('open', NETNS_SERVER_ADDRESS, PORTS.open),
      target('drop', NETNS_SERVER_ADDRESS, PORTS.drop),
      target('reject-rst', NETNS_SERVER_ADDRESS, PORTS.rejectRst),
      target('reject-icmp', NETNS_SERVER_ADDRESS, PORTS.rejectIcmp),
      target('closed', NETNS_SERVER_ADDRESS, PORTS.closed),
      target('no-route', NETNS_NO_ROUTE_ADDRESS, PORTS.open),
      target('no-neighbour', NETNS_SILENT_NEIGHBOUR, PORTS.open),
    ];
    const script = resolve(import.meta.dirname, '../../helpers/netns-probe.ts');
    const r = await pair.exec(
      pair.client,
      process.execPath,
      ['--import', 'tsx', script, JSON.stringify(targets)],
      {
        timeoutMs: PROBE_PROCESS_MS,
      },
    );
    if (r.code !== 0) throw new Error(`probe failed (${r.code}): ${r.stderr}`);
    for (const row of JSON.parse(r.stdout) as ProbeResult[]) results.set(row.name, row);
  }, 120_000);

  afterAll(async () => {
    await pair?.close();
  });

  const get = (name: string): ProbeResult => {
    const r = results.get(name);
    if (!r) throw new Error(`no probe result for ${name}`);
    return r;
  };

  it('connects to the open port (the cable works)', () => {
    expect(get('open')).toMatchObject({ ok: true });
  });

  it('reports a silent DROP as a timeout, after the connect deadline and not long after', () => {
    const r = get('drop');
    expect(r).toMatchObject({ ok: false, failure: 'timeout' });
    expect(r.ms).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50);
    expect(r.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 5_000);
  });

  it('reports REJECT --reject-with tcp-reset as refused, fast', () => {
    const r = get('reject-rst');
    expect(r).toMatchObject({ ok: false, failure: 'refused', code: 'ECONNREFUSED' });
    expect(r.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
  });

  it('reports REJECT with ICMP port-unreachable as refused', () => {
    expect(get('reject-icmp')).toMatchObject({ ok: false, failure: 'refused' });
  });

  it('reports a port nobody listens on (kernel RST) as refused', () => {
    expect(get('closed')).toMatchObject({ ok: false, failure: 'refused', code: 'ECONNREFUSED' });
  });

  it('reports a missing route as unreachable', () => {
    expect(get('no-route')).toMatchObject({ ok: false, failure: 'unreachable', code: 'ENETUNREACH' });
  });

  it('reports an address nobody answers ARP for as unreachable or timeout, never refused', () => {
    const r = get('no-neighbour');
    expect(r.ok).toBe(false);
    expect(['unreachable', 'timeout']).toContain(r.failure);
  });

  describe('whole diagnoses end in the right finding', () => {
    const codesOf = (name: string) => get(name).codes ?? [];
    /** The distinct TCP_ codes (a failed connect may be reported by the TCP check and by the session that needed it). */
    const tcpCodes = (name: string) => [...new Set(codesOf(name).filter((c) => c.startsWith('TCP_')))];

    it('DROP → TCP_TIMEOUT, within the overall deadline', () => {
      expect(tcpCodes('diag-drop'), codesOf('diag-drop').join(',')).toEqual(['TCP_TIMEOUT']);
      expect(get('diag-drop').ms).toBeLessThan(DIAGNOSIS_TIMEOUT_MS + 5_000);
    });

    it('REJECT with tcp-reset → TCP_REFUSED', () => {
      expect(tcpCodes('diag-reject-rst'), codesOf('diag-reject-rst').join(',')).toEqual(['TCP_REFUSED']);
    });

    it('REJECT with ICMP port-unreachable → TCP_REFUSED', () => {
      expect(tcpCodes('diag-reject-icmp'), codesOf('diag-reject-icmp').join(',')).toEqual(['TCP_REFUSED']);
    });

    it('no route → TCP_UNREACHABLE', () => {
      expect(tcpCodes('diag-no-route'), codesOf('diag-no-route').join(',')).toEqual(['TCP_UNREACHABLE']);
    });

    it('every one of them fails the diagnosis', () => {
      for (const n of ['diag-drop', 'diag-reject-rst', 'diag-reject-icmp', 'diag-no-route'])
        expect(get(n).ok, n).toBe(false);
    });
  });
});
