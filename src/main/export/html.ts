// The self-contained HTML report (also the PDF's source): no scripts, no external resources, its own strict CSP
// (styles allowed only by hash), A4 print layout. Every string that came from a server, a device or a person is
// neutralised (controls, ANSI, bidi) and HTML-escaped through one helper, `t()`.
import { checkTitle } from '../../shared/check-registry';
import { checkSkipText } from '../../shared/skip-reasons';
import { createHash } from 'node:crypto';
import { renderFinding } from '../../shared/findings/catalog';
import { adminRequest } from '../../shared/findings/admin-requests';
import { primaryFindingOf } from '../../shared/findings/primary-of';
import { formatLocalTime } from '../../shared/local-time';
import type {
  CheckStatus,
  Diagnosis,
  FindingRef,
  Lang,
  RenderedFinding,
  TranscriptRow,
} from '../../shared/model';
import type { Job, Report } from '../../shared/report';
import { APP_VERSION } from '../../shared/version';
import { compareRuns } from './compare-runs';
import { withJobParams } from './finding-params';
import { LABELS, type ExportLabels } from './labels';
import { fillPowershell } from './ticket';
import { displayLine, escapeHtml, MAX_DOC_TRANSCRIPT_ROWS, neutralize } from './text-safety';
import { identifyRows } from './identify-section';
import { practiceTag, reportPracticeWarning } from '../../shared/practice';

const STYLE = `
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", "Meiryo", "Hiragino Sans", "IPAPGothic", "IPAGothic", system-ui, sans-serif;
  font-size: 10pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { border: 1px solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
table.kv th { width: 28%; }
td.box { width: 8mm; text-align: center; }
td.st-pass, td.st-warn, td.st-fail, td.st-skip, th.nowrap { white-space: nowrap; }
.skip-reason { font-size: 90%; }
tr { break-inside: avoid; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; font-family: "Noto Sans Mono CJK JP", "DejaVu Sans Mono", Consolas, monospace;
  font-size: 8pt; background: #f6f6f6; border: 1px solid #ddd; padding: 2mm; margin: 1mm 0 2mm; }
.finding { border-left: 3px solid #888; padding: 1mm 3mm; margin: 2mm 0; break-inside: avoid; }
.sev-error { border-color: #b00020; } .sev-warning { border-color: #c77700; } .sev-info { border-color: #2a6; }
.st-pass { color: #176b2c; } .st-warn { color: #8a5200; } .st-fail { color: #b00020; font-weight: bold; } .st-skip { color: #666; }
.muted { color: #555; font-size: 9pt; }
footer { margin-top: 8mm; color: #555; font-size: 8pt; }
.verdict-box { border: 2px solid #888; border-radius: 2mm; padding: 2mm 4mm; margin: 2mm 0 4mm; break-inside: avoid; }
.verdict-box.v-fail { border-color: #b00020; } .verdict-box.v-warn { border-color: #c77700; } .verdict-box.v-pass { border-color: #176b2c; }
.verdict-line { font-size: 14pt; font-weight: bold; margin: 1mm 0; }
.primary-title { font-size: 11pt; margin: 1mm 0 2mm; }
code { font-family: "Noto Sans Mono CJK JP", "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; overflow-wrap: anywhere; }
.practice-banner { border: 3px dashed #6a1b9a; background: #f3e5f5; color: #4a148c; font-weight: bold; padding: 2mm 4mm; margin: 0 0 4mm; break-inside: avoid; }
.practice-tag { color: #6a1b9a; font-weight: bold; }
.appendix.first { break-before: page; }
.appendix pre { font-size: 7pt; }
`;

/** Content-Security-Policy for the document: nothing may load or run; only our own stylesheet (by hash) applies. */
export function reportCsp(style = STYLE): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

export interface HtmlOptions {
  lang: Lang;
  /** Fixed UTC offset for the times shown, in minutes east (tests); default: this machine's local time. */
  utcOffsetMinutes?: number;
  /** Finding renderer (defaults to the catalogue's). */
  render?: (ref: Diagnosis['checks'][number]['findings'][number], lang: Lang) => RenderedFinding;
}

