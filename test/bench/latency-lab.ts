// Puts a delaying proxy in front of each lab endpoint (TCP) and its DNS server (UDP), and rewrites the lab's
// --connect-to rules so every probe crosses the injected latency. The lab itself is untouched.
import type { Lab } from '../../src/lab/types';
import type { ConnectToRule } from '../../src/shared/model';
import {
  startDelayProxy,
  startUdpDelayProxy,
  type DelayProxy,
  type UdpDelayProxy,
} from '../helpers/delay-proxy';

export interface LatencyLab {
  /** The lab's rules, pointing at the proxies instead of the endpoints. */
  connectTo: ConnectToRule[];
  /** The delayed DNS server, as ADDR:PORT for DiagnoseRequest.target.dnsServer. */
  dnsServer: string;
  /** TCP proxies keyed by the endpoint they front ("127.0.0.1:12345"). */
  proxies: Map<string, DelayProxy>;
  close(): Promise<void>;
}

export async function startLatencyLab(lab: Lab, oneWayDelayMs: number): Promise<LatencyLab> {
  const proxies = new Map<string, DelayProxy>();
  let udp: UdpDelayProxy | null = null;
  const close = async () => {
    await Promise.all([...proxies.values()].map((p) => p.close()));
    await udp?.close();
  };
  try {
    const connectTo: ConnectToRule[] = [];
    for (const rule of lab.connectTo) {
      const key = `${rule.toHost}:${rule.toPort}`;
      let proxy = proxies.get(key);
      if (!proxy) {
        proxy = await startDelayProxy({ target: { host: rule.toHost, port: rule.toPort }, oneWayDelayMs });
        proxies.set(key, proxy);
      }
      connectTo.push({ ...rule, toHost: proxy.address, toPort: proxy.port });
    }
    udp = await startUdpDelayProxy({ target: { host: lab.dns.address, port: lab.dns.port }, oneWayDelayMs });
    return { connectTo, dnsServer: `${udp.address}:${udp.port}`, proxies, close };
  } catch (err) {
    await close();
    throw err;
  }
}
