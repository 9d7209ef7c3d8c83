// Child process of lab-process.ts: starts the lab with the given scenario, puts the delaying proxies in front of
// it, prints one JSON line (connect-to rules, DNS server, CA, tenant), and stops when stdin closes.
import { startLab } from '../../src/lab';
import type { ScenarioName } from '../../src/lab/types';
import { startLatencyLab } from './latency-lab';

const [scenario = 'healthy', delay = '20'] = process.argv.slice(2);
const lab = await startLab({ scenario: scenario as ScenarioName });
const net = await startLatencyLab(lab, Number(delay));
process.stdout.write(
  `${JSON.stringify({ connectTo: net.connectTo, dnsServer: net.dnsServer, caPem: lab.caPem, tenant: lab.tenant })}\n`,
);
const stop = async () => {
  await net.close();
  await lab.close();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
