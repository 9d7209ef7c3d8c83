// The self-contained HTML report (also the PDF's source): no scripts, no external resources, its own strict CSP
// (styles allowed only by hash), A4 print layout. Every string that came from a server, a device or a person is
// neutralised (controls, ANSI, bidi) and HTML-escaped through one helper, `t()`.
import { checkTitle } from '../../shared/check-titles';
import { createHash } from 'node:crypto';
import { renderFinding } from '../../shared/findings/catalog';
import type { Diagnosis, Lang, RenderedFinding, TranscriptRow } from '../../shared/model';
import type { Report } from '../../shared/report';
import { APP_VERSION } from '../../shared/version';
import { compareRuns } from './compare-runs';
import { withJobParams } from './finding-params';
import { LABELS, type ExportLabels } from './labels';
import { displayLine, escapeHtml, MAX_DOC_TRANSCRIPT_ROWS, neutralize } from './text-safety';
import { identifyRows } from './identify-section';

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
tr { break-inside: avoid; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; font-family: "Noto Sans Mono CJK JP", "DejaVu Sans Mono", Consolas, monospace;
  font-size: 8pt; background: #f6f6f6; border: 1px solid #ddd; padding: 2mm; margin: 1mm 0 2mm; }
.finding { border-left: 3px solid #888; padding: 1mm 3mm; margin: 2mm 0; break-inside: avoid; }
.sev-error { border-color: #b00020; } .sev-warning { border-color: #c77700; } .sev-info { border-color: #2a6; }
.st-pass { color: #176b2c; } .st-warn { color: #8a5200; } .st-fail { color: #b00020; font-weight: bold; } .st-skip { color: #666; }
.muted { color: #555; font-size: 9pt; }
footer { margin-top: 8mm; color: #555; font-size: 8pt; }
`;

/** Content-Security-Policy for the document: nothing may load or run; only our own stylesheet (by hash) applies. */
export function reportCsp(style = STYLE): string {
  const hash = createHash('sha256').update(style, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

export interface HtmlOptions {
  lang: Lang;
  /** Finding renderer (defaults to the catalogue's). */
  render?: (ref: Diagnosis['checks'][number]['findings'][number], lang: Lang) => RenderedFinding;
}

export function renderReportHtml(report: Report, opts: HtmlOptions): string {
  const { lang } = opts;
  const L = LABELS[lang];
  const render = opts.render ?? renderFinding;
  const t = (s: string | undefined | null) => escapeHtml(displayLine(s ?? '', lang));
  const row = (k: string, v: string | undefined | null) => (v ? `<tr><th>${escapeHtml(k)}</th><td>${t(v)}</td></tr>` : '');
  const { job } = report;
  const parts: string[] = [];

  parts.push(`<h1>${escapeHtml(L.reportTitle)}</h1>`);
  parts.push(
    `<table class="kv">${row(L.customer, job.customer)}${row(L.site, job.site)}${row(L.device, job.device.model)}${row(L.location, job.device.location)}` +
      `${row(L.method, L.methods[job.method])}${row(L.technician, job.technician)}${row(L.created, report.createdAt)}${row(L.updated, report.updatedAt)}` +
      `${row(L.reportId, report.id)}</table>`,
  );
  const idf = identifyRows(job.device, lang);
  if (idf.rows.length > 0) parts.push(`<h2>${escapeHtml(idf.title)}</h2><table class="kv">${idf.rows.map(([k, v]) => row(k, v)).join('')}</table>`);
  const s = job.settings;
  parts.push(
    `<h2>${escapeHtml(L.settings)}</h2><table class="kv">${row('host', s.host)}${row('port', s.port?.toString())}${row('domain', s.domain)}` +
      `${row('user', s.user)}${row('from', s.from)}${row('to', s.to.join(', '))}${row('expectedIp', s.expectedIp)}${row('ehloName', s.ehloName)}</table>`,
  );

  if (report.runs.length === 0) parts.push(`<p>${escapeHtml(L.noRuns)}</p>`);
  report.runs.forEach((run, i) => parts.push(runSection(run.diagnosis, i + 1, run.label, L, lang, (f, l) => render(withJobParams(f, job, run.diagnosis.egressIp), l), t)));

  const last = report.runs[report.runs.length - 1];
  const prev = report.runs[report.runs.length - 2];
  if (last && prev) parts.push(compareSection(prev.diagnosis, last.diagnosis, L, t));

  if (report.checklist.length > 0) {
    const items = report.checklist.map((c) => `<tr><td class="box">${c.done ? '☑' : '☐'}</td><td>${t(c.stepId)}</td><td>${t(c.value)}</td><td>${t(c.note)}</td></tr>`);
    parts.push(`<h2>${escapeHtml(L.checklist)}</h2><table>${items.join('')}</table>`);
  }
  if (report.notes.length > 0) {
    const notes = report.notes.map((n) => `<p><span class="muted">${t(n.at)}</span><br>${escapeHtml(neutralize(n.text, true)).replace(/\n/g, '<br>')}</p>`);
    parts.push(`<h2>${escapeHtml(L.notes)}</h2>${notes.join('')}`);
  }
  parts.push(`<footer>${escapeHtml(L.generated(APP_VERSION, report.id))}</footer>`);

  const title = `${L.reportTitle} — ${displayLine(job.customer, lang, 80)} ${displayLine(job.site, lang, 80)}`;
  return (
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${reportCsp()}">` +
    `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`
  );
}

type Esc = (s: string | undefined | null) => string;

function runSection(
  d: Diagnosis,
  n: number,
  label: string | undefined,
  L: ExportLabels,
  lang: Lang,
  render: NonNullable<HtmlOptions['render']>,
  t: Esc,
): string {
  const out: string[] = [];
  out.push(`<h2>${escapeHtml(L.run)} ${n}${label ? ` — ${t(label)}` : ''}</h2>`);
  out.push(
    `<table class="kv"><tr><th>${escapeHtml(L.runAt)}</th><td>${t(d.startedAt)}</td></tr>` +
      `<tr><th>${escapeHtml(L.verdict)}</th><td class="st-${d.verdict}">${escapeHtml(L.verdicts[d.verdict])}</td></tr>` +
      `<tr><th>${escapeHtml(L.method)}</th><td>${escapeHtml(L.methods[d.method])}</td></tr>` +
      (d.egressIp ? `<tr><th>${escapeHtml(L.egressIp)}</th><td>${t(d.egressIp)}</td></tr>` : '') +
      `</table>`,
  );
  const rows = d.checks.map(
    (c) =>
      `<tr><td>${t(checkTitle(c, lang))}<br><span class="muted">${t(c.id)}</span></td><td class="st-${c.status}">${escapeHtml(L.statuses[c.status])}</td>` +
      `<td>${Math.round(c.durationMs)} ms</td></tr>`,
  );
  out.push(`<h3>${escapeHtml(L.checks)}</h3><table><tr><th>${escapeHtml(L.check)}</th><th>${escapeHtml(L.status)}</th><th>${escapeHtml(L.duration)}</th></tr>${rows.join('')}</table>`);
  const findings = d.checks.flatMap((c) => c.findings.map((f) => render(f, lang)));
  out.push(`<h3>${escapeHtml(L.findings)}</h3>`);
  if (findings.length === 0) out.push(`<p>${escapeHtml(L.noFindings)}</p>`);
  for (const f of findings) {
    out.push(
      `<div class="finding sev-${f.severity}"><strong>${t(f.title)}</strong> <span class="muted">${t(f.code)} · ${escapeHtml(L.severities[f.severity])} · ` +
        `${escapeHtml(L.who)}: ${escapeHtml(L.actors[f.actor])}${f.predicted ? ` ${escapeHtml(L.predicted)}` : ''}</span>` +
        `<p><b>${escapeHtml(L.cause)}:</b> ${t(f.cause)}</p><p><b>${escapeHtml(L.fix)}:</b> ${t(f.fix)}</p>` +
        (f.powershell ? `<p class="muted">${escapeHtml(L.powershell)}</p><pre>${t(f.powershell)}</pre>` : '') +
        (f.evidence?.length ? `<p class="muted">${escapeHtml(L.evidence)}</p><pre>${f.evidence.map((e) => t(e)).join('\n')}</pre>` : '') +
        (f.inMessageTrace ? '' : `<p class="muted">${escapeHtml(L.notInMessageTrace)}</p>`) +
        `</div>`,
    );
  }
  if (d.transcript.length > 0) {
    const shown = d.transcript.slice(0, MAX_DOC_TRANSCRIPT_ROWS);
    out.push(`<h3>${escapeHtml(L.transcript)}</h3><pre>${shown.map((r) => t(transcriptLine(r))).join('\n')}</pre>`);
    if (shown.length < d.transcript.length) out.push(`<p class="muted">${escapeHtml(L.transcriptCut(shown.length, d.transcript.length))}</p>`);
  }
  return out.join('\n');
}

/** `  123 ms S: 220 ...` — one transcript row as text (callers neutralise it). */
export function transcriptLine(r: TranscriptRow): string {
  const arrow = r.dir === 'C' ? 'C:' : r.dir === 'S' ? 'S:' : `${r.dir}:`;
  return `${String(Math.round(r.t)).padStart(6)} ms ${arrow.padEnd(5)} ${r.text}`;
}

function compareSection(before: Diagnosis, after: Diagnosis, L: ExportLabels, t: Esc): string {
  const cmp = compareRuns(before, after);
  const st = (s: keyof typeof L.statuses | null) => (s ? escapeHtml(L.statuses[s]) : '—');
  const rows = cmp.checks.map(
    (c) =>
      `<tr><td>${t(c.title)}</td><td>${st(c.before)}</td><td>${st(c.after)}</td><td>${escapeHtml(L.changes[c.change])}</td>` +
      `<td>${c.findingsAdded.length ? `${escapeHtml(L.findingsAdded)}: ${t(c.findingsAdded.join(', '))}<br>` : ''}` +
      `${c.findingsRemoved.length ? `${escapeHtml(L.findingsRemoved)}: ${t(c.findingsRemoved.join(', '))}` : ''}</td></tr>`,
  );
  return (
    `<h2>${escapeHtml(L.compare)}</h2><p>${escapeHtml(L.verdict)}: ${escapeHtml(L.verdicts[cmp.verdict.before])} → ${escapeHtml(L.verdicts[cmp.verdict.after])}</p>` +
    `<table><tr><th>${escapeHtml(L.check)}</th><th>${escapeHtml(L.before)}</th><th>${escapeHtml(L.after)}</th><th></th><th>${escapeHtml(L.findings)}</th></tr>${rows.join('')}</table>`
  );
}
