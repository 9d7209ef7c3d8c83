// A relay refusal on the path of SMTP relay is the connector's, not the device's (5.7.54 from the MX: the
// connection matched no connector). Before, the finding told the technician to "use SMTP relay" — the method that
// had just failed — and named the technician as the one to act. Against the lab: the site leaves from 127.0.0.1
// while the connector holds tenant.connectorIp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../../../src/lab';
import type { Lab } from '../../../src/lab/types';
import type { EngineLimits } from '../../../src/main/engine/limits';
import { runDiagnosis } from '../../../src/main/engine/run';
import { renderFinding } from '../../../src/shared/findings/catalog';
import { DiagnoseRequestSchema, type Diagnosis, type Target } from '../../../src/shared/model';

const LIMITS: Partial<EngineLimits> = {
  connectTimeoutMs: 1_500,
  bannerTimeoutMs: 1_500,
  replyTimeoutMs: 3_000,
};
const OVERALL_MS = 25_000;
const SITE = '127.0.0.1';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab({ scenario: 'healthy' });
});
afterAll(async () => {
  await lab?.close();
});

function run(over: Partial<Target>): Promise<Diagnosis> {
  const t = lab.tenant;
  return runDiagnosis(
    DiagnoseRequestSchema.parse({
      target: {
        domain: t.domain,
        from: t.mailbox,
        to: [t.externalRecipient],
        user: t.mailbox,
        connectTo: lab.connectTo,
        dnsServer: `${lab.dns.address}:${lab.dns.port}`,
        bind: SITE,
        expectedIp: t.connectorIp,
        method: 'relay',
        ...over,
      },
      device: null,
      timeoutMs: OVERALL_MS,
      extraCaPem: [lab.caPem],
      password: t.password,
    }),
    { limits: LIMITS },
  );
}

const relayDenied = (d: Diagnosis) =>
  d.checks.flatMap((c) => c.findings).find((f) => f.code === 'RELAY_DENIED');

describe('RELAY_DENIED where it was seen', () => {
  it('relay from an address the connector does not hold: the admin checks the connector for this IP', async () => {
    lab.setScenario('healthy');
    const d = await run({});
    expect(d.verdict).toBe('fail');
    const f = relayDenied(d);
    expect(f?.params).toMatchObject({ path: 'relay', ip: SITE });
    const codes = d.checks.flatMap((c) => c.findings.map((x) => x.code));
    expect(codes).toContain('EGRESS_IP_NOT_CONNECTOR');
    expect(d.primary?.ref.code).toBe('RELAY_DENIED');
    for (const lang of ['ja', 'en'] as const) {
      const r = renderFinding(d.primary!.ref, lang);
      expect(r.actor).toBe('admin');
      expect(r.fix).toContain(SITE);
      expect(r.fix).toMatch(lang === 'ja' ? /コネクタ/ : /connector/i);
      // Never the usual advice to switch to the method that just failed.
      expect(r.fix).not.toMatch(
        lang === 'ja' ? /SMTP リレー \(コネクタ\) を使って/ : /use SMTP client submission/i,
      );
    }
  }, 60_000);

  it('Direct Send to an external recipient keeps the usual text (by design; the technician picks another method)', async () => {
    lab.setScenario('healthy');
    const d = await run({ method: 'direct-send', expectedIp: undefined });
    const f = relayDenied(d);
    expect(f).toBeDefined();
    expect(f?.params?.path).toBeUndefined();
    expect(renderFinding(f!, 'en').actor).toBe('technician');
    expect(renderFinding(f!, 'en').fix).toMatch(/SMTP relay with a connector/);
  }, 60_000);

  it('auto where only relay could deliver (SMTP AUTH off) and the connector does not match: the connector, not the device', async () => {
    lab.setScenario('tenant-auth-disabled');
    const d = await run({ method: 'auto', to: [lab.tenant.internalRecipient, lab.tenant.externalRecipient] });
    expect(d.recommendation?.method).toBe('relay');
    expect(d.primary?.ref.code).toBe('RELAY_DENIED');
    expect(d.primary?.ref.params?.path).toBe('relay');
    expect(renderFinding(d.primary!.ref, 'ja').actor).toBe('admin');
  }, 60_000);

  it('relay from the connector address passes: no RELAY_DENIED at all', async () => {
    lab.setScenario('healthy');
    const d = await run({ bind: lab.tenant.connectorIp });
    expect(relayDenied(d)).toBeUndefined();
    expect(d.verdict).not.toBe('fail');
  }, 60_000);
});
