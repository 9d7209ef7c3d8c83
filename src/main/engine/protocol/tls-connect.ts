// Upgrades a connected socket to TLS with explicit version/cipher bounds. Old TLS needs `@SECLEVEL=0` with
// OpenSSL; BoringSSL (Electron) rejects that suffix, so the cipher string is retried without it.
import net from 'node:net';
import tls from 'node:tls';
import type { TlsVersion } from '../../../shared/model';
import { SessionError } from './smtp-reader';

export interface TlsParams {
  /** The logical host (SNI and certificate names), never the --connect-to address. */
  host: string;
  /** Extra trusted CAs (PEM); added to Node's bundled roots. */
  extraCaPem: readonly string[];
  minVersion?: TlsVersion | undefined;
  maxVersion?: TlsVersion | undefined;
  /** OpenSSL cipher list for TLS <= 1.2. */
  ciphers?: string | undefined;
  /** false ONLY for the certificate-reading check, which sends nothing after the handshake. */
  rejectUnauthorized: boolean;
}

export interface CertSummary {
  subject: string;
  issuer: string;
  issuerOrg: string;
  altNames: string[];
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  selfSigned: boolean;
}

export interface TlsInfo {
  protocol: string | null;
  cipher: string | null;
  authorized: boolean;
  authorizationError: string | null;
  chain: CertSummary[];
  /** Our own checks on the leaf, so every problem shows even when the chain is untrusted (OpenSSL stops at the first). */
  nameMismatch: string | null;
  validity: 'ok' | 'expired' | 'not-yet-valid' | 'unknown';
}

export const NODE_TLS: Record<TlsVersion, tls.SecureVersion> = {
  '1.0': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
};
const SECLEVEL_SUFFIX = ':@SECLEVEL=0';
/** Chain depth we walk when summarising certificates. */
const MAX_CHAIN = 8;

function summarise(c: tls.DetailedPeerCertificate): CertSummary {
  const str = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '');
  return {
    subject: str(c.subject?.CN),
    issuer: str(c.issuer?.CN),
    issuerOrg: str(c.issuer?.O),
    altNames: (c.subjectaltname ?? '')
      .split(/,\s*/)
      .filter((s) => s.startsWith('DNS:') || s.startsWith('IP Address:'))
      .map((s) => s.replace(/^(DNS|IP Address):/, '')),
    validFrom: c.valid_from ?? '',
    validTo: c.valid_to ?? '',
    fingerprint256: c.fingerprint256 ?? '',
    selfSigned: c.fingerprint256 !== undefined && c.issuerCertificate?.fingerprint256 === c.fingerprint256,
  };
}

export function certChain(sock: tls.TLSSocket): CertSummary[] {
  const out: CertSummary[] = [];
  let c: tls.DetailedPeerCertificate | undefined = sock.getPeerCertificate(true);
  const seen = new Set<string>();
  while (c && Object.keys(c).length > 0 && out.length < MAX_CHAIN && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    out.push(summarise(c));
    c = c.issuerCertificate;
  }
  return out;
}

function validity(c: CertSummary | undefined, now = Date.now()): TlsInfo['validity'] {
  const from = Date.parse(c?.validFrom ?? '');
  const to = Date.parse(c?.validTo ?? '');
  if (Number.isNaN(from) || Number.isNaN(to)) return 'unknown';
  return now < from ? 'not-yet-valid' : now > to ? 'expired' : 'ok';
}

function tlsInfo(sock: tls.TLSSocket, host: string): TlsInfo {
  const cipher = sock.getCipher() as tls.CipherNameAndProtocol | undefined;
  // Typed as Error, but Node hands over the OpenSSL code as a plain string.
  const authErr = sock.authorizationError as unknown;
  const authCode =
    typeof authErr === 'string'
      ? authErr
      : authErr instanceof Error
        ? ((authErr as NodeJS.ErrnoException).code ?? authErr.message)
        : null;
  const chain = certChain(sock);
  const leaf = sock.getPeerCertificate();
  const nameErr = leaf && Object.keys(leaf).length > 0 ? tls.checkServerIdentity(host, leaf) : undefined;
  return {
    nameMismatch: nameErr ? nameErr.message : null,
    validity: validity(chain[0]),
    protocol: sock.getProtocol() ?? null,
    cipher: cipher?.standardName ?? cipher?.name ?? null,
    authorized: sock.authorized,
    authorizationError: authCode,
    chain,
  };
}

/** Secure contexts kept for reuse (one per bounds: versions and ciphers are the context's, not the connection's). */
const CONTEXT_CACHE_MAX = 32;
const contexts = new Map<string, tls.SecureContext>();

/** The native context's CA loader (Node's SecureContext::AddCACert); absent on a runtime that does not expose it. */
type AddCaCert = (pem: string) => void;
function addCaCertOf(ctx: tls.SecureContext): AddCaCert | null {
  const native: unknown = (ctx as { context?: unknown }).context;
  const fn = native && typeof native === 'object' ? (native as { addCACert?: unknown }).addCACert : undefined;
  return typeof fn === 'function' ? (pem: string) => (fn as AddCaCert).call(native, pem) : null;
}

