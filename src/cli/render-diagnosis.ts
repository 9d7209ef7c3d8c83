// Human and JSON renditions of a Diagnosis for `diagnose`: a short verdict first, then what to do (findings,
// deduplicated, errors first, each with who acts and the fix), then the details of every check.
import { checkTitle } from '../shared/check-registry';
import { renderFinding } from '../shared/findings/catalog';
import { diagnosisPrimary, methodsOf, rankedFindings } from '../shared/findings/diagnosis-primary';
import { firstSentence } from '../shared/findings/primary';
import type { Diagnosis, Lang, RenderedFinding } from '../shared/model';
import { PRACTICE_LABEL, practiceWarning } from '../shared/practice';
import { scenarioName } from '../shared/scenario-names';
import { checkSkipText } from '../shared/skip-reasons';
import { partText } from '../shared/delivers-part';
import { ACTOR_LABELS, METHOD_LABELS, STATUS_LABELS } from '../shared/vocabulary';
import { printable } from './io';

const T = {
  en: {
    verdict: {
      pass: 'PASS — the mail path works',
      warn: 'WARN — works, with things to look at',
      fail: 'FAIL — mail will not get through as configured',
    },
    cancelled: 'CANCELLED — the diagnosis stopped before every check finished; what ran so far:',
    recommended: 'Recommended method',
    todo: 'What to do',
    primary: 'Fix first',
    who: 'Who acts',
    first: 'First step',
    partOnly: 'delivers only part of what was asked',
    notYet: 'not working yet: fix the finding above first',
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
    verdict: {
      pass: '合格 — メール送信経路は正常です',
      warn: '注意 — 送信できますが確認事項があります',
      fail: '失敗 — 現在の設定ではメールが届きません',
    },
    cancelled: '中止 — すべてのチェックが終わる前に中止されました。ここまでの結果:',
    recommended: '推奨の送信方法',
    todo: '対処',
    primary: '最初に直す検出事項',
    who: '対応する人',
    first: '最初の対処',
    partOnly: '依頼の一部しか届けられません',
    notYet: 'まだ送信できません。先に上の検出事項を直してください',
    none: '対処が必要な検出事項はありません。',
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

/** One line of server/user text, safe for a terminal (no control characters or escapes), bounded. */
const safe = (s: string, max = 300) => printable(s, max);

export function renderedFindings(
  d: Diagnosis,
  lang: Lang,
): { checkId: string | null; finding: RenderedFinding }[] {
  return rankedFindings(d).map((l) => ({ checkId: l.checkId, finding: renderFinding(l.ref, lang) }));
}

export function renderHuman(d: Diagnosis, lang: Lang): string {
  const t = T[lang];
  const out: string[] = [];
  // A run against the built-in lab says so before its verdict: nobody acts on a practice result.
  if (d.practice) out.push(`!! ${practiceWarning(d.practice, lang)}`);
  out.push(d.cancelled ? `${MARK.warn} ${t.cancelled}` : `${MARK[d.verdict]} ${t.verdict[d.verdict]}`);
  const primary = diagnosisPrimary(d, lang);
  if (primary) {
    out.push(`${t.primary}: ${safe(primary.title)} (${primary.code})`);
    out.push(`${t.who}: ${t.actor[primary.actor]}`);
    out.push(`${t.first}: ${safe(firstSentence(primary.fix), 400)}`);
  }
  const rec = d.recommendation;
  if (rec) {
    const best = rec.ranking.find((r) => r.method === rec.method);
    const note =
      best?.delivers === 'part' && partText(best, lang)
        ? ` — ${t.partOnly}: ${safe(partText(best, lang) ?? '')}`
        : d.verdict === 'fail'
          ? ` — ${t.notYet}`
          : '';
    out.push(`${t.recommended}: ${METHOD_LABELS[lang][rec.method]}${note}`);
    for (const r of rec.ranking)
      if (r.method !== rec.method && r.delivers === 'part' && partText(r, lang))
        out.push(`  ${METHOD_LABELS[lang][r.method]}: ${t.partOnly}: ${safe(partText(r, lang) ?? '')}`);
  }
  out.push('', `${t.todo}:`);
  const findings = renderedFindings(d, lang);
  if (findings.length === 0) out.push(`  ${t.none}`);
  // auto: one group per set of methods a finding concerns (the MX endpoint serves Direct Send and relay alike),
  // so each finding is listed once.
  const groups: { label: string | null; items: typeof findings }[] = [];
  for (const f of findings) {
    const label =
      d.method === 'auto'
        ? methodsOf(f.checkId)
            .map((m) => METHOD_LABELS[lang][m])
            .join(' / ')
        : null;
    const g = groups.find((x) => x.label === label);
    if (g) g.items.push(f);
    else groups.push({ label, items: [f] });
  }
  let n = 0;
  for (const g of groups) {
    if (g.label) out.push(`  [${g.label}]`);
    for (const { finding: f } of g.items) {
      n++;
      out.push(`  ${n}. [${t.actor[f.actor]}] ${safe(f.title)} (${f.code})`);
      out.push(`     ${t.fix}: ${safe(f.fix, 600)}`);
      if (f.powershell) out.push(`     PowerShell: ${safe(f.powershell, 300)}`);
    }
  }
  out.push('', `${t.details}:`);
  for (const c of d.checks) {
    const why = checkSkipText(c, lang);
    const reason = why ? ` — ${t.skipped}: ${safe(why, 300)}` : '';
    // Japanese readers get the check's title only; English keeps the id column (it names the check in --json).
    const id = lang === 'ja' ? '' : `${c.id.padEnd(26)} `;
    out.push(`  ${MARK[c.status]} ${id}${safe(checkTitle(c, lang), 70)} (${c.durationMs} ms)${reason}`);
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
    primaryFinding: diagnosisPrimary(d, lang),
    // Present only on runs against the built-in lab: { scenario (the id), name, label (練習用ラボ / practice (lab)) }.
    ...(d.practice
      ? {
          practice: {
            scenario: d.practice.scenario,
            name: scenarioName(d.practice.scenario, lang),
            label: PRACTICE_LABEL[lang],
          },
        }
      : {}),
    ...(d.cancelled ? { cancelled: true } : {}),
    checks: d.checks.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      durationMs: c.durationMs,
      // A skipped check: its reason rendered in the chosen language (details.skip keeps the typed reason).
      ...(checkSkipText(c, lang) ? { skipReason: checkSkipText(c, lang) } : {}),
      findings: c.findings.map((ref) => {
        const f = renderFinding(ref, lang);
        return {
          code: f.code,
          severity: f.severity,
          actor: f.actor,
          title: f.title,
          cause: f.cause,
          fix: f.fix,
          ...(ref.evidence ? { evidence: ref.evidence } : {}),
        };
      }),
      details: c.details,
    })),
    transcript: d.transcript.map((r) => ({ t: r.t, dir: r.dir, text: r.text })),
  };
}

/** The line `diagnose --save` prints once the run is in a report (the id and folder stay as they are). */
export function savedLine(reportId: string, runs: number, dir: string, lang: Lang): string {
  return lang === 'ja'
    ? `保存しました: レポート ${reportId} （診断 ${runs} 回） 保存先: ${dir}\n`
    : `saved: report ${reportId} (${runs} run${runs === 1 ? '' : 's'}) in ${dir}\n`;
}
