// Client credentials with a certificate: the client signs a JWT (client_assertion) with the app's private key;
// the lab checks it against the certificate registered for the confidential app (signature, iss = sub = client id,
// aud = the token endpoint, expiry). msal-node signs with PS256 (SHA-256 thumbprint) or RS256.
import { createPublicKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { LabOauthTenant } from '../../shared/lab-info';

/** Clock skew tolerated on the assertion's nbf/exp, in seconds (msal-node sets nbf a second after iat). */
const CLOCK_SKEW_SECONDS = 300;

export async function verifyClientAssertion(
  assertion: string,
  tenant: LabOauthTenant,
  tokenUrl: string,
): Promise<boolean> {
  try {
    const key = createPublicKey(tenant.clientCertPem);
    const { payload } = await jwtVerify(assertion, key, {
      algorithms: ['PS256', 'RS256'],
      audience: tokenUrl,
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    return payload.iss === tenant.confidentialClientId && payload.sub === tenant.confidentialClientId;
  } catch {
    return false;
  }
}
