// Every check the engine emits belongs to the check registry: a full run (auto: all three methods, a device
// profile, --send) against the healthy practice lab on loopback, every id looked up exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { labDiagnoseRequest } from '../../../src/lab/request';
import { runDiagnosis } from '../../../src/main/engine/run';
import { checkTitle, lookupCheckId } from '../../../src/shared/check-registry';
import type { DeviceProfile, StepEvent } from '../../../src/shared/model';

const OVERALL_MS = 30_000;
const DEVICE: DeviceProfile = {
  id: 'registry-test',
  kind: 'mfp',
  label: 'registry test device',
  maxTls: '1.2',
  cipherFamily: 'rsa',
  authMechanisms: ['LOGIN'],
  starttls: true,
  implicitTls: false,
  serverFieldMaxLength: null,
  oauth: false,
};

let lab: Lab | undefined;

describe('engine checks vs the check registry', () => {
  beforeAll(async () => {
    lab = await startLab({ scenario: 'healthy' });
  });
  afterAll(async () => {
    await lab?.close();
  });

  it(
    'every check and every started event of a full run is a registry entry with a Japanese title',
    async () => {
      if (!lab) throw new Error('lab did not start');
      const request = {
        ...labDiagnoseRequest(
          { ...lab, dnsServer: `${lab.dns.address}:${lab.dns.port}` },
          { device: DEVICE, timeoutMs: OVERALL_MS },
        ),
        send: true,
      };
      const started: string[] = [];
      const d = await runDiagnosis(request, {
        onEvent: (e: StepEvent) => (e.type === 'check-started' ? started.push(e.id) : undefined),
      });
      expect(d.checks.length).toBeGreaterThan(20);
      for (const id of [...d.checks.map((c) => c.id), ...started])
        expect(lookupCheckId(id), id).not.toBeNull();
      for (const c of d.checks) expect(checkTitle(c, 'ja'), c.id).not.toBe(c.title);
      // Both endpoints and the tenant checks ran.
      const kinds = new Set(d.checks.map((c) => lookupCheckId(c.id)?.kind));
      for (const k of [
        'dns.mx',
        'dns.spf',
        'relay.egress-ip',
        'tls.matrix',
        'smtp.auth',
        'envelope.external',
        'send',
        'device.auth',
        'tls.device',
      ] as const) {
        expect(kinds.has(k), k).toBe(true);
      }
    },
    OVERALL_MS + 10_000,
  );
});
