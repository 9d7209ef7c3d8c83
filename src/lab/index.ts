// startLab(): a simulated Exchange Online on loopback — submission endpoint (smtp.office365.com:587), MX endpoint
// (<tenant>.mail.protection.outlook.com:25), DNS server and certificates generated at start. See scenarios.ts for
// what each scenario does and dns-zone.ts for the lab's domains.
import net from 'node:net';
import type { ConnectToRule } from '../shared/model';
import { generateLabCertificates } from './certs';
import { isExchangeMxHost, MX_PORT, SUBMISSION_HOST, SUBMISSION_PORT } from '../shared/exchange-online';
import { LAB_DOMAINS, buildZone, exchangeMxHost } from './dns-zone';
import { startDnsServer } from './dns-server';
import { startSmtpEndpoint } from './smtp-endpoint';
import type { LabContext } from './smtp-session';
import { buildTlsProfiles } from './tls-profiles';
import { SCENARIO_SPECS } from './scenarios';
import { IDENTITY_HOST, startIdentityServer } from './identity/server';
import { makeOauthTenant } from './identity/state';
import { DELEGATED_AUDIENCE, mintAccessToken, newSigningKey } from './identity/tokens';
import {
  SCENARIOS,
  type Lab,
  type LabLimits,
  type LabMessage,
  type LabOauthTenant,
  type LabTenant,
  type ScenarioName,
  type StartLabOptions,
} from './types';

export * from './types';
export { SCENARIO_SPECS } from './scenarios';
export { LAB_DOMAINS, exchangeMxHost } from './dns-zone';
export { LAB_CA_NAME, INSPECTION_CA_NAME } from './certs';
export { IDENTITY_HOST } from './identity/server';

export const DEFAULT_LIMITS: LabLimits = {
  maxCommandLineBytes: 4096,
  maxDataLineBytes: 1024 * 1024,
  maxMessageBytes: 35 * 1024 * 1024,
  maxStoredMessageBytes: 256 * 1024,
  maxReceived: 100,
  maxRecipients: 100,
  maxConnections: 50,
  maxAuthSessionsPerMailbox: 3,
  sessionMs: 10 * 60_000,
  idleMs: 2 * 60_000,
  handshakeMs: 30_000,
};

export function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}

/** Device code poll interval the lab's identity platform announces by default, in seconds (as Entra). */
const DEFAULT_DEVICE_POLL_SECONDS = 5;

function makeTenant(oauth: LabOauthTenant, oauthToken: string): LabTenant {
  const domain = LAB_DOMAINS.tenant;
  return {
    domain,
    mxHost: exchangeMxHost(domain),
    mailbox: `scanner@${domain}`,
    password: 'Lab#Passw0rd!2026',
    connectorIp: '127.0.0.5',
    staleConnectorIp: '127.0.0.77',
    otherSender: `info@${domain}`,
    internalRecipient: `staff@${domain}`,
    externalRecipient: `partner@${LAB_DOMAINS.noSpf}`,
    oauthToken,
    oauth,
  };
}

export async function startLab(opts: StartLabOptions = {}): Promise<Lab> {
  const address = opts.address ?? '127.0.0.1';
  if (!net.isIP(address))
    throw new Error(`lab address must be an IP address (got "${address.slice(0, 60)}")`);
  let scenario: ScenarioName = opts.scenario ?? 'healthy';
  if (!isScenario(scenario)) throw new Error(`unknown lab scenario "${String(scenario).slice(0, 60)}"`);
  const certs = await generateLabCertificates();
  const key = await newSigningKey();
  const oauth = makeOauthTenant(certs.appClient);
  const domain = LAB_DOMAINS.tenant;
  // A ready delegated token for the mailbox (tests and demos that skip the sign-in); the flows mint their own.
  const oauthToken = await mintAccessToken(key, {
    tenantId: oauth.tenantId,
    clientId: oauth.publicClientId,
    audience: DELEGATED_AUDIENCE,
    scp: 'SMTP.Send',
    upn: `scanner@${domain}`,
    oid: oauth.userObjectId,
  });
  const tenant = makeTenant(oauth, oauthToken);
  const received: LabMessage[] = [];
  const ctx: LabContext = {
    tenant,
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    tls: buildTlsProfiles(certs),
    received,
    authSessions: new Map(),
    scenario: () => scenario,
    identity: { key, oauth },
  };

  const closers: (() => Promise<void>)[] = [];
  try {
    const submission = await startSmtpEndpoint('submission', ctx, address, opts.ports?.submission ?? 0);
    closers.push(() => submission.close());
    const mx = await startSmtpEndpoint('mx', ctx, address, opts.ports?.mx ?? 0);
    closers.push(() => mx.close());
    const zone = buildZone({ address, ipv6: submission.ipv6 && mx.ipv6, connectorIp: tenant.connectorIp });
    const dns = await startDnsServer(zone, address, opts.ports?.dns ?? 0);
    closers.push(() => dns.close());
    const identity = await startIdentityServer(
      {
        tenant: oauth,
        domain,
        mailbox: tenant.mailbox,
        key,
        behaviour: () => SCENARIO_SPECS[scenario].oauth ?? {},
        pollIntervalSec: opts.devicePollSeconds ?? DEFAULT_DEVICE_POLL_SECONDS,
      },
      certs.identity,
      address,
      opts.ports?.identity ?? 0,
    );
    closers.push(() => identity.close());

    const mxHosts = [...zone.keys()].filter((n) => isExchangeMxHost(n));
    const connectTo: ConnectToRule[] = [
      { host: SUBMISSION_HOST, port: SUBMISSION_PORT, toHost: address, toPort: submission.port },
      { host: SUBMISSION_HOST, port: MX_PORT, toHost: address, toPort: submission.port },
      ...mxHosts.map((host) => ({ host, port: MX_PORT, toHost: address, toPort: mx.port })),
      { host: IDENTITY_HOST, port: identity.port, toHost: address, toPort: identity.port },
    ];
    let closed = false;
    const lab: Lab = {
      get scenario() {
        return scenario;
      },
      submission: { host: SUBMISSION_HOST, address, port: submission.port },
      mx: { host: tenant.mxHost, address, port: mx.port },
      dns: { address, port: dns.port },
      caPem: certs.caPem,
      tenant,
      identity: {
        host: IDENTITY_HOST,
        address,
        port: identity.port,
        base: identity.base,
        authority: (t = oauth.tenantId) => `${identity.base}/${t}/v2.0`,
        approve: (userCode, deny = false) => {
          const entry = identity.codes.byUserCode(userCode);
          if (!entry || entry.state !== 'pending' || Date.now() > entry.expiresAt) return false;
          entry.state = deny ? 'denied' : 'approved';
          entry.user = tenant.mailbox;
          return true;
        },
      },
      connectTo,
      received,
      setScenario(name: ScenarioName) {
        if (!isScenario(name)) throw new Error(`unknown lab scenario "${String(name).slice(0, 60)}"`);
        scenario = name;
      },
      async close() {
        if (closed) return;
        closed = true;
        await Promise.all(closers.map((c) => c()));
      },
    };
    return lab;
  } catch (err) {
    await Promise.all(closers.map((c) => c()));
    throw err;
  }
}
