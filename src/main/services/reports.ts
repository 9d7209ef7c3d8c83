// Reports over IPC: the Electron-free report store and exporters (src/main/store, src/main/export) behind the
// contract's channels. Every write and export is scanned for the secrets of this session's diagnoses (kept in
// memory only); a hit blocks it with a reason that never names the secret.
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  fail,
  ok,
  type ReportExported,
  type ReportFormat,
  type ReportListing,
  type ReportQuery,
  type Result,
} from '../../shared/ipc';
import type { Diagnosis, Lang } from '../../shared/model';
import type { JobInput, Report } from '../../shared/report';
import type { SessionSecrets } from '../../shared/secrets';
// Not './export' (its index also loads the Chromium printer, i.e. playwright-core, a dev-only dependency).
import { buildExport, defaultExportName, writeExport } from '../export/export-report';
import type { PdfPrinter } from '../export/pdf';
import { createReportStore, isStoreError, saveDiagnosisAsReport, type ReportStore } from '../store';
import { addCaptureToReport } from '../capture/report-entry';
import type { CaptureDiagnosis } from '../../shared/capture';

/** Where an export goes: Electron asks with a save dialog (null = cancelled); the bridge picks a folder. */
export type ExportTarget = (suggestedName: string, format: ReportFormat) => Promise<string | null>;

export interface ReportsDeps {
  dir: string;
  appVersion: string;
  exportTarget: ExportTarget;
  /** Electron printToPDF in the app; Chromium in the bridge; absent = PDF unavailable. */
  pdf?: PdfPrinter;
  /** The secrets of this session's diagnoses (memory only). */
  sessionSecrets: () => readonly SessionSecrets[];
}

/** Store errors as Results; anything else propagates to dispatch (→ 'internal'). */
async function guarded<T>(fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (err) {
    if (!isStoreError(err)) throw err;
    switch (err.code) {
      case 'not-found':
        return fail('not-found', err.message);
      case 'secret':
        return fail('secret-detected', err.message);
      case 'invalid-id':
      case 'outside':
      case 'invalid':
        return fail('invalid-argument', err.message);
      default:
        return fail('internal', err.message);
    }
  }
}

export function createReportsService(deps: ReportsDeps) {
  let storeP: Promise<ReportStore> | null = null;
  const store = () =>
    (storeP ??= createReportStore(deps.dir, {
      appVersion: deps.appVersion,
      sessionSecrets: deps.sessionSecrets,
    }));

  return {
    list: (query?: ReportQuery): Promise<Result<ReportListing>> =>
      guarded(async () => (await store()).list(query)),
    open: (id: string) => guarded(async () => (await store()).open(id)),
    create: (job: JobInput) => guarded(async () => (await store()).create(job)),
    save: (report: Report) => guarded(async () => (await store()).save(report)),
    addRun: (args: {
      id?: string | undefined;
      job?: JobInput | undefined;
      diagnosis: Diagnosis;
      label?: string | undefined;
      savePractice?: boolean | undefined;
    }) =>
      guarded(async () =>
        saveDiagnosisAsReport(await store(), args.diagnosis, args.job ?? {}, deps.sessionSecrets(), {
          ...(args.id ? { reportId: args.id } : {}),
          ...(args.label ? { label: args.label } : {}),
          ...(args.savePractice ? { allowPractice: true } : {}),
        }),
      ),
    remove: (id: string) => guarded(async () => (await (await store()).remove(id), null)),
    restore: (id: string) => guarded(async () => (await store()).restore(id)),
    addCapture: (id: string, d: CaptureDiagnosis) =>
      guarded(async () => {
        await addCaptureToReport(await store(), id, d, deps.sessionSecrets());
        return null;
      }),
    /** The ticket as text for the copy button: built and secret-scanned like an export, never written. */
    ticketText: (args: {
      id: string;
      lang: Lang;
      ticketFormat: 'markdown' | 'text';
    }): Promise<Result<string>> =>
      guarded(async () => {
        const report = await (await store()).open(args.id);
        const built = await buildExport(report, {
          format: 'ticket',
          lang: args.lang,
          ticketFormat: args.ticketFormat,
          secrets: deps.sessionSecrets(),
        });
        return Buffer.from(built.bytes).toString('utf8');
      }),
    async export(args: {
      id: string;
      format: ReportFormat;
      lang: Lang;
      ticketFormat?: 'markdown' | 'text' | undefined;
    }): Promise<Result<ReportExported>> {
      if (args.format === 'pdf' && !deps.pdf) return fail('unavailable', 'PDF export is not available here.');
      const opened = await guarded(async () => (await store()).open(args.id));
      if (!opened.ok) return opened;
      const target = await deps.exportTarget(
        defaultExportName(opened.value, args.format, args.ticketFormat),
        args.format,
      );
      if (target === null) return fail('cancelled', 'The export was cancelled.');
      return guarded(() =>
        writeExport(
          opened.value,
          {
            format: args.format,
            lang: args.lang,
            secrets: deps.sessionSecrets(),
            ...(args.ticketFormat ? { ticketFormat: args.ticketFormat } : {}),
            ...(deps.pdf ? { pdf: deps.pdf } : {}),
          },
          target,
        ),
      );
    },
  };
}

/** The bridge's (and tests') export target: a fixed folder, the suggested (sanitised) file name. */
export function folderExportTarget(dir: string): ExportTarget {
  return async (name) => {
    await mkdir(dir, { recursive: true });
    return join(dir, basename(name));
  };
}
