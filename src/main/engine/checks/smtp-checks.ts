// Turns one SMTP session's record into its checks: banner, EHLO, STARTTLS, AUTH and the envelope (internal and
// external recipient). Where the session ended early, that phase's check fails with the finding and later ones
// are skipped with the reason.
import type { Check, CheckStatus, FindingRef } from '../../../shared/model';
import type { CheckKind } from '../../../shared/check-registry';
import { SESSION_STEP, type SkipReason } from '../../../shared/skip-reasons';
import { recordCheck, ref, type CheckOutcome, type EngineContext } from './check-runner';
import { xoauth2Findings } from './oauth-auth';
import { classify } from '../../../shared/findings/classify';
import { tcpFinding, type Endpoint } from './endpoint';
import type { Reply } from '../protocol/smtp-reader';
import { replyText, type SessionError } from '../protocol/smtp-reader';
import type { Phase, SessionResult } from '../protocol/smtp-session';
import { certFindings, certNotReceived, isMicrosoftName } from './tls-findings';
import { isCertError } from '../protocol/tls-connect';

export interface SessionCheckOptions {
  tlsRequired: boolean;
  /** The external recipient is expected to be refused (Direct Send only: external rejected by design). */
  externalExpectedRejected: boolean;
  withAuth: boolean;
  /** Performance-clock time the session started, in ms. */
  startedAt: number;
}

const GROUPS: Record<string, Phase[]> = {
  banner: ['connect', 'banner'],
  ehlo: ['ehlo'],
  starttls: ['starttls', 'tls', 'ehlo2'],
  auth: ['auth'],
  envelope: ['envelope', 'quit'],
};
const ORDER = ['banner', 'ehlo', 'starttls', 'auth', 'envelope'];

export function isMicrosoftBanner(line: string): boolean {
  return /^220[ -]\S+ .*Microsoft ESMTP MAIL Service/i.test(line);
}

/**
 * A session error as a finding; null for the technician's Cancel (the check is skipped, not failed). An abort
 * by a deadline (the check's or the overall one) is a timeout in that phase: silence must never read as a pass.
 */
export function errorFinding(
  err: SessionError,
  phase: Phase,
  ep: Endpoint,
  res: SessionResult,
  cancelled = false,
): FindingRef | FindingRef[] | null {
  const host = ep.host;
  const evidence = [err.message, ...err.evidence].filter(Boolean).slice(0, 4);
  if (err.kind === 'aborted') {
    if (cancelled) return null;
    if (phase === 'connect')
      return {
        code: 'TCP_TIMEOUT',
        params: { host, port: String(ep.port) },
        evidence: ['deadline reached while connecting'],
      };
    if (phase === 'banner')
      return { code: 'BANNER_TIMEOUT', params: { host }, evidence: ['deadline reached before the greeting'] };
    if (phase === 'tls')
      return {
        code: 'TLS_HANDSHAKE_FAILED',
        params: { host, reason: 'deadline reached during the handshake' },
        evidence,
      };
    return {
      code: 'SERVER_MISBEHAVED',
      params: { host, reply: `no reply before the deadline (${phase})` },
      evidence,
    };
  }
  if (phase === 'connect' && res.connect && !res.connect.ok)
    return tcpFinding(res.connect.failure, ep, evidence);
  if (err.kind === 'timeout' && phase === 'banner')
    return { code: 'BANNER_TIMEOUT', params: { host }, evidence };
  if (err.kind === 'not-smtp')
    return {
      code: 'NOT_SMTP',
      params: { host, port: String(ep.port), reply: err.evidence[0] ?? err.message },
      evidence,
    };
  if (err.kind === 'tls') {
    if (isCertError(err.code)) return certFindings(host, err.code ?? null, res.tls);
    // An oversized chain is the server's problem, never the device's firmware.
    if (/EXCESSIVE_MESSAGE_SIZE/.test(err.code ?? ''))
      return certNotReceived(host, err.code ?? '', err.message);
    return { code: 'TLS_HANDSHAKE_FAILED', params: { host, reason: err.code ?? err.message }, evidence };
  }
  if (err.kind === 'timeout' && phase === 'tls')
    return { code: 'TLS_HANDSHAKE_FAILED', params: { host, reason: err.message }, evidence };
  if (err.kind === 'closed')
    return {
      code: 'CONNECTION_DROPPED',
      params: { host, stage: phase },
      evidence: [`connection closed during ${phase}`, ...evidence].slice(0, 4),
    };
  return { code: 'SERVER_MISBEHAVED', params: { host, reply: err.message }, evidence };
}

function fromReply(r: Reply): { status: CheckStatus; findings: FindingRef[] } {
  const findings = classify({ reply: replyText(r) });
  return { status: r.code >= 400 && r.code < 500 ? 'warn' : 'fail', findings };
}