export function renderReportHtml(report: Report, opts: HtmlOptions): string {
  const { lang } = opts;
  const L = LABELS[lang];
  const render = opts.render ?? renderFinding;
  const when = (iso: string | undefined) => (iso ? formatLocalTime(iso, opts.utcOffsetMinutes) : undefined);
  const t = (s: string | undefined | null) => escapeHtml(displayLine(s ?? '', lang));
  const row = (k: string, v: string | undefined | null) =>
    v ? `<tr><th>${escapeHtml(k)}</th><td>${t(v)}</td></tr>` : '';
  const { job } = report;
  const parts: string[] = [];
  const last = report.runs[report.runs.length - 1];
  const prev = report.runs[report.runs.length - 2];
  const renderIn = (d: Diagnosis) => (f: FindingRef, l: Lang) => render(withJobParams(f, job, d.egressIp), l);

  // Page 1: who/where/what, then the verdict and the one finding to act on, then the rest of the latest run.
  // A practice run (練習用ラボ) is named first on page 1, before anything an admin could act on.
  const practice = reportPracticeWarning(report.runs, lang);
  parts.push(
    `<h1>${escapeHtml(L.reportTitle)}${last?.diagnosis.practice ? ` <span class="practice-tag">${escapeHtml(practiceTag(last.diagnosis.practice, lang))}</span>` : ''}</h1>`,
  );
  if (practice) parts.push(`<p class="practice-banner" role="note">${escapeHtml(practice)}</p>`);
  const device = job.device.location ? `${job.device.model} (${job.device.location})` : job.device.model;
  parts.push(
    `<table class="kv">${row(L.customer, job.customer)}${row(L.site, job.site)}${row(L.device, device)}` +
      `${row(L.method, L.methods[last?.diagnosis.method ?? job.method])}${row(L.runAt, when(last?.diagnosis.startedAt))}${row(L.technician, job.technician)}</table>`,
  );
  const idf = identifyRows(job.device, lang);
  if (idf.rows.length > 0)
    parts.push(
      `<h2>${escapeHtml(idf.title)}</h2><table class="kv">${idf.rows.map(([k, v]) => row(k, v)).join('')}</table>`,
    );
  if (!last) parts.push(`<p>${escapeHtml(L.noRuns)}</p>`);
  else {
    parts.push(verdictBox(last.diagnosis, L, lang, renderIn(last.diagnosis), t, job));
    parts.push(runBody(last.diagnosis, L, lang, renderIn(last.diagnosis), t));
  }
  if (last && prev) parts.push(compareSection(prev.diagnosis, last.diagnosis, L, lang, t));

  const s = job.settings;
  const F = L.fields;
  parts.push(
    `<h2>${escapeHtml(L.settings)}</h2><table class="kv">${row(F.host, s.host)}${row(F.port, s.port?.toString())}${row(F.domain, s.domain)}` +
      `${row(F.user, s.user)}${row(F.from, s.from)}${row(F.to, s.to.join(', '))}${row(F.expectedIp, s.expectedIp)}${row(F.ehloName, s.ehloName)}` +
      `${last?.diagnosis.egressIp ? row(L.egressIp, last.diagnosis.egressIp) : ''}</table>`,
  );

  const earlier = report.runs.slice(0, -1);
  if (earlier.length > 0) {
    parts.push(`<h2>${escapeHtml(L.earlierRuns)}</h2>`);
    earlier.forEach((run, i) => {
      const d = run.diagnosis;
      parts.push(
        `<h3>${escapeHtml(L.run)} ${i + 1}${d.practice ? ` <span class="practice-tag">${escapeHtml(practiceTag(d.practice, lang))}</span>` : ''}${run.label ? ` — ${t(run.label)}` : ''} · ${t(when(d.startedAt))} · ` +
          `<span class="st-${d.verdict}">${escapeHtml(`${ICON[d.verdict]} ${L.verdicts[d.verdict]}`)}</span></h3>`,
      );
      parts.push(findingsList(d, L, renderIn(d), t, lang));
    });
  }

  if (report.checklist.length > 0) {
    const items = report.checklist.map(
      (c) =>
        `<tr><td class="box">${c.done ? '☑' : '☐'}</td><td>${t(c.stepId)}</td><td>${t(c.value)}</td><td>${t(c.note)}</td></tr>`,
    );
    parts.push(`<h2>${escapeHtml(L.checklist)}</h2><table>${items.join('')}</table>`);
  }
  if (report.notes.length > 0) {
    const notes = report.notes.map(
      (n) =>
        `<p><span class="muted">${t(when(n.at))}</span><br>${escapeHtml(neutralize(n.text, true)).replace(/\n/g, '<br>')}</p>`,
    );
    parts.push(`<h2>${escapeHtml(L.notes)}</h2>${notes.join('')}`);
  }
  parts.push(
    `<footer>${escapeHtml(`${L.created}: ${when(report.createdAt) ?? ''} · ${L.updated}: ${when(report.updatedAt) ?? ''}`)}<br>${escapeHtml(L.generated(APP_VERSION, report.id))}</footer>`,
  );

  // Appendix: the raw transcripts, after everything a reader acts on.
  const withTranscript = report.runs
    .map((run, i) => ({ d: run.diagnosis, n: i + 1 }))
    .filter((x) => x.d.transcript.length > 0);
  withTranscript.forEach(({ d, n }, i) => {
    const shown = d.transcript.slice(0, MAX_DOC_TRANSCRIPT_ROWS);
    parts.push(
      `<section class="appendix${i === 0 ? ' first' : ''}"><h2>${escapeHtml(L.appendixTranscript(n))}</h2>` +
        `<pre>${shown.map((r) => t(transcriptLine(r))).join('\n')}</pre>` +
        (shown.length < d.transcript.length
          ? `<p class="muted">${escapeHtml(L.transcriptCut(shown.length, d.transcript.length))}</p>`
          : '') +
        `</section>`,
    );
  });

  const title = `${L.reportTitle} — ${displayLine(job.customer, lang, 80)} ${displayLine(job.site, lang, 80)}`;
  return (
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${reportCsp()}">` +
    `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`
  );
}

