// `node --import tsx test/bench/capture.ts [--devices N] [--messages M]`: figures for the capture listener under
// load (default 50 devices × 10 messages, STARTTLS + AUTH LOGIN, one connection per message): throughput,
// p50/p95 session time as the listener measured it, and peak RSS of this process (listener + clients).
import { parseArgs } from 'node:util';
import { percentile, runCaptureLoad } from './capture-load';

/** Bounds on the command line (keep a run finite). */
const MAX_DEVICES = 500;
const MAX_MESSAGES = 100;

const { values } = parseArgs({
  options: { devices: { type: 'string', default: '50' }, messages: { type: 'string', default: '10' } },
});
const devices = Math.min(MAX_DEVICES, Math.max(1, Number.parseInt(values.devices, 10) || 50));
const messages = Math.min(MAX_MESSAGES, Math.max(1, Number.parseInt(values.messages, 10) || 10));

const r = await runCaptureLoad(devices, messages);
const total = devices * messages;
console.log(
  `capture load: ${devices} devices × ${messages} messages = ${total} sessions (STARTTLS + AUTH LOGIN, one connection each)`,
);
console.log(`  sent ${r.sent}, failed ${r.failedSends.length}, diagnosed ${r.diagnoses.length}`);
console.log(
  `  wall ${(r.wallMs / 1000).toFixed(2)} s, throughput ${(r.diagnoses.length / (r.wallMs / 1000)).toFixed(1)} sessions/s`,
);
console.log(
  `  session time p50 ${percentile(r.sessionMs, 50).toFixed(1)} ms, p95 ${percentile(r.sessionMs, 95).toFixed(1)} ms, max ${percentile(r.sessionMs, 100).toFixed(1)} ms`,
);
console.log(
  `  peak RSS ${(r.peakRssBytes / 1024 / 1024).toFixed(1)} MiB (listener and clients in one process)`,
);
if (r.failedSends.length) console.log(`  first failure: ${r.failedSends[0] ?? ''}`);
