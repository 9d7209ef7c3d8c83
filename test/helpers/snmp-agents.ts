// Real SNMP and IPP peers for the identify tests, each a private instance started by the test on loopback:
// Debian's snmpd (-f -Lo -C -c <own conf>, its own persistent dir, no system daemon) and CUPS' ippeveprinter
// (announcing make-and-model and firmware from its own attributes file; it needs a D-Bus bus for its Avahi client,
// so the test starts a private dbus-daemon and points DBUS_SYSTEM_BUS_ADDRESS at it). Plus the silent peers.
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findExecutable } from './run-cmd';

const SNMPD = '/usr/sbin/snmpd';
const IPPEVEPRINTER = '/usr/sbin/ippeveprinter';
const DBUS_DAEMON = '/usr/bin/dbus-daemon';
/** How long a peer may take to come up, in milliseconds (snmpd and ippeveprinter start in well under 1 s). */
const PEER_START_TIMEOUT_MS = 10_000;
/** Poll interval while waiting for a peer, in milliseconds. */
const POLL_MS = 50;

/** Why snmpd cannot be started here, or null. */
export function snmpdMissing(): string | null {
  return findExecutable(SNMPD) ? null : 'snmpd is not installed (Debian package snmpd)';
}

/** Why ippeveprinter (and the private D-Bus it needs) cannot be started here, or null. */
export function ippevePrinterMissing(): string | null {
  if (!findExecutable(IPPEVEPRINTER)) return 'ippeveprinter is not installed (Debian package cups-ipp-utils)';
  if (!findExecutable(DBUS_DAEMON))
    return 'dbus-daemon is not installed (Debian package dbus-daemon; ippeveprinter needs a bus for its Avahi client)';
  return null;
}

export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function freeTcpPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  log: () => string,
): Promise<void> {
  const until = Date.now() + PEER_START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`${what} did not start within ${PEER_START_TIMEOUT_MS} ms:\n${log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(child.pid as number, 'SIGTERM');
  });
}

function capture(child: ChildProcess): () => string {
  let out = '';
  const add = (b: Buffer): void => {
    out = (out + b.toString()).slice(-8000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => out;
}

export interface SnmpAgentSpec {
  community: string;
  /** 'v1': the agent answers SNMPv1 only (drops v2c), like some older print servers. */
  versions?: 'v1-v2c' | 'v1';
  sysDescr?: string;
  sysObjectID?: string;
  sysName?: string;
  /** Extra OID → string values (Printer-MIB, Host Resources), set with snmpd's `override`. */
  strings?: Record<string, string>;
  /** Extra OID → OBJECT IDENTIFIER values (e.g. hrDeviceType). */
  oids?: Record<string, string>;
}

export interface RunningPeer {
  port: number;
  stop(): Promise<void>;
  log(): string;
}

const quote = (s: string): string => `"${s.replace(/["\\]/g, '')}"`;

export async function startSnmpd(spec: SnmpAgentSpec): Promise<RunningPeer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dmd-snmpd-'));
  const port = await freeUdpPort();
  const lines = [`agentAddress udp:127.0.0.1:${port}`];
  if (spec.versions === 'v1') {
    lines.push(
      `com2sec local 127.0.0.1 ${spec.community}`,
      'group v1only v1 local',
      'view all included .1',
      'access v1only "" v1 noauth exact all none none',
    );
  } else {
    lines.push(`rocommunity ${spec.community} 127.0.0.1`);
  }
  if (spec.sysDescr) lines.push(`sysDescr ${spec.sysDescr}`);
  if (spec.sysObjectID) lines.push(`sysObjectID ${spec.sysObjectID}`);
  if (spec.sysName) lines.push(`sysName ${spec.sysName}`);
  for (const [oid, v] of Object.entries(spec.strings ?? {}))
    lines.push(`override ${oid} octet_str ${quote(v)}`);
  for (const [oid, v] of Object.entries(spec.oids ?? {})) lines.push(`override ${oid} object_id ${v}`);
  const conf = path.join(dir, 'snmpd.conf');
  await writeFile(conf, `${lines.join('\n')}\n`);
  const child = spawn(SNMPD, ['-f', '-Lo', '-C', '-c', conf, '-M', '/dev/null', '-m', ''], {
    env: { ...process.env, SNMP_PERSISTENT_DIR: path.join(dir, 'persist'), SNMPCONFPATH: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = capture(child);
  await waitFor('snmpd', () => log().includes('NET-SNMP version') || child.exitCode !== null, log);
  if (child.exitCode !== null) throw new Error(`snmpd exited with ${child.exitCode}:\n${log()}`);
  return {
    port,
    log,
    async stop() {
      await stop(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface IppPrinterSpec {
  makeAndModel: string;
  firmwareName?: string;
  firmwareStringVersion?: string;
  deviceId?: string;
  info?: string;
}

export async function startIppEvePrinter(spec: IppPrinterSpec): Promise<RunningPeer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dmd-ippeve-'));
  const bus = path.join(dir, 'bus');
  const dbus = spawn(DBUS_DAEMON, ['--session', `--address=unix:path=${bus}`, '--nofork', '--nopidfile'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const dbusLog = capture(dbus);
  await waitFor('dbus-daemon', () => existsSync(bus) || dbus.exitCode !== null, dbusLog);
  const port = await freeTcpPort();
  const attrs = [`ATTR text printer-make-and-model ${quote(spec.makeAndModel)}`];
  if (spec.firmwareName) attrs.push(`ATTR name printer-firmware-name ${quote(spec.firmwareName)}`);
  if (spec.firmwareStringVersion)
    attrs.push(`ATTR text printer-firmware-string-version ${quote(spec.firmwareStringVersion)}`);
  if (spec.deviceId) attrs.push(`ATTR text printer-device-id ${quote(spec.deviceId)}`);
  if (spec.info) attrs.push(`ATTR text printer-info ${quote(spec.info)}`);
  const conf = path.join(dir, 'printer.conf');
  await writeFile(conf, `${attrs.join('\n')}\n`);
  // -n localhost: listen on 127.0.0.1 and ::1 only; -r off: no DNS-SD advertisement on the LAN.
  const child = spawn(
    IPPEVEPRINTER,
    ['-r', 'off', '-n', 'localhost', '-a', conf, '-d', dir, '-p', String(port), 'dmd-test-printer'],
    {
      env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${bus}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = capture(child);
  const connects = (): Promise<boolean> =>
    new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
  await waitFor(
    'ippeveprinter',
    async () => child.exitCode !== null || (await connects()),
    () => `${log()}\n${dbusLog()}`,
  );
  if (child.exitCode !== null) throw new Error(`ippeveprinter exited with ${child.exitCode}:\n${log()}`);
  return {
    port,
    log,
    async stop() {
      await stop(child);
      await stop(dbus);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A UDP socket that reads and never answers: a device whose SNMP agent drops everything. */
export async function startSilentUdp(): Promise<RunningPeer & { received(): number }> {
  const s = dgram.createSocket('udp4');
  let received = 0;
  s.on('message', () => {
    received++;
  });
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  return {
    port: s.address().port,
    log: () => `${received} datagrams`,
    received: () => received,
    stop: () => new Promise((resolve) => s.close(() => resolve())),
  };
}

/** A TCP listener that accepts and never says anything: an IPP port that hangs. */
export async function startSilentTcp(): Promise<RunningPeer> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    port: (srv.address() as net.AddressInfo).port,
    log: () => `${sockets.size} open`,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        srv.close(() => resolve());
      }),
  };
}
