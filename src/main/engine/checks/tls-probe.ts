// The TLS matrix: which versions (1.0–1.3) and, for TLS 1.2, which key-exchange families (ECDHE vs RSA) the
// server accepts — each via STARTTLS on its own connection — and the certificate check, the ONLY place with
// rejectUnauthorized:false, which sends nothing after the handshake.
import type { CheckOutcome, EngineContext } from './check-runner';
import type { Endpoint, Routes } from './endpoint';
import { runSmtpSession, type SessionResult } from '../protocol/smtp-session';
import { isCertError, type TlsInfo } from '../protocol/tls-connect';
import { certFindings, certNotReceived } from './tls-findings';
import { SessionLog } from '../protocol/transcript';
import type { TlsProbeRow as ProbeRow } from '../../../shared/check-registry';
import type { FindingRef, TlsVersion } from '../../../shared/model';
import type { SkipReason } from '../../../shared/skip-reasons';

/** OpenSSL 3 refuses TLS 1.0/1.1 (SHA-1 signatures) above security level 0; BoringSSL drops the suffix. */
const LEGACY = 'DEFAULT:@SECLEVEL=0';

export interface ProbeDef {
  id: string;
  version: TlsVersion;
  /** Key-exchange family offered (TLS 1.2 rows); 'any' elsewhere. */
  family: 'ecdhe' | 'rsa' | 'any';
  ciphers?: string;
  minVersion?: TlsVersion;
}

export const MATRIX: readonly ProbeDef[] = [
  { id: '1.3', version: '1.3', family: 'any' },
  { id: '1.2-ecdhe', version: '1.2', family: 'ecdhe', ciphers: 'kECDHE:!aNULL:!eNULL' },
  { id: '1.2-rsa', version: '1.2', family: 'rsa', ciphers: `kRSA:!aNULL:!eNULL:@SECLEVEL=0` },
  { id: '1.1', version: '1.1', family: 'any', ciphers: LEGACY },
  { id: '1.0', version: '1.0', family: 'any', ciphers: LEGACY },
];

/**
 * A matrix row, as shared with the renderer and the exports (src/shared/check-registry.ts). refused-after: the
 * handshake completed but the EHLO after it was refused — Exchange Online's way with TLS 1.0/1.1 (`421 4.7.66
 * ...`, kept as the row's reason). It counts as NOT accepted, like a failed handshake.
 */
export type { TlsProbeResult as ProbeResult, TlsProbeRow as ProbeRow } from '../../../shared/check-registry';

/** Codes raised by OUR side before anything reached the server: this TLS library cannot test that row. */
const LOCAL_TLS =
  /^(ERR_TLS_SETUP|ERR_SSL_NO_PROTOCOLS_AVAILABLE|ERR_SSL_NO_CIPHERS_AVAILABLE|ERR_SSL_NO_CIPHER_MATCH|ERR_INVALID_ARG_VALUE)$/;

export function probeVerdict(res: SessionResult): Omit<ProbeRow, 'id' | 'version' | 'family' | 'ms'> {
  const base = { protocol: res.tls?.protocol ?? null, cipher: res.tls?.cipher ?? null };
  const e = res.error;
  if (e) {
    if (res.errorPhase === 'tls') {
      if (e.kind === 'tls' && isCertError(e.code))
        return { ...base, result: 'accepted', reason: e.code ?? null };
      if (e.kind === 'tls' && LOCAL_TLS.test(e.code ?? ''))
        return { ...base, result: 'unavailable', reason: e.code ?? e.message };
      if (e.kind === 'timeout') return { ...base, result: 'stalled', reason: e.message };
      // The server's oversized certificate chain ends every handshake: it says nothing about versions or ciphers.
      if (e.kind === 'tls' && /EXCESSIVE_MESSAGE_SIZE/.test(e.code ?? ''))
        return { ...base, result: 'error', reason: `certificate chain too large (${e.code ?? ''})` };
      return { ...base, result: 'rejected', reason: e.code ?? e.message };
    }
    if (res.errorPhase === 'ehlo2') return { ...base, result: 'refused-after', reason: e.message };
    return { ...base, result: 'error', reason: `${res.errorPhase ?? 'session'}: ${e.message}` };
  }
  if (!res.tls) {
    const why =
      res.starttls && !res.starttls.offered
        ? 'STARTTLS not offered'
        : (res.starttls?.reply?.raw[0] ?? res.banner?.raw[0] ?? 'no STARTTLS');
    return { ...base, result: 'error', reason: why };
  }
  if (res.ehlo2 && res.ehlo2.code !== 250)
    return { ...base, result: 'refused-after', reason: res.ehlo2.raw[0] ?? '' };
  return { ...base, result: 'accepted', reason: null };
}

