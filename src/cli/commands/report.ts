// `device-mail-doctor report list | show ID | export ID --format ... | compare ID [ID2] | duplicate ID | delete ID |
// restore ID`
// over the offline report store. Exit codes: 0 ok, 1 problems (damaged files found, export blocked or failed),
// 2 bad input (unknown report, bad flag).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareReports, sameSite } from '../../main/export/compare-runs';
import {
  EXPORT_FORMATS,
  writeExport,
  buildExport,
  defaultExportName,
  type ExportFormat,
} from '../../main/export/export-report';
import { createChromiumPdfPrinter, DEFAULT_CHROMIUM_PATH } from '../../main/export/pdf';
import { renderComparisonText, renderReportText, renderSummaryRow } from '../../main/export/summary-text';
import { defaultReportsDir } from '../../main/store/default-dir';
import { createReportStore } from '../../main/store/report-store';
import { isStoreError } from '../../main/store/store-error';
import type { SessionSecrets } from '../../shared/secrets';
import { readSecretFromStdin, secretFromEnv } from '../secret-input';
import { dateValue } from '../validate';
import {
  EXIT_BAD_INPUT,
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  parseLang,
  printable,
  writeJson,
  type CliCommand,
  type CliIo,
} from '../io';

const HELP = `Usage: device-mail-doctor report <subcommand> [flags] [--reports-dir DIR]

  list [--search TEXT] [--customer X] [--site X] [--device X] [--code FINDING_CODE]
       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
  show ID [--json] [--lang ja|en]   (cause, fix, who acts and evidence of each finding)
  ID: the full id, a unique start of it, or "last" (the most recently updated report)
  export ID --format html|pdf|zip|ticket [--out FILE|-] [--lang ja|en] [--text] [--force]
       [--user ADDR] [--password-env VAR | --password-stdin] [--token-env VAR]
       (secrets given here are only scanned for: an export containing one is blocked)
  compare ID [ID2] [--json] [--lang ja|en]   (last two runs of ID, or the latest runs of ID and ID2)
  duplicate ID   (a new visit to the same site: same job and settings, no runs yet)
  delete ID      (moves the report to the trash)
  restore ID     (undoes a delete)

Reports folder: --reports-dir, else $DMD_REPORTS_DIR, else ${defaultReportsDir()}
Exit codes: 0 ok, 1 problems (export blocked or failed; list: damaged files sit in quarantine/), 2 bad input.
`;

/** Largest secret read from stdin, in bytes. */
const MAX_STDIN_SECRET_BYTES = 16_384;

