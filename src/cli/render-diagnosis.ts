// Human and JSON renditions of a Diagnosis for `diagnose`: a short verdict first, then what to do (findings,
// deduplicated, errors first, each with who acts and the fix), then the details of every check.
import { checkTitle } from '../shared/check-titles';
import { renderFinding } from '../shared/findings/catalog';
import type { Check, Diagnosis, Lang, RenderedFinding } from '../shared/model';
import { ACTOR_LABELS, STATUS_LABELS } from '../shared/vocabulary';
import { printable } from './io';

const T = {
  en: {
    verdict: { pass: 'PASS — the mail path works', warn: 'WARN — works, with things to look at', fail: 'FAIL — mail will not get through as configured' },
    cancelled: 'CANCELLED — the diagnosis stopped before every check finished; what ran so far:',
    recommended: 'Recommended method',
    todo: 'What to do',
    none: 'Nothing to fix.',
    details: 'Details',
    egress: 'Public IP seen by the server (egress IP)',
    unknown: 'unknown',
    skipped: STATUS_LABELS.en.skip,
    actor: ACTOR_LABELS.en,
    cause: 'Why',
    fix: 'Fix',
    evidence: 'Evidence',
  },
  ja: {
    verdict: { pass: '合格 — メール送信経路は正常です', warn: '注意 — 送信できますが確認事項があります', fail: '不合格 — 現在の設定ではメールが届きません' },
    cancelled: '中止 — すべてのチェックが終わる前に中止されました。ここまでの結果:',
    recommended: '推奨の送信方式',
    todo: '対処',
    none: '対処が必要な問題はありません。',
    details: '詳細',
    egress: 'サーバーから見えたパブリック IP (送信元 IP)',
    unknown: '不明',
    skipped: STATUS_LABELS.ja.skip,
    actor: ACTOR_LABELS.ja,
    cause: '原因',
    fix: '対処',
    evidence: '根拠',
  },
} as const;

const MARK = { pass: '✔', warn: '!', fail: '✖', skip: '-' } as const;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** One line of server/user text, safe for a terminal (no control characters or escapes), bounded. */
const safe = (s: string, max = 300) => printable(s, max);

export function renderedFindings(d: Diagnosis, lang: Lang): { check: Check; finding: RenderedFinding }[] {
  const seen = new Set<string>();
  const out: { check: Check; finding: RenderedFinding }[] = [];
  for (const check of d.checks) {
    for (const ref of check.findings) {
      const key = `${ref.code}|${JSON.stringify(ref.params ?? {})}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ check, finding: renderFinding(ref, lang) });
    }
  }
  return out.sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity]);
}

export function renderHuman(d: Diagnosis, lang: Lang): string {
  const t = T[lang];
  const out: string[] = [];
  out.push(d.cancelled ? `${MARK.warn} ${t.cancelled}` : `${MARK[d.verdict]} ${t.verdict[d.verdict]}`);
  if (d.recommendation) out.push(`${t.recommended}: ${d.recommendation.method}`);
  out.push('', `${t.todo}:`);
  const findings = renderedFindings(d, lang);
  if (findings.length === 0) out.push(`  ${t.none}`);
  for (const [i, { finding: f }] of findings.entries()) {
    out.push(`  ${i + 1}. [${t.actor[f.actor]}] ${safe(f.title)} (${f.code})`);
    out.push(`     ${t.fix}: ${safe(f.fix, 600)}`);
    if (f.powershell) out.push(`     PowerShell: ${safe(f.powershell, 300)}`);
  }
  out.push('', `${t.details}:`);
  for (const c of d.checks) {
    const reason = c.status === 'skip' && typeof c.details.skipped === 'string' ? ` — ${t.skipped}: ${safe(c.details.skipped, 160)}` : '';
    out.push(`  ${MARK[c.status]} ${c.id.padEnd(26)} ${safe(checkTitle(c, lang), 70)} (${c.durationMs} ms)${reason}`);
    for (const ref of c.findings) {
      const f = renderFinding(ref, lang);
      out.push(`      ${f.code}: ${safe(f.cause, 400)}`);
      for (const e of (ref.evidence ?? []).slice(0, 3)) out.push(`        ${t.evidence}: ${safe(e, 200)}`);
    }
  }
  out.push('', `${t.egress}: ${d.egressIp ?? t.unknown}`);
  return `${out.join('\n')}\n`;
}

/** The `--json` shape (issue 3): findings rendered in the chosen language, transcript rows without check ids. */
export function diagnosisJson(d: Diagnosis, lang: Lang): unknown {
  return {
    version: d.version,
    method: d.method,
    target: d.target,
    device: d.device,
    startedAt: d.startedAt,
    durationMs: d.durationMs,
    verdict: d.verdict,
    egressIp: d.egressIp,
    recommendation: d.recommendation,
    ...(d.cancelled ? { cancelled: true } : {}),
    checks: d.checks.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      durationMs: c.durationMs,
      findings: c.findings.map((ref) => {
        const f = renderFinding(ref, lang);
        return { code: f.code, severity: f.severity, actor: f.actor, title: f.title, cause: f.cause, fix: f.fix, ...(ref.evidence ? { evidence: ref.evidence } : {}) };
      }),
      details: c.details,
    })),
    transcript: d.transcript.map((r) => ({ t: r.t, dir: r.dir, text: r.text })),
  };
}
