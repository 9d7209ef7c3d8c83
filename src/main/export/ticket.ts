// The support ticket for the Microsoft 365 admin, in the language they read, written TO the admin: what to change
// (narrowest command first: one mailbox before the whole organization), what was observed with its evidence, and
// what the technician already checked. Markdown (for
// ticket.md / helpdesks that render it) and plain text (to paste into any form). Server text is neutralised;
// in Markdown it goes into indented code blocks (literal by definition) or is escaped.
import { checkTitle } from '../../shared/check-registry';
import { checkSkipText } from '../../shared/skip-reasons';
import { adminRequest } from '../../shared/findings/admin-requests';
import { catalogEntry, renderFinding } from '../../shared/findings/catalog';
import { primaryFindingOf } from '../../shared/findings/primary-of';
import { formatLocalTime } from '../../shared/local-time';
import type { Lang, RenderedFinding } from '../../shared/model';
import { latestRun, type Report } from '../../shared/report';
import { APP_VERSION } from '../../shared/version';
import { compareRuns } from './compare-runs';
import { withJobParams } from './finding-params';
import { LABELS } from './labels';
import { practiceTag, reportPracticeWarning } from '../../shared/practice';
import { displayLine, escapeMarkdown, neutralize } from './text-safety';

export type TicketFormat = 'markdown' | 'text';

/** Most evidence lines quoted per finding, and their longest length in characters (tickets stay readable). */
const MAX_EVIDENCE_LINES = 8;
const MAX_EVIDENCE_CHARS = 500;

export interface TicketOptions {
  lang: Lang;
  format: TicketFormat;
  render?: (ref: Parameters<typeof renderFinding>[0], lang: Lang) => RenderedFinding;
  /** Fixed UTC offset for the times shown, in minutes east (tests); default: this machine's local time. */
  utcOffsetMinutes?: number;
}

const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}$/;
const PLAIN_IP = /^[0-9a-fA-F:.]{2,45}$/;