const OPTIONS = {
  'reports-dir': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  search: { type: 'string' },
  customer: { type: 'string' },
  site: { type: 'string' },
  device: { type: 'string' },
  code: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  text: { type: 'boolean' },
  force: { type: 'boolean' },
  user: { type: 'string' },
  'password-env': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  'token-env': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function sessionSecrets(v: Values, io: CliIo): Promise<SessionSecrets[]> {
  if (v['password-env'] !== undefined && v['password-stdin'])
    throw new UsageError('use either --password-env or --password-stdin');
  const password = v['password-stdin']
    ? await readSecretFromStdin(io.stdin, 'password-stdin', MAX_STDIN_SECRET_BYTES)
    : v['password-env'] !== undefined
      ? secretFromEnv(io, 'password-env', v['password-env'])
      : undefined;
  const oauthToken =
    v['token-env'] !== undefined ? secretFromEnv(io, 'token-env', v['token-env']) : undefined;
  const out: SessionSecrets[] = [];
  if (password) out.push({ user: v.user, password });
  if (oauthToken) out.push({ user: v.user, oauthToken });
  return out;
}

function needId(positionals: string[], what: string): string {
  const id = positionals[1];
  if (!id)
    throw new UsageError(
      `${what} needs a report id, a unique start of one, or "last" (see: npx device-mail-doctor report list)`,
    );
  return id;
}

type Store = Awaited<ReturnType<typeof createReportStore>>;

/** Most candidates named when a prefix fits several reports. */
const MAX_AMBIGUOUS_SHOWN = 5;

/**
 * A report reference as a technician types it: the full id, a unique start of one (like git's short hashes), or
 * `last` (the most recently updated report). An exact id always wins over a prefix.
 */
export async function resolveReportId(store: Store, ref: string): Promise<string> {
  const { reports } = await store.list({});
  if (ref === 'last') {
    const latest = [...reports].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!latest) throw new UsageError('there are no reports yet ("last" needs one)');
    return latest.id;
  }
  if (reports.some((r) => r.id === ref)) return ref;
  const hits = reports.filter((r) => r.id.startsWith(ref));
  if (hits.length === 1 && hits[0]) return hits[0].id;
  if (hits.length > 1) {
    const shown = hits
      .slice(0, MAX_AMBIGUOUS_SHOWN)
      .map((r) => r.id)
      .join(', ');
    throw new UsageError(
      `"${printable(ref)}" fits ${hits.length} reports (${shown}${hits.length > MAX_AMBIGUOUS_SHOWN ? ', …' : ''}): type more of the id`,
    );
  }
  return ref; // unknown: the store says "not found" in its own words
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const sub = positionals[0];
  if (v.help || sub === undefined || sub === 'help') {
    io.stdout.write(HELP);
    return sub === undefined && !v.help ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const lang = parseLang(v.lang, io.env);
  for (const flag of ['from', 'to'] as const) if (v[flag] !== undefined) dateValue(flag, v[flag]);
  if (v.from !== undefined && v.to !== undefined && v.from > v.to)
    throw new UsageError(`--from ${v.from} is after --to ${v.to}`);
  const store = await createReportStore(
    v['reports-dir'] ? path.resolve(v['reports-dir']) : defaultReportsDir(io.env),
  );

  switch (sub) {
    case 'list': {
      const { reports, problems } = await store.list({
        text: v.search,
        customer: v.customer,
        site: v.site,
        device: v.device,
        findingCode: v.code,
        from: v.from,
        to: v.to,
      });
      if (v.json) writeJson(io, { reports, problems });
      else {
        for (const s of reports) io.stdout.write(`${renderSummaryRow(s, lang)}\n`);
        if (reports.length === 0)
          io.stdout.write(lang === 'ja' ? 'レポートはありません。\n' : 'No reports.\n');
      }
      for (const p of problems)
        io.stderr.write(
          `${p.kind}: ${printable(p.file, 100)} — ${printable(p.reason, 200)}${p.movedTo ? ` (moved to ${p.movedTo})` : ''}\n`,
        );
      return problems.some((p) => p.kind === 'quarantined') ? EXIT_PROBLEMS : EXIT_OK;
    }
    case 'show': {
      const report = await store.open(await resolveReportId(store, needId(positionals, 'show')));
      if (v.json) writeJson(io, report);
      else io.stdout.write(renderReportText(report, lang));
      return EXIT_OK;
    }
    case 'export': {
      const id = await resolveReportId(store, needId(positionals, 'export'));
      const format = v.format as ExportFormat | undefined;
      if (!format || !EXPORT_FORMATS.includes(format))
        throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
      const secrets = await sessionSecrets(v, io);
      const report = await store.open(id);
      const executablePath = io.env.DMD_CHROMIUM ?? DEFAULT_CHROMIUM_PATH;
      if (format === 'pdf' && !existsSync(executablePath)) {
        io.stderr.write(
          `device-mail-doctor report: PDF needs Chromium at ${printable(executablePath, 200)} (set DMD_CHROMIUM to the Chromium or Chrome executable; on Debian/Ubuntu: apt-get install chromium)\n`,
        );
        return EXIT_PROBLEMS;
      }
      const req = {
        format,
        lang,
        secrets,
        ticketFormat: v.text ? ('text' as const) : ('markdown' as const),
        pdf: createChromiumPdfPrinter({ executablePath }),
      };
      if (v.out === '-') {
        const res = await buildExport(report, req);
        io.stdout.write(Buffer.from(res.bytes));
        return EXIT_OK;
      }
      const out = path.resolve(v.out ?? defaultExportName(report, format, req.ticketFormat));
      if (existsSync(out) && !v.force)
        throw new UsageError(`${printable(out, 200)} exists (use --force to replace it)`);
      const res = await writeExport(report, req, out);
      io.stdout.write(`${res.path} (${res.bytes} bytes)\n`);
      return EXIT_OK;
    }
    case 'compare': {
      const a = await store.open(await resolveReportId(store, needId(positionals, 'compare')));
      const b = positionals[2] ? await store.open(await resolveReportId(store, positionals[2])) : a;
      const cmp = compareReports(a, b);
      if (!cmp)
        throw new UsageError(
          a === b ? 'the report needs at least two runs to compare' : 'both reports need at least one run',
        );
      if (!sameSite(a, b)) io.stderr.write('note: the two reports are for different customer sites\n');
      if (v.json) writeJson(io, cmp);
      else io.stdout.write(renderComparisonText(cmp, lang));
      return EXIT_OK;
    }
    case 'duplicate': {
      const copy = await store.duplicate(await resolveReportId(store, needId(positionals, 'duplicate')));
      io.stdout.write(`${copy.id}\n`);
      return EXIT_OK;
    }
    case 'delete': {
      const id = await resolveReportId(store, needId(positionals, 'delete'));
      await store.remove(id);
      io.stdout.write(`moved ${id} to the trash (undo: npx device-mail-doctor report restore ${id})\n`);
      return EXIT_OK;
    }
    case 'restore': {
      const report = await store.restore(needId(positionals, 'restore'));
      io.stdout.write(`restored ${report.id}\n`);
      return EXIT_OK;
    }
    default:
      throw new UsageError(
        `unknown subcommand "${printable(sub)}" (list, show, export, compare, duplicate, delete, restore)`,
      );
  }
}

export const reportCommand: CliCommand = {
  name: 'report',
  async run(argv, io) {
    try {
      return await run(argv, io);
    } catch (err) {
      if (!isStoreError(err)) throw err;
      // Unknown or malformed ids are bad input; blocked or failed writes and damaged files are problems.
      if (
        err.code === 'not-found' ||
        err.code === 'invalid-id' ||
        err.code === 'outside' ||
        err.code === 'exists' ||
        err.code === 'storage'
      )
        throw new UsageError(err.message);
      io.stderr.write(`device-mail-doctor report: ${printable(err.message, 300)}\n`);
      return EXIT_PROBLEMS;
    }
  },
};
