// The lab's MX endpoint (<tenant>.mail.protection.outlook.com:25): Direct Send, relay via the connector's
// source address (127.0.0.x acts as the site's static public IP), Reject Direct Send and a changed connector IP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../src/lab';
import { SCENARIO_SPECS } from '../../../src/lab/scenarios';
import { send, type SendOutcome } from './nodemailer-send';
import { RawSmtp, parseReply } from './smtp-raw';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab.close();
});
beforeEach(() => lab.setScenario('healthy'));

function expectRcptRefused(out: SendOutcome, code: number, enhanced: string): void {
  expect(out.ok, out.message).toBe(false);
  expect(out.code).toBe('EENVELOPE');
  expect(parseReply(out.response)).toMatchObject({ code, enhanced, suffixed: true });
}

const mx = (o: Parameters<typeof send>[1] = {}) =>
  send(lab, { endpoint: 'mx', auth: null, from: 'scanner@contoso.com', ...o });

describe('lab MX endpoint', () => {
  it('greets as *.mail.protection.outlook.com, offers STARTTLS before and no AUTH after TLS', async () => {
    const c = await RawSmtp.connect(lab.mx.port, { localAddress: lab.tenant.connectorIp });
    expect(await c.read()).toMatch(
      /^220 [A-Z0-9]+\.mail\.protection\.outlook\.com Microsoft ESMTP MAIL Service ready at .+ \[[0-9A-F]{16}\]$/,
    );
    const ehlo = await c.cmd('EHLO mfp.contoso.local');
    expect(ehlo).toMatch(new RegExp(`^250-\\S+ Hello \\[${lab.tenant.connectorIp.replace(/\./g, '\\.')}\\]`));
    expect(ehlo).toContain('250-STARTTLS');
    const secure = await c.starttls('contoso-com.mail.protection.outlook.com', { ca: [lab.caPem] });
    expect(secure.authorized).toBe(true);
    const after = await c.cmd('EHLO mfp.contoso.local');
    expect(after).not.toMatch(/AUTH|STARTTLS/);
    expect(parseReply(await c.cmd('AUTH LOGIN'))).toMatchObject({ code: 504, enhanced: '5.7.4' });
    c.close();
  });

  it('accepts Direct Send to an internal recipient, with or without TLS', async () => {
    expect((await mx()).ok).toBe(true);
    const plain = await mx({ ignoreTLS: true });
    expect(plain.ok, plain.message).toBe(true);
    expect(lab.received.at(-1)).toMatchObject({
      endpoint: 'mx',
      authUser: null,
      tls: null,
      rcptTo: [lab.tenant.internalRecipient],
    });
  });

  it('refuses an unknown internal recipient (550 5.4.1)', async () => {
    expectRcptRefused(await mx({ to: 'nobody@contoso.com' }), 550, '5.4.1');
  });

  it('refuses external recipients via Direct Send (550 5.7.54)', async () => {
    const out = await mx({ to: lab.tenant.externalRecipient });
    expectRcptRefused(out, 550, '5.7.54');
    expect(out.response).toContain('Unable to relay recipient in non-accepted domain');
  });

  it('relays external recipients from the connector IP', async () => {
    const out = await mx({ to: lab.tenant.externalRecipient, localAddress: lab.tenant.connectorIp });
    expect(out.ok, out.message).toBe(true);
    expect(lab.received.at(-1)?.clientAddress).toBe(lab.tenant.connectorIp);
  });

  it('reject-direct-send: 550 5.7.68 for internal mail from other sources; the connector still works', async () => {
    lab.setScenario('reject-direct-send');
    const out = await mx();
    expectRcptRefused(out, 550, '5.7.68');
    expect(out.response).toContain(
      'TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
    );
    expect((await mx({ localAddress: lab.tenant.connectorIp })).ok).toBe(true);
  });

  it('connector-ip-changed: relay from the site IP gets 550 5.7.64; the stale IP would pass', async () => {
    lab.setScenario('connector-ip-changed');
    const out = await mx({ to: lab.tenant.externalRecipient, localAddress: lab.tenant.connectorIp });
    expectRcptRefused(out, 550, '5.7.64');
    expect(out.response).toContain('TenantAttribution; Relay Access Denied');
    expect(
      (await mx({ to: lab.tenant.externalRecipient, localAddress: lab.tenant.staleConnectorIp })).ok,
    ).toBe(true);
    // Internal Direct Send is unaffected.
    expect((await mx({ localAddress: lab.tenant.connectorIp })).ok).toBe(true);
  });

  it('ip-blocklisted and throttled: the MX endpoint answers 5.7.606 and 451 4.7.500 (the scenario table says so)', async () => {
    lab.setScenario('ip-blocklisted');
    const banned = await mx({ localAddress: '127.0.0.9' });
    expectRcptRefused(banned, 550, '5.7.606');
    expect(banned.response).toContain('banned sending IP [127.0.0.9]');
    expect(SCENARIO_SPECS['ip-blocklisted'].symptom).toMatchObject({
      endpoint: 'mx',
      code: 550,
      enhanced: '5.7.606',
    });
    lab.setScenario('throttled');
    const busy = await mx();
    expect(busy.ok).toBe(false);
    expect(parseReply(busy.response)).toMatchObject({ code: 451, enhanced: '4.7.500' });
    expect(SCENARIO_SPECS.throttled.mxSymptom).toMatchObject({
      endpoint: 'mx',
      code: 451,
      enhanced: '4.7.500',
    });
  });

  it('reject-direct-send is decided by the MAIL FROM (P1) domain, not the From header', async () => {
    lab.setScenario('reject-direct-send');
    // Envelope sender in another domain, From header in the tenant's: not Direct Send of the tenant's domain → accepted.
    const foreignP1 = await mx({ from: 'alerts@vendor.example', headerFrom: 'scanner@contoso.com' });
    expect(foreignP1.ok, foreignP1.message).toBe(true);
    // Envelope sender in the accepted domain, From header elsewhere: refused.
    const ownP1 = await mx({ from: 'scanner@contoso.com', headerFrom: 'alerts@vendor.example' });
    expectRcptRefused(ownP1, 550, '5.7.68');
  });

  it('unregistered-sender-domain: relay through the IP connector from a non-accepted MAIL FROM domain → 550 5.7.750', async () => {
    lab.setScenario('unregistered-sender-domain');
    const out = await mx({
      from: 'scanner@unregistered.example',
      to: lab.tenant.externalRecipient,
      localAddress: lab.tenant.connectorIp,
    });
    expectRcptRefused(out, 550, '5.7.750');
    expect(out.response).toContain('Client blocked from sending from unregistered domains');
    // The accepted domain still relays; Direct Send from elsewhere is not the connector's business.
    expect((await mx({ to: lab.tenant.externalRecipient, localAddress: lab.tenant.connectorIp })).ok).toBe(
      true,
    );
    expect((await mx({ from: 'scanner@unregistered.example' })).ok).toBe(true);
  });

  it('submission-only scenarios leave the MX endpoint alone', async () => {
    for (const name of [
      'mailbox-full',
      'send-as-denied',
      'legacy-tls10',
      'rsa-only-ciphers',
      'tenant-auth-disabled',
    ] as const) {
      lab.setScenario(name);
      const out = await mx();
      expect(out.ok, `${name}: ${out.message}`).toBe(true);
    }
  });
});
