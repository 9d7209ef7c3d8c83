// Runs inside a network namespace (`ip netns exec NS node --import tsx netns-probe.ts '<json>'`): probes each
// target with the engine's own TCP code and prints one JSON line of results. Node cannot enter a namespace
// itself, so the probe is a separate process.
import { probeTcp } from '../../src/main/engine/tcp';

interface ProbeTarget {
  name: string;
  address: string;
  port: number;
  timeoutMs: number;
}

const targets = JSON.parse(process.argv[2] ?? '[]') as ProbeTarget[];
const results = await Promise.all(
  targets.map(async (t) => {
    const r = await probeTcp({ address: t.address, port: t.port, timeoutMs: t.timeoutMs });
    return r.ok ? { name: t.name, ok: true, ms: r.ms } : { name: t.name, ok: false, failure: r.failure, code: r.code, ms: r.ms };
  }),
);
process.stdout.write(`${JSON.stringify(results)}\n`);
