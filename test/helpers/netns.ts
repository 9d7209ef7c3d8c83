// A pair of private network namespaces joined by a veth cable, for testing silent drop vs refused vs unreachable
// for real (iptables rules inside the server namespace). Addresses exist only inside the namespaces; the host's
// own interfaces, routes and firewall are never touched. Needs root, `ip` (iproute2) and iptables.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { findExecutable, isRoot, mustRun, runCmd, type CmdOptions, type CmdResult } from './run-cmd';

/** How long a listener inside a namespace may take to report it is listening, in milliseconds. */
const LISTENER_READY_MS = 10_000;
/** How long a listener gets to exit after SIGTERM before SIGKILL, in milliseconds. */
const LISTENER_STOP_MS = 2_000;
/** Namespaces removed per stale sweep (bounds the loop over `ip netns list`). */
const MAX_STALE_SWEEP = 64;

const IP = findExecutable('/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip');
const IPTABLES = findExecutable('/usr/sbin/iptables', '/sbin/iptables');

/** Subnet of the veth cable (private, inside the namespaces only). */
export const NETNS_CLIENT_ADDRESS = '10.213.0.1';
export const NETNS_SERVER_ADDRESS = '10.213.0.2';
/** On the cable's subnet but nobody answers ARP: the kernel reports host unreachable after its ARP retries. */
export const NETNS_SILENT_NEIGHBOUR = '10.213.0.99';
/** No route at all from the client namespace: network unreachable, at once. */
export const NETNS_NO_ROUTE_ADDRESS = '10.214.0.1';

export interface NetnsListener {
  port: number;
  stop(): Promise<void>;
}

export interface NetnsPair {
  /** Namespace the probes run in (the technician's laptop). */
  client: string;
  /** Namespace holding the listener and the firewall rules (the server or the site's firewall). */
  server: string;
  /** Runs a command inside a namespace (bounded in time, never rejects). */
  exec(ns: string, cmd: string, args: string[], opts?: CmdOptions): Promise<CmdResult>;
  /** Adds an iptables rule in the server namespace, e.g. ['-A', 'INPUT', '-p', 'tcp', '--dport', '2525', '-j', 'DROP']. */
  iptables(args: string[]): Promise<void>;
  /** A TCP listener on NETNS_SERVER_ADDRESS:port inside the server namespace that greets with an SMTP banner. */
  listen(port: number): Promise<NetnsListener>;
  /** Kills the listeners and deletes both namespaces (which removes the veth pair and the rules). Idempotent. */
  close(): Promise<void>;
}

/** Why namespace tests cannot run here, or null when they can. */
export function netnsSkipReason(): string | null {
  if (process.platform !== 'linux') return `network namespaces are Linux-only (this is ${process.platform})`;
  if (!isRoot()) return `needs root to create network namespaces (running as ${userInfo().username})`;
  if (!IP) return 'the `ip` command (iproute2) is not installed';
  if (!IPTABLES) return 'iptables is not installed';
  return null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Deletes namespaces left by a test process that died before its teardown (names carry the creator's pid). */
async function sweepStale(ip: string): Promise<void> {
  const r = await runCmd(ip, ['netns', 'list']);
  const names = r.stdout.split('\n').map((l) => l.split(' ')[0] ?? '');
  let removed = 0;
  for (const name of names) {
    const m = /^dmd-(\d+)-[0-9a-f]+-[cs]$/.exec(name);
    if (!m || alive(Number(m[1])) || removed >= MAX_STALE_SWEEP) continue;
    await runCmd(ip, ['netns', 'del', name]);
    removed += 1;
  }
}

/** The code a listener runs inside the server namespace: greet like an SMTP server, say when listening. */
const LISTENER_JS = `
const net = require('node:net');
const [addr, port] = process.argv.slice(1);
const srv = net.createServer((s) => { s.on('error', () => {}); s.end('220 netns.test ESMTP test listener\\r\\n'); });
srv.listen(Number(port), addr, () => process.stdout.write('listening\\n'));
process.on('SIGTERM', () => srv.close(() => process.exit(0)));
`;

function startListener(
  ip: string,
  ns: string,
  port: number,
): Promise<{ child: ChildProcess; listener: NetnsListener }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ip,
      ['netns', 'exec', ns, process.execPath, '-e', LISTENER_JS, NETNS_SERVER_ADDRESS, String(port)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`listener in ${ns} on port ${port}: ${why} ${err.trim()}`));
    };
    const timer = setTimeout(() => fail(`not listening within ${LISTENER_READY_MS} ms`), LISTENER_READY_MS);
    child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('listening')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const stop = () => stopChild(child);
      resolve({ child, listener: { port, stop } });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, LISTENER_STOP_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function createNetnsPair(): Promise<NetnsPair> {
  const reason = netnsSkipReason();
  if (reason || !IP || !IPTABLES)
    throw new Error(`network namespaces unavailable: ${reason ?? 'missing tools'}`);
  const ip = IP;
  const iptables = IPTABLES;
  await sweepStale(ip);
  const tag = randomBytes(3).toString('hex');
  const client = `dmd-${process.pid}-${tag}-c`;
  const server = `dmd-${process.pid}-${tag}-s`;
  // veth names are limited to 15 characters; they exist only inside the namespaces.
  const vethC = `dmd${tag}c`;
  const vethS = `dmd${tag}s`;
  const children: ChildProcess[] = [];
  let closed = false;

  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.all(children.map((c) => stopChild(c)));
    await runCmd(ip, ['netns', 'del', client]);
    await runCmd(ip, ['netns', 'del', server]);
  };

  try {
    await mustRun(ip, ['netns', 'add', client]);
    await mustRun(ip, ['netns', 'add', server]);
    // Create both ends directly inside the namespaces: no interface ever appears in the host's namespace.
    await mustRun(ip, [
      'link',
      'add',
      vethC,
      'netns',
      client,
      'type',
      'veth',
      'peer',
      'name',
      vethS,
      'netns',
      server,
    ]);
    await mustRun(ip, ['-n', client, 'addr', 'add', `${NETNS_CLIENT_ADDRESS}/24`, 'dev', vethC]);
    await mustRun(ip, ['-n', server, 'addr', 'add', `${NETNS_SERVER_ADDRESS}/24`, 'dev', vethS]);
    for (const [ns, dev] of [
      [client, vethC],
      [server, vethS],
    ] as const) {
      await mustRun(ip, ['-n', ns, 'link', 'set', 'lo', 'up']);
      await mustRun(ip, ['-n', ns, 'link', 'set', dev, 'up']);
    }
  } catch (err) {
    await close();
    throw err;
  }

  return {
    client,
    server,
    exec: (ns, cmd, args, opts) => runCmd(ip, ['netns', 'exec', ns, cmd, ...args], opts),
    iptables: async (args) => {
      await mustRun(ip, ['netns', 'exec', server, iptables, ...args]);
    },
    listen: async (port) => {
      const { child, listener } = await startListener(ip, server, port);
      children.push(child);
      return listener;
    },
    close,
  };
}
