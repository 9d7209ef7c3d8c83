// The lab's Microsoft identity platform on loopback (HTTPS, certificate from the lab CA for
// login.microsoftonline.com): OpenID metadata, JWKS, device code and token endpoints, and a sign-in page plus a
// JSON "approve" endpoint that play the user of the device code flow. Error bodies are shaped like Entra's
// (error, error_description starting with AADSTS<code>, error_codes). What each scenario changes: scenarios.ts.
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { OauthBehaviour } from '../scenarios';
import { DeviceCodes, DEVICE_CODE_SECONDS, MAX_REFRESH_TOKENS } from './state';
import type { LabOauthTenant } from '../../shared/lab-info';
import { verifyClientAssertion } from './client-assertion';
import {
  ACCESS_TOKEN_SECONDS,
  APP_AUDIENCE,
  DELEGATED_AUDIENCE,
  GRAPH_AUDIENCE,
  mintAccessToken,
  type SigningKey,
} from './tokens';

export const IDENTITY_HOST = 'login.microsoftonline.com';
/** Largest request body read, in bytes. */
const MAX_BODY_BYTES = 64 * 1024;
/** Whole-request limit, in milliseconds. */
const REQUEST_TIMEOUT_MS = 15_000;

export interface IdentityContext {
  tenant: LabOauthTenant;
  domain: string;
  mailbox: string;
  key: SigningKey;
  behaviour(): OauthBehaviour;
  /** Device code poll interval announced to clients, in seconds (Entra: 5; tests use 1). */
  pollIntervalSec: number;
}

export interface IdentityServer {
  port: number;
  /** https://login.microsoftonline.com:PORT */
  base: string;
  codes: DeviceCodes;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.error === 'string' ? body.error : 'http error');
  }
}