function sessionBase(ctx: EngineContext, ep: Endpoint, routes: Routes, address: string) {
  return {
    host: ep.host,
    port: ep.port,
    address,
    connectPort: routes.port,
    localAddress: ctx.request.target.bind,
    ehloName: ctx.ehloName,
    rcpts: [],
  };
}

/**
 * Runs one matrix row on its own connection. `onVerified` receives the certificate chain of a handshake that our
 * trust store verified (name, dates, chain): the certificate check uses it instead of opening a connection of its own.
 */
export async function runProbe(
  ctx: EngineContext,
  ep: Endpoint,
  routes: Routes,
  def: ProbeDef,
  checkId: string,
  signal: AbortSignal,
  onVerified?: (info: TlsInfo) => void,
): Promise<ProbeRow> {
  const address = routes.v4[0] ?? routes.v6[0];
  const head = { id: def.id, version: def.version, family: def.family };
  if (address === undefined)
    return { ...head, result: 'error', protocol: null, cipher: null, reason: 'no address', ms: 0 };
  const started = performance.now();
  const log = new SessionLog(ctx.transcript, checkId);
  const res = await ctx.hosts.run(ep.host, () =>
    runSmtpSession(
      {
        ...sessionBase(ctx, ep, routes, address),
        tlsMode: 'required',
        tls: {
          extraCaPem: ctx.request.extraCaPem,
          minVersion: def.minVersion ?? def.version,
          maxVersion: def.version,
          ciphers: def.ciphers,
          rejectUnauthorized: true,
        },
        stopAfter: 'ehlo2',
        ehloAfterTlsOnlyIfLegacy: true,
      },
      ctx.limits,
      log,
      signal,
    ),
  );
  if (res.tls?.authorized && !res.error) onVerified?.(res.tls);
  const row: ProbeRow = { ...head, ...probeVerdict(res), ms: Math.round(performance.now() - started) };
  ctx.transcript.add('tls', `probe ${def.id}: ${row.result}${row.reason ? ` (${row.reason})` : ''}`, checkId);
  return row;
}

/** The matrix check's outcome from its rows. */
export function matrixOutcome(ep: Endpoint, rows: readonly ProbeRow[]): CheckOutcome<'tls.matrix'> {
  const details = { rows: [...rows] };
  const decided = rows.filter((r) => r.result !== 'error' && r.result !== 'unavailable');
  if (decided.length === 0)
    return {
      status: 'skip',
      details: { ...details, skip: { id: 'no-tls-handshake' } },
    };
  const ok = (id: string) => rows.some((r) => r.id === id && r.result === 'accepted');
  const findings: FindingRef[] = [];
  const stalled = rows.filter((r) => r.result === 'stalled');
  if (stalled.length > 0) {
    findings.push({
      code: 'TLS_HANDSHAKE_FAILED',
      params: { host: ep.host, reason: `handshake stalled (${stalled.map((r) => r.id).join(', ')})` },
      evidence: stalled.map((r) => r.reason ?? ''),
    });
  }
  const modern = rows.filter((r) => r.version === '1.2' || r.version === '1.3');
  if (modern.length > 0 && modern.every((r) => r.result === 'error' || r.result === 'unavailable')) {
    // Nothing is known about TLS 1.2/1.3 (e.g. the server's chain ends every handshake): never "not accepted".
    return {
      status: 'skip',
      details: {
        ...details,
        skip: { id: 'tls-modern-unjudged', detail: modern[0]?.reason ?? '' },
      },
    };
  }
  if (!ok('1.2-ecdhe') && !ok('1.2-rsa') && !ok('1.3')) {
    const legacy = ok('1.0') || ok('1.1');
    findings.push({
      code: 'TLS_HANDSHAKE_FAILED',
      params: {
        host: ep.host,
        reason: legacy
          ? 'the server accepts only TLS 1.0/1.1'
          : 'no TLS version or key exchange was accepted',
      },
      evidence: rows.map((r) => `${r.id}: ${r.result}${r.reason ? ` (${r.reason})` : ''}`),
    });
    return { status: 'fail', findings, details };
  }
  return { status: findings.length ? 'warn' : 'pass', findings, details };
}

