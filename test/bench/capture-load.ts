// Load on the capture listener: N simulated devices send concurrently, each M messages one after another, every
// message on its own connection (as scan-to-email does) with STARTTLS and AUTH LOGIN, through nodemailer.
// Shared by the load test (correctness) and `test/bench/capture.ts` (figures).
import nodemailer from 'nodemailer';
import { startCapture, type CaptureHandle } from '../../src/main/capture/index';
import type { CaptureDiagnosis } from '../../src/shared/capture';

/** Per-message client deadline, in ms (generous: 2 shared cores, 50 TLS handshakes at once). */
const CLIENT_TIMEOUT_MS = 60_000;
/** RSS sampling period, in ms. */
const RSS_SAMPLE_MS = 50;

export interface LoadResult {
  devices: number;
  perDevice: number;
  sent: number;
  failedSends: string[];
  diagnoses: CaptureDiagnosis[];
  wallMs: number;
  /** Session durations as the listener measured them, in ms, sorted. */
  sessionMs: number[];
  peakRssBytes: number;
  /** The passwords the devices used (so callers can scan outputs for them). */
  passwords: string[];
}

export const loadPassword = (device: number) => `Load-dev${device}-pw!${device * 7919}`;

export async function runCaptureLoad(devices: number, perDevice: number): Promise<LoadResult> {
  const handle: CaptureHandle = await startCapture({
    listen: [{ address: '127.0.0.1', port: 0 }],
    method: 'submission',
    limits: { idleStopMs: 0, maxConnections: devices * 2, maxSessionsKept: devices * perDevice },
  });
  let peakRssBytes = process.memoryUsage().rss;
  const sampler = setInterval(
    () => (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss)),
    RSS_SAMPLE_MS,
  );
  const port = handle.listeners[0]?.port ?? 0;
  const failedSends: string[] = [];
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: devices }, async (_, d) => {
        const user = `mfp${d}@contoso.com`;
        const transport = nodemailer.createTransport({
          host: '127.0.0.1',
          port,
          secure: false,
          requireTLS: true,
          name: `mfp-load-${d}.contoso.local`,
          // Each device from its own address, as on a real LAN (the listener caps connections per address).
          localAddress: `127.0.${1 + Math.floor(d / 200)}.${10 + (d % 200)}`,
          auth: { user, pass: loadPassword(d) },
          // The device trusts the capture's on-the-spot certificate, as a device whose verification is off would.
          tls: { rejectUnauthorized: false },
          connectionTimeout: CLIENT_TIMEOUT_MS,
          greetingTimeout: CLIENT_TIMEOUT_MS,
          socketTimeout: CLIENT_TIMEOUT_MS,
        });
        for (let i = 0; i < perDevice; i++) {
          try {
            await transport.sendMail({
              from: user,
              to: 'boss@contoso.com',
              subject: `scan ${d}-${i}`,
              text: 'scan',
              headers: { 'X-Load-Id': `${d}-${i}` },
            });
          } catch (err) {
            failedSends.push(`${d}-${i}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        transport.close();
      }),
    );
    const diagnoses = await handle.waitFor(devices * perDevice, CLIENT_TIMEOUT_MS);
    const wallMs = performance.now() - t0;
    const sessionMs = diagnoses.map((x) => x.session.durationMs).sort((a, b) => a - b);
    return {
      devices,
      perDevice,
      sent: devices * perDevice - failedSends.length,
      failedSends,
      diagnoses,
      wallMs,
      sessionMs,
      peakRssBytes,
      passwords: Array.from({ length: devices }, (_, d) => loadPassword(d)),
    };
  } finally {
    clearInterval(sampler);
    await handle.close();
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
