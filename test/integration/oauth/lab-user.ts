// Test helpers playing the people around a device code sign-in: the user who approves the code on the lab's
// sign-in service (over HTTPS, trusting the lab CA), and msal-node pointed at the lab's identity platform.
import https from 'node:https';
import type { Lab } from '../../../src/lab';
import { acquireToken, type AcquireOptions, type AcquireResult } from '../../../src/main/oauth/acquire';

/** The user: opens the lab's approve endpoint over HTTPS (lab CA) with the code the app showed. */
export function approveOverHttp(l: Lab, userCode: string, deny = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ user_code: userCode, deny });
    const req = https.request(
      {
        host: l.identity.address,
        port: l.identity.port,
        servername: l.identity.host,
        method: 'POST',
        path: '/lab/approve',
        ca: [l.caPem],
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          host: `${l.identity.host}:${l.identity.port}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function labAcquire(
  l: Lab,
  o: Partial<AcquireOptions> & Pick<AcquireOptions, 'flow'>,
): Promise<AcquireResult> {
  const t = l.tenant.oauth;
  return acquireToken({
    tenant: l.tenant.domain,
    clientId: o.flow === 'oauth-device-code' ? t.publicClientId : t.confidentialClientId,
    authority: l.identity.authority(l.tenant.domain),
    extraCaPem: [l.caPem],
    connectTo: l.connectTo,
    waitSeconds: 30,
    onDeviceCode: (info) => void approveOverHttp(l, info.userCode),
    ...o,
  });
}