/**
 * The certificate check from a chain that a matrix probe's handshake verified (trusted chain, host name, dates):
 * no connection of its own. Null when the info is not a verified chain (then the check reads the certificate itself).
 */
export function verifiedCertOutcome(ep: Endpoint, info: TlsInfo): CheckOutcome<'tls.cert'> | null {
  if (!info.authorized || info.chain.length === 0) return null;
  const findings =
    info.nameMismatch || info.validity === 'expired' || info.validity === 'not-yet-valid'
      ? certFindings(ep.host, info.authorizationError, info)
      : [];
  const details = {
    chain: info.chain,
    authorized: info.authorized,
    authorizationError: info.authorizationError,
    protocol: info.protocol,
    source: 'matrix-probe',
  };
  return { status: findings.length ? 'fail' : 'pass', findings, details };
}

/** The certificate as presented, read with verification off; nothing is sent after the handshake. */
export async function runCertCheck(
  ctx: EngineContext,
  ep: Endpoint,
  routes: Routes,
  checkId: string,
  signal: AbortSignal,
): Promise<CheckOutcome<'tls.cert'>> {
  const address = routes.v4[0] ?? routes.v6[0];
  if (address === undefined) return { status: 'skip', details: { skip: { id: 'no-address' } } };
  const res = await ctx.hosts.run(ep.host, () =>
    runSmtpSession(
      {
        ...sessionBase(ctx, ep, routes, address),
        tlsMode: 'required',
        tls: {
          extraCaPem: ctx.request.extraCaPem,
          minVersion: '1.0',
          maxVersion: '1.3',
          ciphers: LEGACY,
          rejectUnauthorized: false,
        },
        stopAfter: 'tls',
      },
      ctx.limits,
      new SessionLog(ctx.transcript, checkId),
      signal,
    ),
  );
  const info: TlsInfo | null = res.tls;
  // Ended before the handshake began (no STARTTLS, refused, or the session dropped earlier): other checks say why.
  const beforeTls = res.error
    ? res.errorPhase !== 'tls'
    : !res.starttls?.offered || (res.starttls.reply !== null && res.starttls.reply.code !== 220);
  if (beforeTls) {
    const skip: SkipReason = res.error
      ? { id: 'cert-not-read', stop: 'session-ended', detail: res.error.message }
      : res.starttls && !res.starttls.offered
        ? { id: 'cert-not-read', stop: 'starttls-not-offered' }
        : { id: 'cert-not-read', stop: 'starttls-refused', detail: res.starttls?.reply?.raw[0] ?? '' };
    return { status: 'skip', details: { skip } };
  }
  // A pass needs a chain in hand: a handshake that failed before the certificate arrived proves nothing about it.
  if (res.error?.kind === 'tls' && LOCAL_TLS.test(res.error.code ?? '')) {
    return {
      status: 'skip',
      details: { skip: { id: 'local-tls-refused', code: res.error.code ?? '' } },
    };
  }
  if (!info || info.chain.length === 0 || (res.error && res.errorPhase === 'tls')) {
    const reason = res.error ? (res.error.code ?? res.error.message) : 'no certificate in the handshake';
    const finding = certNotReceived(ep.host, reason, res.error?.message ?? reason);
    return {
      status: 'fail',
      findings: [finding],
      details: { chain: [], authorized: false, authorizationError: reason },
    };
  }
  const details = {
    chain: info.chain,
    authorized: info.authorized,
    authorizationError: info.authorizationError,
    protocol: info.protocol,
  };
  const verified = info.authorized && !info.nameMismatch && info.validity === 'ok';
  const findings = verified ? [] : certFindings(ep.host, info.authorizationError, info);
  if (!verified && findings.length === 0)
    findings.push({
      code: 'TLS_CERT_UNTRUSTED',
      params: { host: ep.host, reason: 'the chain could not be verified' },
      evidence: [info.authorizationError ?? 'not authorized'],
    });
  return { status: findings.length ? 'fail' : 'pass', findings, details };
}
