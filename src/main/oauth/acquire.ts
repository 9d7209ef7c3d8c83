// Gets an access token the way a device would, with Microsoft's own @azure/msal-node (no hand-written OAuth):
// delegated device code flow (scopes https://outlook.office.com/SMTP.Send offline_access) or app-only client
// credentials (https://outlook.office365.com/.default, with a client secret or a certificate). Tokens live in this
// process's memory only: msal's cache stays in memory (no cache plugin), refresh tokens are never written, and
// the result carries the access token for the one XOAUTH2 attempt. Failures are findings, never throws.
import { X509Certificate } from 'node:crypto';
import {
  ConfidentialClientApplication,
  LogLevel,
  ProtocolMode,
  PublicClientApplication,
  type Configuration,
} from '@azure/msal-node';
import type { ConnectToRule, FindingRef } from '../../shared/model';
import { decodeToken, type TokenClaims } from '../../shared/oauth/claims';
import { classifyOauthText } from '../../shared/oauth/classify-oauth';
import { createNetworkClient, type LabAwareNetworkClient } from './network-client';

export const DELEGATED_SCOPES = ['https://outlook.office.com/SMTP.Send', 'offline_access'];
export const APP_SCOPES = ['https://outlook.office365.com/.default'];
/** Longest wait for the user to finish a device code sign-in, in seconds (the code itself lives 15 minutes). */
export const DEVICE_CODE_WAIT_SECONDS = 300;
/** Microsoft's public authority host. */
export const ENTRA_HOST = 'login.microsoftonline.com';

export type OauthFlow = 'oauth-device-code' | 'oauth-client-credentials';

export interface DeviceCodeInfo {
  userCode: string;
  verificationUri: string;
  /** Seconds until the code expires. */
  expiresIn: number;
  message: string;
}

export interface AcquireOptions {
  flow: OauthFlow;
  /** Tenant: a domain (contoso.com) or the directory id. */
  tenant: string;
  clientId: string;
  clientSecret?: string | undefined;
  clientCert?: { certPem: string; keyPem: string } | undefined;
  /** Full authority URL instead of https://login.microsoftonline.com/{tenant} (the lab: `${base}/${tenant}/v2.0`). */
  authority?: string | undefined;
  extraCaPem?: readonly string[] | undefined;
  connectTo?: readonly ConnectToRule[] | undefined;
  onDeviceCode?: ((info: DeviceCodeInfo) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Bound on the device code wait, in seconds. */
  waitSeconds?: number | undefined;
}

export type AcquireResult =
  | { ok: true; token: string; claims: TokenClaims | null; expiresOn: string | null; flow: OauthFlow }
  | { ok: false; finding: FindingRef; flow: OauthFlow };

const TENANT_RE =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)$/i;
const CLIENT_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Input problems (the CLI exits 2 with this text); null when fine. */
export function checkAcquireInput(
  o: Pick<AcquireOptions, 'flow' | 'tenant' | 'clientId' | 'clientSecret' | 'clientCert'>,
): string | null {
  if (!TENANT_RE.test(o.tenant)) return 'the tenant must be a domain (contoso.com) or a directory id (GUID)';
  if (!CLIENT_ID_RE.test(o.clientId)) return 'the client id must be an application (client) id (GUID)';
  if (o.flow === 'oauth-client-credentials' && !o.clientSecret && !o.clientCert)
    return 'client credentials need a client secret or a certificate';
  if (o.flow === 'oauth-device-code' && (o.clientSecret || o.clientCert))
    return 'the device code flow is for a public client: no client secret or certificate';
  return null;
}