/**
 * Trusts Node's bundled roots plus the extra CAs. Passing `ca` to createSecureContext replaces the bundled roots,
 * so the roots would have to be passed again as ~140 PEM texts and parsed for every context (~50-80 ms of CPU
 * each, ~0.5 s per cold `diagnose` with --ca). Instead the context starts on the shared, already-parsed root store
 * (no `ca`) and the extra CAs are added to it: Node then copies the parsed roots into a store of the context's own
 * and adds the extra ones (SecureContext::SetCACert in src/crypto/crypto_context.cc), the same trust as before.
 */
function contextWithExtraCas(o: tls.SecureContextOptions, extraCaPem: readonly string[]): tls.SecureContext {
  const ctx = tls.createSecureContext(o);
  const add = addCaCertOf(ctx);
  if (!add) return tls.createSecureContext({ ...o, ca: [...tls.rootCertificates, ...extraCaPem] });
  for (const pem of extraCaPem) add(pem);
  return ctx;
}

/** The context for these bounds (cached); throws when the TLS library rejects the cipher string. */
function secureContext(p: TlsParams, ciphers: string | undefined): tls.SecureContext {
  const key = JSON.stringify([p.extraCaPem, p.minVersion, p.maxVersion, ciphers]);
  const hit = contexts.get(key);
  if (hit) return hit;
  const o: tls.SecureContextOptions = {
    minVersion: NODE_TLS[p.minVersion ?? '1.2'],
    maxVersion: NODE_TLS[p.maxVersion ?? '1.3'],
  };
  if (ciphers) o.ciphers = ciphers;
  const ctx = p.extraCaPem.length > 0 ? contextWithExtraCas(o, p.extraCaPem) : tls.createSecureContext(o);
  if (contexts.size >= CONTEXT_CACHE_MAX) contexts.delete(contexts.keys().next().value ?? '');
  contexts.set(key, ctx);
  return ctx;
}

function connectOptions(
  socket: net.Socket,
  p: TlsParams,
  ciphers: string | undefined,
): tls.ConnectionOptions {
  const o: tls.ConnectionOptions = {
    socket,
    secureContext: secureContext(p, ciphers),
    rejectUnauthorized: p.rejectUnauthorized,
    // Certificate names are checked against the logical host, whatever address the socket went to.
    checkServerIdentity: (_name, cert) => tls.checkServerIdentity(p.host, cert),
  };
  if (!net.isIP(p.host)) o.servername = p.host;
  return o;
}

export type TlsUpgrade =
  | { ok: true; socket: tls.TLSSocket; info: TlsInfo; ms: number }
  | { ok: false; error: SessionError; info: TlsInfo | null; ms: number };

/** Starts TLS on `socket`; settles once; on failure the TLS socket (and the TCP socket below) is destroyed. */
export function upgradeToTls(
  socket: net.Socket,
  p: TlsParams,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TlsUpgrade> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  let sock: tls.TLSSocket;
  try {
    sock = tls.connect(connectOptions(socket, p, p.ciphers));
  } catch (err) {
    if (p.ciphers?.includes(SECLEVEL_SUFFIX)) {
      try {
        sock = tls.connect(connectOptions(socket, p, p.ciphers.replace(SECLEVEL_SUFFIX, '')));
      } catch (err2) {
        return Promise.resolve(setupFailure(socket, err2, ms()));
      }
    } else {
      return Promise.resolve(setupFailure(socket, err, ms()));
    }
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: TlsUpgrade) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      sock.removeListener('secureConnect', onSecure);
      if (!r.ok) {
        sock.destroy();
        socket.destroy();
      }
      resolve(r);
    };
    const peek = (): TlsInfo | null => {
      try {
        return tlsInfo(sock, p.host);
      } catch {
        return null;
      }
    };
    const onSecure = () => finish({ ok: true, socket: sock, info: tlsInfo(sock, p.host), ms: ms() });
    const onAbort = () =>
      finish({
        ok: false,
        error: new SessionError('aborted', 'cancelled during the TLS handshake'),
        info: null,
        ms: ms(),
      });
    sock.on('error', (err: NodeJS.ErrnoException) => {
      finish({
        ok: false,
        error: new SessionError('tls', err.message, [err.message], err.code),
        info: peek(),
        ms: ms(),
      });
    });
    sock.once('close', () =>
      finish({
        ok: false,
        error: new SessionError('closed', 'the server closed the connection during the TLS handshake'),
        info: null,
        ms: ms(),
      }),
    );
    sock.once('secureConnect', onSecure);
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          error: new SessionError('timeout', `TLS handshake did not finish within ${timeoutMs} ms`),
          info: null,
          ms: ms(),
        }),
      timeoutMs,
    );
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function setupFailure(socket: net.Socket, err: unknown, ms: number): TlsUpgrade {
  socket.destroy();
  const e = err as NodeJS.ErrnoException;
  return {
    ok: false,
    error: new SessionError('tls', `TLS setup failed: ${e.message}`, [e.message], e.code ?? 'ERR_TLS_SETUP'),
    info: null,
    ms,
  };
}

/** Node/OpenSSL error codes that mean "the handshake worked, but the certificate is not trusted". */
export function isCertError(code: string | undefined): boolean {
  return (
    code !== undefined &&
    /^(CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF)|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH|CERT_UNTRUSTED)/.test(
      code,
    )
  );
}
