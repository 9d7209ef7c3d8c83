// Who can reach a capture listener: this computer only (loopback), the networks of one address, or every network
// this computer is on (0.0.0.0 / ::, only when the technician typed it). The CLI and the app warn for the last two,
// naming the address and its network adapter, because on a customer's LAN anyone there can connect.
import { isIP } from 'node:net';
import { listLocalAddresses } from './addresses';

export interface ListenExposure {
  address: string;
  port: number;
  /** 'network': reachable from the network of `interface`; 'all': every address of this computer. */
  scope: 'network' | 'all';
  /** The adapter that holds the address (null for 'all' or when unknown). */
  interface: string | null;
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: only this computer can connect. */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1';
}

/** Unspecified addresses bind every interface. */
export function isUnspecified(address: string): boolean {
  return address === '0.0.0.0' || /^(::|0:0:0:0:0:0:0:0|::ffff:0\.0\.0\.0)$/i.test(address);
}

export function exposureOf(listeners: readonly { address: string; port: number }[]): ListenExposure[] {
  const local = listLocalAddresses();
  const out: ListenExposure[] = [];
  for (const l of listeners) {
    if (isLoopback(l.address)) continue;
    if (isUnspecified(l.address))
      out.push({ address: l.address, port: l.port, scope: 'all', interface: null });
    else
      out.push({
        address: l.address,
        port: l.port,
        scope: 'network',
        interface: local.find((x) => x.address === l.address)?.interface ?? null,
      });
  }
  return out;
}

/** One line per exposed listener, for the CLI. */
export function exposureWarning(e: ListenExposure): string {
  const where = e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
  if (e.scope === 'all')
    return `Warning: listening on ${where}, every address of this computer: any device on any network this computer is connected to can connect. Prefer one address (see --list-addresses).`;
  return `Warning: listening on ${where}${e.interface ? ` (${e.interface})` : ''}: any device on that network can connect. Stop the capture when the device test is done.`;
}