type Esc = (s: string | undefined | null) => string;
type Render = (ref: FindingRef, lang: Lang) => RenderedFinding;

/** A status word never stands alone: each has its own mark, so it reads in grey print and for colour-blind readers. */
const ICON: Record<CheckStatus, string> = { pass: '✔', warn: '▲', fail: '✖', skip: '–' };

/** The verdict and the one finding to act on: title, who acts, the first fix, the command (narrowest first). */
function verdictBox(d: Diagnosis, L: ExportLabels, lang: Lang, render: Render, t: Esc, job: Job): string {
  const out = [
    `<div class="verdict-box v-${d.verdict}"><p class="verdict-line"><span class="st-${d.verdict}">${escapeHtml(`${ICON[d.verdict]} ${L.verdict}: ${L.verdicts[d.verdict]}`)}</span></p>`,
  ];
  const primary = primaryFindingOf(d);
  if (!primary) out.push(`<p>${escapeHtml(L.noPrimary)}</p>`);
  else {
    const f = render(primary.ref, lang);
    const req =
      f.actor === 'admin'
        ? adminRequest(f.code, withJobParams(primary.ref, job, d.egressIp).params, lang)
        : null;
    const cmd = req?.commands[0]?.ps ?? f.powershell;
    out.push(
      `<p class="primary-title"><span class="muted">${escapeHtml(L.primary)}:</span> <strong>${t(f.title)}</strong> <span class="muted">${t(f.code)}</span></p>` +
        `<table class="kv"><tr><th>${escapeHtml(L.who)}</th><td>${escapeHtml(L.actors[f.actor])}</td></tr>` +
        `<tr><th>${escapeHtml(L.cause)}</th><td>${t(f.cause)}</td></tr>` +
        `<tr><th>${escapeHtml(L.firstFix)}</th><td>${t(req?.ask ?? f.fix)}</td></tr>` +
        (cmd
          ? `<tr><th>${escapeHtml(L.valueToChange)}</th><td><code>${t(fillPowershell(cmd, job.settings.user, d.egressIp))}</code></td></tr>`
          : '') +
        `</table>`,
    );
  }
  out.push('</div>');
  return out.join('');
}

