// The lab tenant as the identity platform and Exchange Online see it: tenant id, the app registrations a device
// might use (a public client for the device code flow, a confidential client with a secret and a certificate for
// client credentials), object ids, and the device codes in flight. Generated at lab start; lab only.
import { randomBytes, randomUUID } from 'node:crypto';
import type { LabOauthTenant } from '../../shared/lab-info';

/** Device codes kept at once (older ones are dropped). */
export const MAX_DEVICE_CODES = 100;
/** Device code lifetime, in seconds (Entra: 15 minutes). */
export const DEVICE_CODE_SECONDS = 900;
/** Refresh tokens kept at once. */
export const MAX_REFRESH_TOKENS = 200;

export function makeOauthTenant(cert: { certPem: string; keyPem: string }): LabOauthTenant {
  return {
    tenantId: randomUUID(),
    publicClientId: randomUUID(),
    confidentialClientId: randomUUID(),
    clientSecret: `lab~${randomBytes(24).toString('base64url')}`,
    clientCertPem: cert.certPem,
    clientKeyPem: cert.keyPem,
    userObjectId: randomUUID(),
    servicePrincipalObjectId: randomUUID(),
  };
}

export interface DeviceCodeEntry {
  userCode: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  state: 'pending' | 'approved' | 'denied' | 'redeemed';
  user: string | null;
}

const USER_CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class DeviceCodes {
  private readonly byDevice = new Map<string, DeviceCodeEntry>();

  create(
    clientId: string,
    scope: string,
    nowMs = Date.now(),
  ): { deviceCode: string; entry: DeviceCodeEntry } {
    while (this.byDevice.size >= MAX_DEVICE_CODES) {
      const oldest = this.byDevice.keys().next().value;
      if (oldest === undefined) break;
      this.byDevice.delete(oldest);
    }
    const bytes = randomBytes(9);
    const userCode = [...bytes].map((b) => USER_CODE_CHARS[b % USER_CODE_CHARS.length]).join('');
    const deviceCode = randomBytes(32).toString('base64url');
    const entry: DeviceCodeEntry = {
      userCode,
      clientId,
      scope,
      expiresAt: nowMs + DEVICE_CODE_SECONDS * 1000,
      state: 'pending',
      user: null,
    };
    this.byDevice.set(deviceCode, entry);
    return { deviceCode, entry };
  }

  get(deviceCode: string): DeviceCodeEntry | undefined {
    return this.byDevice.get(deviceCode);
  }

  byUserCode(userCode: string): DeviceCodeEntry | undefined {
    const want = userCode.replace(/[\s-]/g, '').toUpperCase();
    for (const e of this.byDevice.values()) if (e.userCode === want) return e;
    return undefined;
  }
}
