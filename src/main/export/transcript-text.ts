// transcript.txt for the support bundle: every run's redacted session transcript, one row per line, with
// control/ANSI/bidi characters made visible and long lines cut (the full rows stay in report.json).
import type { Lang } from '../../shared/model';
import type { Report } from '../../shared/report';
import { transcriptLine } from './html';
import { LABELS } from './labels';
import { practiceTag } from '../../shared/practice';
import { checkTitle } from '../../shared/check-registry';
import { checkSkipText } from '../../shared/skip-reasons';
import { METHOD_LABELS } from '../../shared/vocabulary';
import { formatLocalTime } from '../../shared/local-time';
import { displayLine, MAX_DOC_TRANSCRIPT_ROWS } from './text-safety';

/** `utcOffsetMinutes`: the offset to show times in (default: this machine's), as the other exports. */
export function renderTranscriptText(report: Report, lang: Lang, utcOffsetMinutes?: number): string {
  const L = LABELS[lang];
  const out: string[] = [];
  report.runs.forEach((run, i) => {
    const d = run.diagnosis;
    out.push(
      `# ${L.run} ${i + 1}${d.practice ? ` ${practiceTag(d.practice, lang)}` : ''} — ${displayLine(formatLocalTime(d.startedAt, utcOffsetMinutes), lang)} — ${L.verdicts[d.verdict]}`,
    );
    out.push(
      `# ${displayLine(`${d.target.host ?? ''}:${d.target.port ?? ''}`, lang)} (${METHOD_LABELS[lang][d.method]})`,
    );
    const shown = d.transcript.slice(0, MAX_DOC_TRANSCRIPT_ROWS);
    for (const r of shown)
      out.push(displayLine(`${transcriptLine(r)}${r.check ? `   [${r.check}]` : ''}`, lang));
    if (shown.length < d.transcript.length)
      out.push(`# ${L.transcriptCut(shown.length, d.transcript.length)}`);
    // Checks that did not run leave no rows: say which, and why, in the file's language.
    for (const c of d.checks) {
      const why = checkSkipText(c, lang);
      if (why) out.push(`# ${L.statuses.skip}: ${displayLine(`${checkTitle(c, lang)} — ${why}`, lang)}`);
    }
    out.push('');
  });
  if (report.runs.length === 0) out.push(L.noRuns);
  return `${out.join('\n')}\n`;
}