/** Fills the one-liner's `<mailbox>` / `<ip>` placeholders from the job when the value is a plain address. */
export function fillPowershell(
  ps: string,
  mailbox: string | undefined,
  ip: string | null | undefined,
): string {
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
  /** Finding codes are [A-Z0-9_]: literal in a code span, no escapes needed. */
  const codeRef = (c: string) => (md ? `\`${c.replace(/`/g, '')}\`` : c);
  const code = (lines: string[]) => lines.map((l) => `    ${l}`);
  const out: string[] = [];
  const { job } = report;
  const run = latestRun(report);
  const refs = run
    ? run.diagnosis.checks.flatMap((c) =>
        c.findings.map((f) => withJobParams(f, job, run.diagnosis.egressIp)),
      )
    : [];
  const findings = refs.map((ref) => ({ ref, f: render(ref, lang) }));
  const primary = run ? primaryFindingOf(run.diagnosis) : null;
  const top = primary ? render(primary.ref, lang) : findings[0]?.f;

  const tag = run?.diagnosis.practice ? `${practiceTag(run.diagnosis.practice, lang)} ` : '';
  const title = `${tag}${L.ticketTitle}: ${line(job.site || job.customer)}${top ? ` — ${line(top.title)}` : ''}`;
  out.push(md ? `# ${escapeMarkdown(title)}` : `${title}\n${'='.repeat(Math.min(70, title.length * 2))}`, '');
  // A practice run (練習用ラボ) says so in the ticket's first lines: an admin must never act on it.
  const practice = reportPracticeWarning(report.runs, lang);
  if (practice) out.push(md ? `> **${escapeMarkdown(practice)}**` : `!! ${practice}`, '');

  // What the admin is asked to change: every finding the admin acts on (also as second actor), once per code,
  // in words addressed to the admin, commands narrowest first. Only when there is none does the ticket say so.
  const seen = new Set<string>();
  const requests = findings.filter(({ ref }) => {
    if (seen.has(ref.code) || !catalogEntry(ref.code).actors.includes('admin')) return false;
    seen.add(ref.code);
    return true;
  });
  const device = job.device.model || L.device;
  out.push(
    L.dearAdmin,
    '',
    start(requests.length > 0 ? L.ticketIntro(job.site || job.customer, device) : L.ticketNoRequest),
    '',
  );
  if (requests.length > 0) {
    out.push(heading(L.requests), '');
    requests.forEach(({ ref, f }, i) => {
      const req = adminRequest(ref.code, ref.params, lang);
      out.push(
        `${i + 1}. ${bold(inline(f.title))}${f.predicted ? ` ${L.predicted}` : ''}`,
        `   ${start(req?.ask ?? f.fix)}`,
      );
      const commands = req?.commands.length
        ? req.commands
        : f.powershell
          ? [{ scope: 'read' as const, ps: f.powershell }]
          : [];
      for (const c of commands) {
        const ps = fillPowershell(c.ps, job.settings.user, run?.diagnosis.egressIp);
        out.push('', `   ${L.powershell} — ${L.commandScopes[c.scope]}:`, '', ...code([`   ${line(ps)}`]));
      }
      out.push('');
    });
  }

  out.push(heading(L.observed), '');
  if (findings.length === 0) out.push(run ? L.noFindings : L.noRuns, '');
  for (const { f } of findings) {
    out.push(
      `${md ? '- ' : '* '}${bold(inline(f.title))} (${codeRef(f.code)}) — ${L.who}: ${L.actors[f.actor]}${f.predicted ? ` ${L.predicted}` : ''}`,
    );
    out.push(`  ${start(f.cause)}`);
    if (!f.inMessageTrace) out.push(`  ${L.notInMessageTrace}`);
    const ev = (f.evidence ?? []).slice(0, MAX_EVIDENCE_LINES).map(line);
    if (ev.length > 0) out.push('', `  ${L.evidence}:`, '', ...code(ev.map((e) => `  ${e}`)));
    out.push('');
  }

  out.push(heading(L.ruledOut), '');
  const passed = run ? run.diagnosis.checks.filter((c) => c.status === 'pass') : [];
  const prev = report.runs[report.runs.length - 2];
  const fixed = run && prev ? compareRuns(prev.diagnosis, run.diagnosis).resolvedCodes : [];
  if (passed.length === 0 && fixed.length === 0) out.push(L.nothingRuledOut);
  for (const c of passed) out.push(`- ${start(checkTitle(c, lang))}: ${L.statuses.pass}`);
  for (const c of fixed) out.push(`- ${start(render({ code: c }, lang).title)}: ${L.fixedSince}`);
  out.push('');
  // What was not verified, and why: the admin must not read a skipped check as ruled out.
  const notRun = run ? run.diagnosis.checks.filter((c) => c.status === 'skip') : [];
  if (notRun.length > 0) {
    out.push(heading(L.notChecked), '');
    for (const c of notRun) {
      const why = checkSkipText(c, lang);
      out.push(`- ${start(checkTitle(c, lang))}${why ? `: ${inline(why)}` : ''}`);
    }
    out.push('');
  }

  out.push(heading(L.summary), '');
  const s = job.settings;
  const meta: [string, string | undefined][] = [
    [L.customer, job.customer],
    [L.site, job.site],
    [L.device, job.device.model],
    [L.method, L.methods[run?.diagnosis.method ?? job.method]],
    [L.runAt, run ? formatLocalTime(run.diagnosis.startedAt, opts.utcOffsetMinutes) : undefined],
    [L.verdict, run ? L.verdicts[run.diagnosis.verdict] : L.noRuns],
    [L.egressIp, run?.diagnosis.egressIp ?? undefined],
    [L.fields.host, s.host ? `${s.host}${s.port ? `:${s.port}` : ''}` : undefined],
    [L.fields.user, s.user],
    [L.fields.from, s.from],
    [L.technician, job.technician],
  ];
  for (const [k, v] of meta)
    if (v) out.push(md ? `- ${bold(escapeMarkdown(k))}: ${inline(v)}` : `${k}: ${line(v)}`);
  out.push('');

  if (report.notes.length > 0) {
    out.push(heading(L.notes), '');
    for (const n of report.notes) {
      const text = neutralize(n.text, true)
        .split('\n')
        .map((l) => displayLine(l, lang));
      out.push(...(md ? text.map((l) => `> ${escapeMarkdown(l, true)}`) : text.map((l) => `  ${l}`)), '');
    }
  }
  out.push(md ? '---' : '----', L.generated(APP_VERSION, report.id), '');
  return out.join('\n');
}