function entraError(status: number, error: string, code: number, text: string): HttpError {
  return new HttpError(status, {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: 00000000-0000-0000-0000-000000000000 Correlation ID: 00000000-0000-0000-0000-000000000000 Timestamp: ${new Date().toISOString().replace('T', ' ').slice(0, 19)}Z`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, { error: 'invalid_request', error_description: 'request too large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json; charset=utf-8',
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startIdentityServer(
  ctx: IdentityContext,
  cert: { keyPem: string; certPem: string },
  address: string,
  port: number,
): Promise<IdentityServer> {
  const codes = new DeviceCodes();
  const refreshTokens = new Map<string, { clientId: string; scope: string }>();
  let base = '';
  const tid = ctx.tenant.tenantId;
  const knownTenant = (t: string) => [tid, ctx.domain, 'organizations'].includes(t.toLowerCase());

  const metadata = () => ({
    issuer: `${base}/${tid}/v2.0`,
    authorization_endpoint: `${base}/${tid}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/${tid}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${base}/${tid}/oauth2/v2.0/devicecode`,
    jwks_uri: `${base}/${tid}/discovery/v2.0/keys`,
    end_session_endpoint: `${base}/${tid}/oauth2/v2.0/logout`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'AS',
    cloud_instance_name: 'microsoftonline.com',
  });

  const issueDelegated = async (clientId: string, scope: string) => {
    const b = ctx.behaviour();
    if (b.blockedByPolicy)
      throw entraError(
        400,
        'invalid_grant',
        53003,
        'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
      );
    if (b.consentMissing)
      throw entraError(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${clientId}' named 'Lab device app'. Send an interactive authorization request for this user and resource.`,
      );
    const graph = b.audience === 'graph';
    const access = await mintAccessToken(ctx.key, {
      tenantId: tid,
      clientId,
      audience: graph ? GRAPH_AUDIENCE : DELEGATED_AUDIENCE,
      scp: graph ? 'Mail.Send User.Read' : 'SMTP.Send',
      upn: ctx.mailbox,
      oid: ctx.tenant.userObjectId,
      expired: b.expired === true,
    });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope,
      expires_in: ACCESS_TOKEN_SECONDS,
      ext_expires_in: ACCESS_TOKEN_SECONDS,
      access_token: access,
    };
    if (/\boffline_access\b/.test(scope)) {
      while (refreshTokens.size >= MAX_REFRESH_TOKENS)
        refreshTokens.delete(refreshTokens.keys().next().value ?? '');
      const rt = `lab-rt.${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}`;
      refreshTokens.set(rt, { clientId, scope });
      body.refresh_token = rt;
    }
    return body;
  };

  const token = async (form: URLSearchParams, tokenUrl: string) => {
    const grant = form.get('grant_type') ?? '';
    const clientId = form.get('client_id') ?? '';
    const scope = form.get('scope') ?? '';
    // RFC 8628 names the grant with the URN; msal-node also sends the short form.
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code' || grant === 'device_code') {
      const entry = codes.get(form.get('device_code') ?? '');
      if (!entry || entry.clientId !== clientId)
        throw entraError(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
      if (Date.now() > entry.expiresAt)
        throw entraError(400, 'expired_token', 70019, 'Verification code expired.');
      if (entry.state === 'pending')
        throw entraError(
          400,
          'authorization_pending',
          70016,
          'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
        );
      if (entry.state === 'denied')
        throw entraError(400, 'authorization_declined', 70018, 'The user declined the sign-in.');
      if (entry.state === 'redeemed')
        throw entraError(400, 'invalid_grant', 90120, 'The request was already authorized or declined.');
      entry.state = 'redeemed';
      return issueDelegated(clientId, entry.scope);
    }
    if (grant === 'refresh_token') {
      const rt = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!rt || rt.clientId !== clientId)
        throw entraError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
      return issueDelegated(clientId, scope || rt.scope);
    }
    if (grant === 'client_credentials') {
      if (clientId !== ctx.tenant.confidentialClientId)
        throw entraError(
          400,
          'unauthorized_client',
          700016,
          `Application with identifier '${clientId}' was not found in the directory '${ctx.domain}'.`,
        );
      const secret = form.get('client_secret');
      const assertion = form.get('client_assertion');
      const authed =
        secret !== null
          ? secret === ctx.tenant.clientSecret
          : assertion !== null && (await verifyClientAssertion(assertion, ctx.tenant, tokenUrl));
      if (!authed)
        throw entraError(
          401,
          'invalid_client',
          7000215,
          'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
        );
      if (!/\/\.default$/.test(scope.trim()))
        throw entraError(
          400,
          'invalid_scope',
          1002012,
          `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
        );
      const b = ctx.behaviour();
      if (b.blockedByPolicy)
        throw entraError(
          400,
          'invalid_grant',
          53003,
          'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
        );
      const graph = b.audience === 'graph';
      const access = await mintAccessToken(ctx.key, {
        tenantId: tid,
        clientId,
        audience: graph ? GRAPH_AUDIENCE : APP_AUDIENCE,
        // Without admin consent Entra still issues an app-only token, just without roles.
        roles: b.consentMissing ? [] : graph ? ['Mail.Send'] : ['SMTP.SendAsApp'],
        oid: ctx.tenant.servicePrincipalObjectId,
        expired: b.expired === true,
      });
      return {
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        ext_expires_in: ACCESS_TOKEN_SECONDS,
        access_token: access,
      };
    }
    throw entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant.slice(0, 80)}'.`,
    );
  };

  const approve = (userCode: string, deny: boolean) => {
    const entry = codes.byUserCode(userCode);
    if (!entry || Date.now() > entry.expiresAt || entry.state !== 'pending') return false;
    entry.state = deny ? 'denied' : 'approved';
    entry.user = ctx.mailbox;
    return true;
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const parts = url.pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (
      method === 'GET' &&
      parts.length === 4 &&
      parts[1] === 'v2.0' &&
      parts[2] === '.well-known' &&
      parts[3] === 'openid-configuration'
    ) {
      if (!knownTenant(parts[0] ?? ''))
        throw entraError(
          400,
          'invalid_tenant',
          90002,
          `Tenant '${(parts[0] ?? '').slice(0, 80)}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        );
      return send(res, 200, metadata());
    }
    if (method === 'GET' && parts.length === 4 && parts[1] === 'discovery' && parts[3] === 'keys')
      return send(res, 200, ctx.key.jwks);
    if (method === 'POST' && parts.length === 4 && parts[1] === 'oauth2' && parts[2] === 'v2.0') {
      if (!knownTenant(parts[0] ?? ''))
        throw entraError(
          400,
          'invalid_tenant',
          90002,
          `Tenant '${(parts[0] ?? '').slice(0, 80)}' not found.`,
        );
      const form = new URLSearchParams(await readBody(req));
      if (parts[3] === 'devicecode') {
        const clientId = form.get('client_id') ?? '';
        if (clientId !== ctx.tenant.publicClientId)
          throw entraError(
            400,
            'unauthorized_client',
            700016,
            `Application with identifier '${clientId.slice(0, 80)}' was not found in the directory '${ctx.domain}'.`,
          );
        const { deviceCode, entry } = codes.create(clientId, form.get('scope') ?? '');
        const verification = `${base}/devicelogin`;
        return send(res, 200, {
          user_code: entry.userCode,
          device_code: deviceCode,
          verification_uri: verification,
          expires_in: DEVICE_CODE_SECONDS,
          interval: ctx.pollIntervalSec,
          message: `To sign in, use a web browser to open the page ${verification} and enter the code ${entry.userCode} to authenticate.`,
        });
      }
      if (parts[3] === 'token') return send(res, 200, await token(form, `${base}${url.pathname}`));
    }
    if (url.pathname === '/devicelogin' && method === 'GET') {
      return send(
        res,
        200,
        `<!doctype html><meta charset="utf-8"><title>Sign in (practice lab)</title><h1>Practice lab sign-in</h1><p>Signing in as ${escapeHtml(ctx.mailbox)}.</p><form method="post"><label>Code <input name="code" autofocus></label> <button>Next</button></form>`,
        'text/html; charset=utf-8',
      );
    }
    if (url.pathname === '/devicelogin' && method === 'POST') {
      const ok = approve(new URLSearchParams(await readBody(req)).get('code') ?? '', false);
      return send(
        res,
        ok ? 200 : 400,
        `<!doctype html><meta charset="utf-8"><p>${ok ? 'Signed in. You can close this window.' : 'That code is not valid or has expired.'}</p>`,
        'text/html; charset=utf-8',
      );
    }
    if (url.pathname === '/lab/approve' && method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}') as { user_code?: string; deny?: boolean };
      const ok = approve(String(body.user_code ?? ''), body.deny === true);
      return send(res, ok ? 200 : 404, {
        approved: ok && body.deny !== true,
        denied: ok && body.deny === true,
      });
    }
    throw new HttpError(404, { error: 'not_found' });
  };

  const sockets = new Set<Socket>();
  const server = https.createServer(
    { key: cert.keyPem, cert: cert.certPem, requestTimeout: REQUEST_TIMEOUT_MS },
    (req, res) => {
      route(req, res).catch((err: unknown) => {
        if (res.headersSent) return res.destroy();
        if (err instanceof HttpError) return send(res, err.status, err.body);
        send(res, 400, {
          error: 'invalid_request',
          error_description: 'AADSTS90014: The request body must contain a valid parameter.',
        });
      });
    },
  );
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address, port }, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  base = `https://${IDENTITY_HOST}:${bound}`;
  return {
    port: bound,
    base,
    codes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
