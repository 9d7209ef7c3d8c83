// Load: 50 devices send concurrently, 10 messages each, each on its own STARTTLS + AUTH connection. None may be
// lost and each must be diagnosed. Figures (throughput, session times, RSS) are printed by test/bench/capture.ts.
import { describe, expect, it } from 'vitest';
import { findSecret, secretForms } from '../../../src/shared/secrets';
import { runCaptureLoad } from '../../bench/capture-load';

const DEVICES = 50;
const MESSAGES = 10;

describe('capture under load', () => {
  it(`${DEVICES} devices × ${MESSAGES} messages: none lost, each diagnosed, no password kept`, async () => {
    const r = await runCaptureLoad(DEVICES, MESSAGES);
    expect(r.failedSends).toEqual([]);
    expect(r.diagnoses).toHaveLength(DEVICES * MESSAGES);
    // Every message arrived exactly once, in the session of the device that sent it.
    const ids = r.diagnoses.flatMap((d) =>
      d.session.messages.map((m) => ({
        id: m.headers.find((h) => h.name.toLowerCase() === 'x-load-id')?.value ?? '',
        from: m.mailFrom,
      })),
    );
    expect(new Set(ids.map((x) => x.id)).size).toBe(DEVICES * MESSAGES);
    for (const x of ids) expect(x.from).toBe(`mfp${x.id.split('-')[0] ?? ''}@contoso.com`);
    for (const d of r.diagnoses) {
      expect(d.session.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
      expect(d.session.auth?.passwordSent).toBe(true);
      expect(d.findings).toEqual([]);
      expect(d.verdict).toBe('pass');
    }
    const text = JSON.stringify(r.diagnoses);
    for (const [i, pw] of r.passwords.entries())
      expect(findSecret(text, secretForms({ user: `mfp${i}@contoso.com`, password: pw }))).toBeNull();
  }, 240_000);
});
