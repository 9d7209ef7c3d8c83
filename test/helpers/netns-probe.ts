// Runs inside a network namespace (`ip netns exec NS node --import tsx netns-probe.ts '<json>'`): probes each
// target with the engine's own code and prints one JSON line of results. Node cannot enter a namespace itself,
// so the probe is a separate process. Two kinds of probe, run concurrently:
//   tcp:      the engine's raw TCP connect (probeTcp), reporting its failure class;
//   diagnose: a whole runDiagnosis (method submission, the IP as host), reporting every finding code.
import { runDiagnosis } from '../../src/main/engine/run';
import { probeTcp } from '../../src/main/engine/protocol/tcp';
import { DiagnoseRequestSchema } from '../../src/shared/model';

export interface ProbeTarget {
  name: string;
  kind: 'tcp' | 'diagnose';
  address: string;
  port: number;
  /** tcp: the connect deadline; diagnose: the overall deadline. In ms. */
  timeoutMs: number;
  /** diagnose: the engine's connect deadline (RunOptions.limits.connectTimeoutMs), in ms; default the engine's. */
  connectTimeoutMs?: number;
}

export interface ProbeResult {
  name: string;
  ok: boolean;
  failure?: string;
  code?: string;
  /** diagnose: every finding code, in check order. */
  codes?: string[];
  ms: number;
}

async function probe(t: ProbeTarget): Promise<ProbeResult> {
  if (t.kind === 'tcp') {
    const r = await probeTcp({ address: t.address, port: t.port, timeoutMs: t.timeoutMs });
    return r.ok
      ? { name: t.name, ok: true, ms: r.ms }
      : { name: t.name, ok: false, failure: r.failure, code: r.code, ms: r.ms };
  }
  const started = performance.now();
  const d = await runDiagnosis(
    DiagnoseRequestSchema.parse({
      target: { method: 'submission', host: t.address, port: t.port },
      device: null,
      timeoutMs: t.timeoutMs,
    }),
    t.connectTimeoutMs ? { limits: { connectTimeoutMs: t.connectTimeoutMs } } : {},
  );
  const codes = d.checks.flatMap((c) => c.findings.map((f) => f.code));
  return { name: t.name, ok: d.verdict !== 'fail', codes, ms: Math.round(performance.now() - started) };
}

const targets = JSON.parse(process.argv[2] ?? '[]') as ProbeTarget[];
const results = await Promise.all(targets.map(probe));
process.stdout.write(`${JSON.stringify(results)}\n`);
