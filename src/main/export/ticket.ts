// The support ticket for the tenant admin, in the language they read: what was observed, the evidence lines, the
// admin actions with their PowerShell one-liners, and what the technician already ruled out. Markdown (for
// ticket.md / helpdesks that render it) and plain text (to paste into any form). Server text is neutralised;
// in Markdown it goes into indented code blocks (literal by definition) or is escaped.
import { renderFinding } from '../../shared/findings/catalog';
import type { Lang, RenderedFinding } from '../../shared/model';
import { latestRun, type Report } from '../../shared/report';
import { APP_VERSION } from '../../shared/version';
import { compareRuns } from './compare-runs';
import { withJobParams } from './finding-params';
import { LABELS } from './labels';
import { displayLine, escapeMarkdown, neutralize } from './text-safety';

export type TicketFormat = 'markdown' | 'text';

/** Most evidence lines quoted per finding, and their longest length in characters (tickets stay readable). */
const MAX_EVIDENCE_LINES = 8;
const MAX_EVIDENCE_CHARS = 500;

export interface TicketOptions {
  lang: Lang;
  format: TicketFormat;
  render?: (ref: Parameters<typeof renderFinding>[0], lang: Lang) => RenderedFinding;
}

const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}$/;
const PLAIN_IP = /^[0-9a-fA-F:.]{2,45}$/;

/** Fills the one-liner's `<mailbox>` / `<ip>` placeholders from the job when the value is a plain address. */
export function fillPowershell(ps: string, mailbox: string | undefined, ip: string | null | undefined): string {
  let out = ps;
  if (mailbox && PLAIN_ADDRESS.test(mailbox)) out = out.replace(/<mailbox>/g, `'${mailbox}'`);
  if (ip && PLAIN_IP.test(ip)) out = out.replace(/<ip>/g, ip);
  return out;
}

export function renderTicket(report: Report, opts: TicketOptions): string {
  const { lang, format } = opts;
  const md = format === 'markdown';
  const L = LABELS[lang];
  const render = opts.render ?? renderFinding;
  const line = (s: string | undefined | null) => displayLine(s ?? '', lang, MAX_EVIDENCE_CHARS);
  const inline = (s: string | undefined | null) => (md ? escapeMarkdown(line(s)) : line(s));
  /** Text that begins a Markdown line (or list item): a leading "# ", "- ", "1. " must not become structure. */
  const start = (s: string | undefined | null) => (md ? escapeMarkdown(line(s), true) : line(s));
  const heading = (s: string) => (md ? `## ${s}` : `${s}\n${'-'.repeat(Math.min(60, s.length * 2))}`);
  const bold = (s: string) => (md ? `**${s}**` : s);
  const code = (lines: string[]) => lines.map((l) => `    ${l}`);
  const out: string[] = [];
  const { job } = report;
  const run = latestRun(report);
  const findings = run ? run.diagnosis.checks.flatMap((c) => c.findings.map((f) => render(withJobParams(f, job, run.diagnosis.egressIp), lang))) : [];
  const top = findings[0];

  const title = `${L.ticketTitle}: ${line(job.site || job.customer)}${top ? ` — ${line(top.title)}` : ''}`;
  out.push(md ? `# ${escapeMarkdown(title)}` : `${title}\n${'='.repeat(Math.min(70, title.length * 2))}`, '');
  const meta: [string, string | undefined][] = [
    [L.customer, job.customer],
    [L.site, job.site],
    [L.device, job.device.model],
    [L.method, L.methods[run?.diagnosis.method ?? job.method]],
    [L.runAt, run?.diagnosis.startedAt],
    [L.verdict, run ? L.verdicts[run.diagnosis.verdict] : L.noRuns],
    [L.egressIp, run?.diagnosis.egressIp ?? undefined],
    ['SMTP', job.settings.host ? `${job.settings.host}:${job.settings.port ?? ''}` : undefined],
    ['From', job.settings.from],
    [L.technician, job.technician],
  ];
  for (const [k, v] of meta) if (v) out.push(md ? `- ${bold(escapeMarkdown(k))}: ${inline(v)}` : `${k}: ${line(v)}`);
  out.push('');

  out.push(heading(L.observed), '');
  if (findings.length === 0) out.push(run ? L.noFindings : L.noRuns, '');
  for (const f of findings) {
    out.push(`${md ? '- ' : '* '}${bold(inline(f.title))} (${inline(f.code)})${f.predicted ? ` ${L.predicted}` : ''}`);
    out.push(`  ${start(f.cause)}`);
    if (!f.inMessageTrace) out.push(`  ${L.notInMessageTrace}`);
    const ev = (f.evidence ?? []).slice(0, MAX_EVIDENCE_LINES).map(line);
    if (ev.length > 0) out.push('', `  ${L.evidence}:`, '', ...code(ev.map((e) => `  ${e}`)));
    out.push('');
  }

  out.push(heading(L.adminActions), '');
  const adminFindings = findings.filter((f) => f.actor === 'admin' || f.powershell !== undefined);
  if (adminFindings.length === 0) out.push(L.noAdminActions, '');
  adminFindings.forEach((f, i) => {
    out.push(`${i + 1}. ${bold(inline(f.title))}`, `   ${start(f.fix)}`);
    if (f.powershell) {
      const ps = fillPowershell(f.powershell, job.settings.user, run?.diagnosis.egressIp);
      out.push('', `   ${L.powershell}:`, '', ...code([`   ${line(ps)}`]));
    }
    out.push('');
  });

  out.push(heading(L.ruledOut), '');
  const passed = run ? run.diagnosis.checks.filter((c) => c.status === 'pass') : [];
  const prev = report.runs[report.runs.length - 2];
  const fixed = run && prev ? compareRuns(prev.diagnosis, run.diagnosis).resolvedCodes : [];
  if (passed.length === 0 && fixed.length === 0) out.push(L.nothingRuledOut);
  for (const c of passed) out.push(`- ${start(c.title)}: ${L.statuses.pass}`);
  for (const code of fixed) out.push(`- ${start(render({ code }, lang).title)}: ${L.fixedSince}`);
  out.push('');

  if (report.notes.length > 0) {
    out.push(heading(L.notes), '');
    for (const n of report.notes) {
      const text = neutralize(n.text, true).split('\n').map((l) => displayLine(l, lang));
      out.push(...(md ? text.map((l) => `> ${escapeMarkdown(l, true)}`) : text.map((l) => `  ${l}`)), '');
    }
  }
  out.push(md ? '---' : '----', L.generated(APP_VERSION, report.id), '');
  return out.join('\n');
}
