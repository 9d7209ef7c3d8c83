// A captured session as the CLI prints it: one human block, or one JSON object (a JSON line) with the findings
// rendered in the chosen language. Device-supplied strings are made printable (no control characters).
import type { CaptureDiagnosis } from '../../shared/capture';
import { renderFinding } from '../../shared/findings/catalog';
import {
  firstSentence,
  rankFindings,
  renderPrimary,
  type Located,
  type PrimaryFinding,
} from '../../shared/findings/primary';
import type { Lang, RenderedFinding } from '../../shared/model';

/** Device text in a terminal: control and bidi characters replaced, bounded, in characters. */
function safe(s: string, max = 200): string {
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** A capture's findings ranked by the shared rule (shared/findings/primary.ts); the password-characters hint
 *  (AUTH_FAILED, predicted) ranks as the warning it is. */
function rankedCapture(d: CaptureDiagnosis): Located[] {
  const located: Located[] = d.findings.map((ref) => ({
    ref,
    checkId: null,
    onPath: true,
    ...(ref.code === 'AUTH_FAILED' && ref.predicted ? { checkStatus: 'warn' as const } : {}),
  }));
  return rankFindings(located);
}

/** The finding to fix first for one captured session (null when nothing blocks). */
export function capturePrimary(d: CaptureDiagnosis, lang: Lang): PrimaryFinding | null {
  const top = rankedCapture(d)[0];
  return top && d.verdict !== 'pass' ? renderPrimary(top, lang) : null;
}

export function renderCaptureJson(
  d: CaptureDiagnosis,
  lang: Lang,
): {
  event: 'session';
  method: string;
  verdict: string;
  primaryFinding: PrimaryFinding | null;
  findings: RenderedFinding[];
  session: CaptureDiagnosis['session'];
} {
  return {
    event: 'session',
    method: d.method,
    verdict: d.verdict,
    primaryFinding: capturePrimary(d, lang),
    findings: rankedCapture(d).map((l) => renderFinding(l.ref, lang)),
    session: d.session,
  };
}

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

export function renderCaptureHuman(d: CaptureDiagnosis, n: number, lang: Lang): string {
  const s = d.session;
  const ja = lang === 'ja';
  const lines = [
    `── #${n} ${s.client.address}:${s.client.port} → ${s.listener.port}  ${s.greeting ?? 'EHLO'} ${safe(s.ehlo ?? '-')}  ${Math.round(s.durationMs)} ms  [${d.verdict}]`,
  ];
  const t = s.tls;
  if (t) {
    const offered = t.offered
      ? `; ${ja ? '提示' : 'offered'} TLS ${t.offered.versions.join('/')}, ${t.offered.ciphers.length} ${ja ? '個の暗号スイート' : 'cipher suites'}${t.offered.kex.ecdhe || t.offered.kex.tls13 ? '' : ' (no ECDHE)'}`
      : '';
    lines.push(
      `   TLS: ${t.mode === 'implicit' ? 'implicit ("SSL")' : 'STARTTLS'} ${t.protocol ?? (ja ? '失敗' : 'failed')} ${t.cipher ?? ''}${offered}${t.note ? ` (${safe(t.note)})` : ''}`,
    );
  } else lines.push(`   TLS: ${ja ? 'なし (平文)' : 'none (plain text)'}`);
  if (s.auth) {
    const risky = s.auth.riskyCharacters.length
      ? `; ${ja ? '注意が必要な文字' : 'risky characters'}: ${s.auth.riskyCharacters.join(' ')}`
      : '';
    const o = s.auth.oauth;
    if (o) {
      const claims = o.readable
        ? `aud ${safe(o.aud.join(' '))}; ${safe([...o.scp, ...o.roles].join(' ') || '-')}; upn ${safe(o.upn ?? '-')}; exp ${o.exp === null ? '-' : new Date(o.exp * 1000).toISOString()}`
        : ja
          ? 'JWT として読めません'
          : 'not a readable JWT';
      lines.push(
        `   AUTH XOAUTH2: ${safe(s.auth.user)} (${ja ? 'トークン（保存しません）' : 'token (not kept)'}: ${claims})`,
      );
    } else
      lines.push(
        `   AUTH ${safe(s.auth.mechanism)}: ${safe(s.auth.user)} (${s.auth.passwordSent ? `${ja ? 'パスワード' : 'password'} ${s.auth.passwordLength} ${ja ? '文字' : 'characters'}` : ja ? 'パスワードなし' : 'no password'}${risky})`,
      );
  } else lines.push(`   AUTH: ${ja ? 'なし' : 'none'}`);
  for (const m of s.messages) {
    const att = m.attachments.length
      ? `; ${m.attachments.map((a) => `${safe(a.name, 60)} (${safe(a.type, 40)})`).join(', ')}`
      : '';
    lines.push(
      `   MAIL FROM <${safe(m.mailFrom)}> → ${m.rcptTo.map((r) => `<${safe(r)}>`).join(' ')}  ${m.size} bytes${att}`,
    );
    lines.push(
      `   ${ja ? '応答' : 'reply'}: ${safe(m.reply)}${m.relay ? ` (${ja ? '転送先' : 'upstream'})` : ''}`,
    );
  }
  const primary = capturePrimary(d, lang);
  if (primary)
    lines.push(
      `   ${ja ? '最初に直す検出事項' : 'Fix first'}: ${primary.title} (${primary.code}) — ${firstSentence(primary.fix)}`,
    );
  if (s.commands?.length)
    lines.push(`   ${ja ? 'コマンド' : 'commands'}: ${s.commands.map((c) => safe(c, 40)).join(' → ')}`);
  for (const { ref: f } of rankedCapture(d)) {
    const r = renderFinding(f, lang);
    // The password-characters hint predicts a possible failure: a warning, not an observed error.
    const mark = f.code === 'AUTH_FAILED' && f.predicted ? MARK.warning : MARK[r.severity];
    const predicted = f.predicted ? (ja ? ' (予測)' : ' (predicted)') : '';
    lines.push(`   ${mark} ${r.code}  ${r.title}${predicted}`);
    lines.push(`     → ${r.fix}`);
  }
  if (d.findings.length === 0) lines.push(`   ✓ ${ja ? '検出事項はありませんでした' : 'no problems found'}`);
  return lines.join('\n');
}