export function sessionChecks(
  ctx: EngineContext,
  ep: Endpoint,
  res: SessionResult,
  o: SessionCheckOptions,
): Check[] {
  const host = ep.host;
  const errGroup = res.errorPhase
    ? (ORDER.find((g) => GROUPS[g]?.includes(res.errorPhase as Phase)) ?? null)
    : null;
  const errIndex = errGroup ? ORDER.indexOf(errGroup) : ORDER.length;
  let t = o.startedAt - ctx.t0;
  const checks: Check[] = [];
  let stoppedBefore: SkipReason | null = null;

  // The envelope phase serves both recipients (one round trip when pipelined): each gets its share of it.
  const shares: Record<string, number> = { envelope: 2 };
  const emit = <K extends CheckKind>(
    group: string,
    kind: K,
    title: string,
    evaluate: () => CheckOutcome<K> | null,
  ) => {
    const dur = (GROUPS[group] ?? []).reduce((n, p) => n + (res.ms[p] ?? 0), 0) / (shares[group] ?? 1);
    let outcome: CheckOutcome<K> | null;
    const idx = ORDER.indexOf(group);
    if (idx > errIndex || stoppedBefore) {
      outcome = {
        status: 'skip',
        details: {
          skip: stoppedBefore ?? { id: 'session-ended', at: SESSION_STEP[errGroup ?? ''] ?? 'smtp.banner' },
        } as CheckOutcome<K>['details'],
      };
    } else if (idx === errIndex && res.error) {
      const f = errorFinding(res.error, res.errorPhase ?? 'connect', ep, res, ctx.cancelled());
      const details = (
        f === null ? { skip: { id: 'cancelled' } } : { phase: res.errorPhase ?? undefined }
      ) as CheckOutcome<K>['details'];
      outcome = f === null ? { status: 'skip', details } : { status: 'fail', findings: [f].flat(), details };
      stoppedBefore = { id: 'session-ended', at: SESSION_STEP[group] ?? 'smtp.banner' };
    } else {
      outcome = evaluate();
    }
    if (outcome) checks.push(recordCheck(ctx, ref(kind, ep.key), title, t, dur, outcome));
    t += dur;
  };

  emit('banner', 'smtp.banner', `Greeting from ${host}`, () => {
    const b = res.banner;
    if (!b) return { status: 'skip', details: { skip: { id: 'no-connection' } } };
    const details = {
      banner: b.raw[0] ?? '',
      connectMs: res.ms.connect,
      address: res.connect?.ok ? res.connect.remoteAddress : undefined,
    };
    if (b.code !== 220) {
      stoppedBefore = { id: 'session-ended', at: 'smtp.banner' };
      const f = classify({ reply: replyText(b) }).filter((x) => x.code !== 'UNRECOGNIZED_REPLY');
      return {
        status: 'fail',
        findings: f.length
          ? f
          : [{ code: 'SERVICE_UNAVAILABLE', params: { reply: b.raw[0] ?? '' }, evidence: b.raw.slice(0, 3) }],
        details,
      };
    }
    if (isMicrosoftName(host) && !isMicrosoftBanner(b.raw[0] ?? '')) {
      return {
        status: 'fail',
        findings: [
          { code: 'SMTP_INTERCEPTED', params: { host, reply: b.raw[0] ?? '' }, evidence: b.raw.slice(0, 2) },
        ],
        details,
      };
    }
    return { status: 'pass', details };
  });

  emit('ehlo', 'smtp.ehlo', `EHLO and capabilities`, () => {
    const e = res.ehlo;
    if (!e) return null;
    const details = { capabilities: res.caps?.keywords ?? [], egressIp: res.egressIp };
    if (e.code !== 250) {
      stoppedBefore = { id: 'session-ended', at: 'smtp.ehlo' };
      return { ...fromReply(e), details };
    }
    return { status: 'pass', details };
  });

  emit('starttls', 'smtp.starttls', `STARTTLS`, () => {
    const s = res.starttls;
    if (!s) return null;
    const details: Record<string, unknown> = {
      offered: s.offered,
      tls: res.tls ? { protocol: res.tls.protocol, cipher: res.tls.cipher } : null,
    };
    if (!s.offered) {
      if (o.tlsRequired) stoppedBefore = { id: 'no-tls-for-credentials' };
      return {
        status: o.tlsRequired ? 'fail' : 'warn',
        findings: [{ code: 'STARTTLS_NOT_OFFERED', params: { host }, evidence: res.caps?.keywords ?? [] }],
        details,
      };
    }
    if (s.reply && s.reply.code !== 220) {
      stoppedBefore = { id: 'session-ended', at: 'smtp.starttls' };
      return {
        status: o.tlsRequired ? 'fail' : 'warn',
        findings: [
          { code: 'STARTTLS_REJECTED', params: { reply: s.reply.raw[0] ?? '' }, evidence: s.reply.raw },
        ],
        details,
      };
    }
    const findings: FindingRef[] = [];
    if (s.discardedBytes > 0) {
      details.discardedBytes = s.discardedBytes;
      findings.push({
        code: 'SERVER_MISBEHAVED',
        params: {
          host,
          reply: `plaintext sent after STARTTLS, before the TLS handshake (discarded): ${s.discardedPreview}`,
        },
        evidence: [s.discardedPreview],
      });
    }
    if (res.ehlo2 && res.ehlo2.code !== 250) {
      stoppedBefore = { id: 'session-ended', at: 'smtp.starttls' };
      const r = fromReply(res.ehlo2);
      return { status: r.status, findings: [...findings, ...r.findings], details };
    }
    details.capabilitiesAfterTls = res.caps2?.keywords ?? [];
    return { status: findings.length ? 'warn' : 'pass', findings, details };
  });

  if (o.withAuth) {
    emit('auth', 'smtp.auth', `Sign-in (SMTP AUTH)`, () => {
      const a = res.auth;
      if (!a)
        return {
          status: 'skip',
          details: { skip: { id: 'no-credentials' } },
        };
      const details = { mechanism: a.mechanism, offered: (res.caps2 ?? res.caps)?.auth ?? [] };
      if (a.skipped) {
        stoppedBefore = { id: 'auth-not-attempted' };
        const why = a.skipped.why;
        const code =
          why === 'no-auth-offered'
            ? 'AUTH_NOT_OFFERED'
            : why === 'no-xoauth2' || why === 'no-usable-mechanism'
              ? 'AUTH_MECHANISM_UNSUPPORTED'
              : null;
        if (!code) {
          const skip: SkipReason =
            why === 'no-tls' ? { id: 'no-tls-for-credentials' } : { id: 'no-credentials' };
          return { status: 'skip', details: { ...details, skip } };
        }
        const text = a.skipped.text;
        return {
          status: 'fail',
          findings: [{ code, params: { host, reply: text }, evidence: [text] }],
          details,
        };
      }
      if (!a.reply)
        return {
          status: 'fail',
          findings: [
            { code: 'CONNECTION_DROPPED', params: { host, stage: 'AUTH' }, evidence: ['no reply to AUTH'] },
          ],
          details,
        };
      if (a.reply.code === 235) {
        const basic = a.mechanism !== 'XOAUTH2' && isMicrosoftName(host);
        return basic
          ? {
              status: 'warn',
              findings: [{ code: 'BASIC_AUTH_RETIREMENT', evidence: [a.reply.raw[0] ?? ''] }],
              details,
            }
          : { status: 'pass', details };
      }
      stoppedBefore = { id: 'auth-failed' };
      if (a.mechanism === 'XOAUTH2') {
        const oauth = xoauth2Findings(a.reply, ctx.request.oauthToken, ctx.request.target.user);
        if (oauth) return { status: 'fail', findings: oauth, details };
      }
      // A sign-in that did not end in 235 is never a pass or a mere warning: 4xx (e.g. 454) is a failed sign-in now.
      const r = fromReply(a.reply);
      const known = r.findings.filter((f) => f.code !== 'UNRECOGNIZED_REPLY');
      if (a.reply.code >= 400 && a.reply.code < 500 && known.length === 0) {
        return {
          status: 'fail',
          findings: [
            {
              code: 'SERVICE_UNAVAILABLE',
              params: { reply: a.reply.raw[0] ?? '', stage: 'AUTH' },
              evidence: [`AUTH answered ${a.reply.raw[0] ?? ''}`],
            },
          ],
          details,
        };
      }
      return { status: 'fail', findings: r.findings, details };
    });
  }

  const internal = res.rcpts.find((r) => r.kind === 'internal');
  const external = res.rcpts.find((r) => r.kind === 'external');
  for (const kind of ['internal', 'external'] as const) {
    const rc = kind === 'internal' ? internal : external;
    emit(
      'envelope',
      kind === 'internal' ? 'envelope.internal' : 'envelope.external',
      `MAIL FROM / RCPT TO (${kind} recipient)`,
      () => {
        if (res.smtputf8Missing?.length) {
          const address = res.smtputf8Missing[0] ?? '';
          return {
            status: 'fail',
            findings: [
              {
                code: 'SMTPUTF8_NOT_OFFERED',
                params: { address, host },
                evidence: [
                  `EHLO: ${(res.caps2 ?? res.caps)?.keywords.join(' ') ?? ''}`,
                  ...res.smtputf8Missing,
                ],
              },
            ],
            details: { notSent: res.smtputf8Missing },
          };
        }
        if (!res.mail) return { status: 'skip', details: { skip: { id: 'no-sender' } } };
        const details: Record<string, unknown> = { mailFrom: res.mail.raw[0] ?? '' };
        if (res.mail.code !== 250) return { ...fromReply(res.mail), details };
        if (!rc) return { status: 'skip', details: { ...details, skip: { id: 'no-recipient', kind } } };
        details.recipient = rc.address;
        if (!rc.reply) return { status: 'skip', details };
        details.rcptTo = rc.reply.raw[0] ?? '';
        if (rc.reply.code === 250 || rc.reply.code === 251) return { status: 'pass', details };
        const r = fromReply(rc.reply);
        if (
          kind === 'external' &&
          o.externalExpectedRejected &&
          r.findings.some((f) => f.code === 'RELAY_DENIED')
        ) {
          return {
            status: 'warn',
            findings: r.findings,
            details: {
              ...details,
              note: 'Direct Send delivers to internal recipients only: this rejection is by design',
            },
          };
        }
        return { ...r, details };
      },
    );
  }
  return checks;
}