function findingsList(d: Diagnosis, L: ExportLabels, render: Render, t: Esc, lang: Lang): string {
  const findings = d.checks.flatMap((c) => c.findings.map((f) => render(f, lang)));
  if (findings.length === 0) return `<p>${escapeHtml(L.noFindings)}</p>`;
  return findings
    .map(
      (f) =>
        `<div class="finding sev-${f.severity}"><strong>${t(f.title)}</strong> <span class="muted">${t(f.code)} · ${escapeHtml(L.severities[f.severity])} · ` +
        `${escapeHtml(L.who)}: ${escapeHtml(L.actors[f.actor])}${f.predicted ? ` ${escapeHtml(L.predicted)}` : ''}</span>` +
        `<p><b>${escapeHtml(L.cause)}:</b> ${t(f.cause)}</p><p><b>${escapeHtml(L.fix)}:</b> ${t(f.fix)}</p>` +
        (f.powershell
          ? `<p class="muted">${escapeHtml(L.powershell)}</p><pre>${t(f.powershell)}</pre>`
          : '') +
        (f.evidence?.length
          ? `<p class="muted">${escapeHtml(L.evidence)}</p><pre>${f.evidence.map((e) => t(e)).join('\n')}</pre>`
          : '') +
        (f.inMessageTrace ? '' : `<p class="muted">${escapeHtml(L.notInMessageTrace)}</p>`) +
        `</div>`,
    )
    .join('\n');
}

/** The latest run below the verdict box: every finding, then the checks table (titles, never ids). */
function runBody(d: Diagnosis, L: ExportLabels, lang: Lang, render: Render, t: Esc): string {
  const out: string[] = [];
  out.push(`<h2>${escapeHtml(L.findings)}</h2>`, findingsList(d, L, render, t, lang));
  const rows = d.checks.map((c) => {
    // A skipped check says why, in the export's language (shared/skip-reasons.ts).
    const why = checkSkipText(c, lang);
    return (
      `<tr><td>${t(checkTitle(c, lang))}${why ? `<br><span class="muted skip-reason">${t(why)}</span>` : ''}</td>` +
      `<td class="st-${c.status}">${escapeHtml(`${ICON[c.status]} ${L.statuses[c.status]}`)}</td>` +
      `<td>${Math.round(c.durationMs)} ms</td></tr>`
    );
  });
  out.push(
    `<h2>${escapeHtml(L.checks)}</h2><table><tr><th>${escapeHtml(L.check)}</th><th class="nowrap">${escapeHtml(L.status)}</th><th class="nowrap">${escapeHtml(L.duration)}</th></tr>${rows.join('')}</table>`,
  );
  if (d.transcript.length > 0) out.push(`<p class="muted">${escapeHtml(L.seeAppendix)}</p>`);
  return out.join('\n');
}

/** `  123 ms S: 220 ...` — one transcript row as text (callers neutralise it). */
export function transcriptLine(r: TranscriptRow): string {
  const arrow = r.dir === 'C' ? 'C:' : r.dir === 'S' ? 'S:' : `${r.dir}:`;
  return `${String(Math.round(r.t)).padStart(6)} ms ${arrow.padEnd(5)} ${r.text}`;
}

function compareSection(before: Diagnosis, after: Diagnosis, L: ExportLabels, lang: Lang, t: Esc): string {
  const cmp = compareRuns(before, after);
  const st = (s: keyof typeof L.statuses | null) => (s ? escapeHtml(L.statuses[s]) : '—');
  const rows = cmp.checks.map(
    (c) =>
      `<tr><td>${t(checkTitle(c, lang))}</td><td>${st(c.before)}</td><td>${st(c.after)}</td><td>${escapeHtml(L.changes[c.change])}</td>` +
      `<td>${c.findingsAdded.length ? `${escapeHtml(L.findingsAdded)}: ${t(c.findingsAdded.join(', '))}<br>` : ''}` +
      `${c.findingsRemoved.length ? `${escapeHtml(L.findingsRemoved)}: ${t(c.findingsRemoved.join(', '))}` : ''}</td></tr>`,
  );
  return (
    `<h2>${escapeHtml(L.compare)}</h2><p>${escapeHtml(L.verdict)}: ${escapeHtml(L.verdicts[cmp.verdict.before])} → ${escapeHtml(L.verdicts[cmp.verdict.after])}</p>` +
    `<table><tr><th>${escapeHtml(L.check)}</th><th>${escapeHtml(L.before)}</th><th>${escapeHtml(L.after)}</th><th></th><th>${escapeHtml(L.findings)}</th></tr>${rows.join('')}</table>`
  );
}
