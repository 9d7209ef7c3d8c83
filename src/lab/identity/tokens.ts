// The lab identity platform's signing key and tokens: RS256 JWTs shaped like Entra v1.0 access tokens for
// Exchange Online (aud, iss https://sts.windows.net/{tid}/, tid, scp or roles, upn, oid, appid), signed with a key
// generated at lab start and published as a JWKS. `jose` does the JOSE work; the lab only decides the claims.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  createLocalJWKSet,
  type JWK,
  type JWTPayload,
} from 'jose';

/** Lifetime of issued access tokens, in seconds (Entra's default is 60–90 minutes). */
export const ACCESS_TOKEN_SECONDS = 3600;
/** How far in the past an "expired" scenario token's exp lies, in seconds. */
export const EXPIRED_BY_SECONDS = 2 * 3600;

export const DELEGATED_AUDIENCE = 'https://outlook.office.com';
export const APP_AUDIENCE = 'https://outlook.office365.com';
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface SigningKey {
  kid: string;
  privateKey: PrivateKey;
  jwks: { keys: JWK[] };
}

export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(12).toString('base64url');
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, jwks: { keys: [jwk] } };
}

export interface TokenSpec {
  tenantId: string;
  clientId: string;
  audience: string;
  /** Delegated: space-separated scopes (scp). */
  scp?: string;
  /** App-only: roles. */
  roles?: string[];
  /** Delegated: the signed-in user. */
  upn?: string;
  /** oid: the user's or the service principal's object id. */
  oid: string;
  expired?: boolean;
}

export async function mintAccessToken(
  key: SigningKey,
  spec: TokenSpec,
  nowSec = Math.floor(Date.now() / 1000),
): Promise<string> {
  const iat = spec.expired ? nowSec - EXPIRED_BY_SECONDS - ACCESS_TOKEN_SECONDS : nowSec;
  const claims: JWTPayload = {
    tid: spec.tenantId,
    appid: spec.clientId,
    oid: spec.oid,
    ver: '1.0',
    idtyp: spec.upn ? 'user' : 'app',
    uti: randomBytes(16).toString('base64url'),
  };
  if (spec.scp !== undefined) claims.scp = spec.scp;
  if (spec.roles !== undefined) claims.roles = spec.roles;
  if (spec.upn !== undefined) {
    claims.upn = spec.upn;
    claims.unique_name = spec.upn;
  }
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(`https://sts.windows.net/${spec.tenantId}/`)
    .setAudience(spec.audience)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

export type VerifyResult = { ok: true; claims: JWTPayload } | { ok: false; reason: string };

/** Signature and expiry (with no leeway: Exchange refuses expired tokens); audience is judged by the caller. */
export async function verifyAccessToken(
  key: SigningKey,
  token: string,
  tenantId: string,
): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(key.jwks), {
      algorithms: ['RS256'],
      issuer: `https://sts.windows.net/${tenantId}/`,
    });
    return { ok: true, claims: payload };
  } catch (err) {
    return { ok: false, reason: (err as { code?: string }).code ?? 'invalid' };
  }
}