function config(o: AcquireOptions, net: LabAwareNetworkClient): Configuration {
  const custom = o.authority !== undefined;
  const authority = o.authority ?? `https://${ENTRA_HOST}/${o.tenant}`;
  const auth: Configuration['auth'] = { clientId: o.clientId, authority };
  if (custom) auth.knownAuthorities = [new URL(authority).host];
  if (o.clientSecret) auth.clientSecret = o.clientSecret;
  if (o.clientCert) {
    const thumbprintSha256 = new X509Certificate(o.clientCert.certPem).fingerprint256
      .replace(/:/g, '')
      .toLowerCase();
    auth.clientCertificate = { thumbprintSha256, privateKey: o.clientCert.keyPem };
  }
  return {
    auth,
    // No cachePlugin: msal's token cache (and any refresh token) stays in this process's memory.
    system: {
      networkClient: net,
      ...(custom ? { protocolMode: ProtocolMode.OIDC } : {}),
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  };
}

function failure(
  flow: OauthFlow,
  err: unknown,
  net: LabAwareNetworkClient,
  cancelled: boolean,
): AcquireResult {
  const e = err as { errorCode?: string; errorMessage?: string; message?: string };
  const seen = net.lastError();
  const text = [
    seen ? `${seen.error}: ${seen.description}` : '',
    e.errorCode ?? '',
    e.errorMessage ?? e.message ?? '',
  ]
    .filter(Boolean)
    .join('\n');
  if (
    cancelled ||
    e.errorCode === 'device_code_polling_cancelled' ||
    e.errorCode === 'user_timeout_reached' ||
    e.errorCode === 'device_code_expired'
  ) {
    return {
      ok: false,
      flow,
      finding: {
        code: 'OAUTH_SIGNIN_NOT_COMPLETED',
        params: { reason: cancelled ? 'cancelled' : (e.errorCode ?? 'expired') },
        evidence: [e.errorCode ?? 'cancelled'],
      },
    };
  }
  const found = classifyOauthText(text).findings.filter((f) => f.code.startsWith('OAUTH_'));
  const first = found[0];
  if (first) return { ok: false, flow, finding: first };
  const line = text.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
  return {
    ok: false,
    flow,
    finding: { code: 'OAUTH_TOKEN_REQUEST_FAILED', params: { reply: line }, evidence: [line] },
  };
}

function success(flow: OauthFlow, token: string, expiresOn: Date | null): AcquireResult {
  const d = decodeToken(token);
  return {
    ok: true,
    flow,
    token,
    claims: d.ok ? d.claims : null,
    expiresOn: expiresOn ? expiresOn.toISOString() : null,
  };
}

export async function acquireToken(o: AcquireOptions): Promise<AcquireResult> {
  const net = createNetworkClient({ extraCaPem: o.extraCaPem, connectTo: o.connectTo, signal: o.signal });
  let cancelled = false;
  try {
    if (o.flow === 'oauth-client-credentials') {
      const app = new ConfidentialClientApplication(config(o, net));
      const r = await app.acquireTokenByClientCredential({ scopes: APP_SCOPES });
      if (!r?.accessToken) throw new Error('no access token in the answer');
      return success(o.flow, r.accessToken, r.expiresOn);
    }
    const app = new PublicClientApplication(config(o, net));
    const request = {
      scopes: DELEGATED_SCOPES,
      timeout: o.waitSeconds ?? DEVICE_CODE_WAIT_SECONDS,
      cancel: false,
      deviceCodeCallback: (r: {
        userCode: string;
        verificationUri: string;
        expiresIn: number;
        message: string;
      }) =>
        o.onDeviceCode?.({
          userCode: r.userCode,
          verificationUri: r.verificationUri,
          expiresIn: r.expiresIn,
          message: r.message,
        }),
    };
    // Cancel: msal checks `cancel` before every poll; the abort also ends the wait at once.
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => {
        cancelled = true;
        request.cancel = true;
        reject(new Error('cancelled'));
      };
      if (o.signal?.aborted) onAbort();
      o.signal?.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    const r = await Promise.race([app.acquireTokenByDeviceCode(request), aborted]);
    if (!r?.accessToken) throw new Error('no access token in the answer');
    return success(o.flow, r.accessToken, r.expiresOn);
  } catch (err) {
    return failure(o.flow, err, net, cancelled);
  }
}
