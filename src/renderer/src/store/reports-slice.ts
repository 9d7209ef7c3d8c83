// Saved reports: the list (with search), the open report, notes, exports, delete with undo, and the job's own
// report that "Save to report" adds runs to. Every call goes through main, which scans each write for secrets.
import type { Lang } from '../../../shared/model';
import { sameSite } from '../../../shared/compare-runs';
import type { Report, ReportRun } from '../../../shared/report';
import { client, ClientError, errorText } from '../api/client';
import type { ReportExported, ReportListing, ReportQuery } from '../api/types';
import { reportJobFrom } from '../features/reports/report-job';
import type { Slice } from './types';

export type ExportKind = 'html' | 'pdf' | 'zip' | 'ticket';

export interface ReportsState {
  query: ReportQuery;
  listing: ReportListing | null;
  loading: boolean;
  error: string | null;
  open: Report | null;
  /** The last report deleted, until Undo or the next delete. */
  deleted: { id: string; label: string; jobReport: { id: string; site: string } | null } | null;
  exported: (ReportExported & { format: ExportKind }) | null;
  /** Why the last export failed; `blocked` when the secret scan stopped it. */
  exportError: { message: string; blocked: boolean } | null;
  ticketText: string | null;
  busy: boolean;
  /** Runs of the other visits to the open report's customer site (for before/after across visits). */
  siteRuns: SiteRun[];
}

/** A run of a visit to the same customer site, with the visit it belongs to. */
export interface SiteRun {
  reportId: string;
  run: ReportRun;
}

/** Other visits to the same site read for comparison (each is one file read). */
export const MAX_SITE_REPORTS_COMPARED = 10;

export interface ReportsSlice {
  reports: ReportsState;
  /** The report this job's runs are saved into, and the site it was made for (a new site starts a new report). */
  jobReport: { id: string; site: string } | null;
  saveRunState: { phase: 'idle' | 'saving' | 'saved' | 'error'; error: string | null; runId: string | null };
  loadReports: (query?: ReportQuery) => Promise<void>;
  openReport: (id: string) => Promise<void>;
  closeReport: () => void;
  saveNotes: (text: string) => Promise<void>;
  exportReport: (format: ExportKind, lang: Lang, ticketFormat?: 'markdown' | 'text') => Promise<void>;
  loadTicketText: (lang: Lang, ticketFormat: 'markdown' | 'text') => Promise<void>;
  deleteReport: (id: string) => Promise<void>;
  undoDelete: () => Promise<void>;
  /** Adds the finished run to the job's report; a practice (lab) run only with `practiceConfirmed` (else refused). */
  saveRunToReport: (opts?: { practiceConfirmed?: boolean }) => Promise<void>;
}

export const idleReports = (): ReportsState => ({
  query: {},
  listing: null,
  loading: false,
  error: null,
  open: null,
  deleted: null,
  exported: null,
  exportError: null,
  ticketText: null,
  busy: false,
  siteRuns: [],
});

const blocked = (err: unknown) => err instanceof ClientError && err.code === 'secret-detected';

export const createReportsSlice: Slice<ReportsSlice> = (set, get) => {
  const patch = (p: Partial<ReportsState>) => set((s) => ({ reports: { ...s.reports, ...p } }));
  return {
    reports: idleReports(),
    jobReport: null,
    saveRunState: { phase: 'idle', error: null, runId: null },
    loadReports: async (query) => {
      const q = query ?? get().reports.query;
      patch({ query: q, loading: true, error: null });
      try {
        patch({ listing: await client.reportList(q), loading: false });
      } catch (err) {
        patch({ loading: false, error: errorText(err) });
      }
    },
    openReport: async (id) => {
      patch({ busy: true, error: null, exported: null, exportError: null, ticketText: null, siteRuns: [] });
      let open: Report;
      try {
        open = await client.reportOpen(id);
        patch({ open, busy: false });
      } catch (err) {
        patch({ busy: false, error: errorText(err) });
        return;
      }
      // Other visits to the same customer site: their runs can be compared with this one's (before/after a fix).
      const fold = (x: string) => x.normalize('NFKC').trim().toLowerCase();
      const others = (get().reports.listing?.reports ?? [])
        .filter(
          (r) =>
            r.id !== id &&
            r.runCount > 0 &&
            fold(r.customer) === fold(open.job.customer) &&
            fold(r.site) === fold(open.job.site),
        )
        .slice(0, MAX_SITE_REPORTS_COMPARED);
      const siteRuns: SiteRun[] = [];
      for (const item of others) {
        try {
          const other = await client.reportOpen(item.id);
          if (sameSite(other, open)) siteRuns.push(...other.runs.map((run) => ({ reportId: other.id, run })));
        } catch {
          // A visit that cannot be read is simply not offered for comparison (the list shows it as a problem).
        }
      }
      if (get().reports.open?.id === id) patch({ siteRuns });
    },
    closeReport: () =>
      patch({ open: null, exported: null, exportError: null, ticketText: null, siteRuns: [] }),
    saveNotes: async (text) => {
      const open = get().reports.open;
      if (!open) return;
      // One editable note: the technician's text replaces the earlier notes (an empty box clears them).
      const notes = text.trim() === '' ? [] : [{ at: new Date().toISOString(), text }];
      patch({ busy: true, error: null });
      try {
        const saved = await client.reportSave({ report: { ...open, notes } });
        patch({ open: saved, busy: false });
        void get().loadReports();
      } catch (err) {
        patch({ busy: false, error: errorText(err) });
      }
    },
    exportReport: async (format, lang, ticketFormat) => {
      const open = get().reports.open;
      if (!open) return;
      patch({ busy: true, exported: null, exportError: null });
      try {
        const done = await client.reportExport({
          id: open.id,
          format,
          lang,
          ...(ticketFormat ? { ticketFormat } : {}),
        });
        patch({ busy: false, exported: { ...done, format } });
      } catch (err) {
        patch({ busy: false, exportError: { message: errorText(err), blocked: blocked(err) } });
      }
    },
    loadTicketText: async (lang, ticketFormat) => {
      const open = get().reports.open;
      if (!open) return;
      patch({ ticketText: null, exportError: null });
      try {
        patch({ ticketText: await client.reportTicketText({ id: open.id, lang, ticketFormat }) });
      } catch (err) {
        patch({ exportError: { message: errorText(err), blocked: blocked(err) } });
      }
    },
    deleteReport: async (id) => {
      const item = get().reports.listing?.reports.find((r) => r.id === id);
      const label = item ? [item.customer, item.site].filter(Boolean).join(' / ') || id : id;
      patch({ error: null });
      try {
        await client.reportDelete(id);
        set((s) => ({
          reports: {
            ...s.reports,
            // Undo also gives the job its report back when it was the one deleted.
            deleted: { id, label, jobReport: s.jobReport?.id === id ? s.jobReport : null },
            open: s.reports.open?.id === id ? null : s.reports.open,
          },
          jobReport: s.jobReport?.id === id ? null : s.jobReport,
        }));
        await get().loadReports();
      } catch (err) {
        patch({ error: errorText(err) });
      }
    },
    undoDelete: async () => {
      const deleted = get().reports.deleted;
      if (!deleted) return;
      try {
        await client.reportRestore(deleted.id);
        set((s) => ({
          reports: { ...s.reports, deleted: null },
          jobReport: deleted.jobReport ?? s.jobReport,
        }));
        await get().loadReports();
      } catch (err) {
        patch({ error: errorText(err) });
      }
    },
    saveRunToReport: async (opts = {}) => {
      const s = get();
      const diagnosis = s.run.diagnosis;
      if (!diagnosis || s.saveRunState.phase === 'saving') return;
      // A customer's report never silently gets a lab run: without the technician's confirmation, nothing is sent.
      if (diagnosis.practice && !opts.practiceConfirmed) return;
      set({ saveRunState: { phase: 'saving', error: null, runId: s.run.runId } });
      const same = s.jobReport && s.jobReport.site === s.job.site ? s.jobReport.id : undefined;
      try {
        // Reached for a practice (lab) run only from SaveToReport's confirmed action (never the auto-save).
        const practice = diagnosis.practice && opts.practiceConfirmed ? { savePractice: true } : {};
        const report = await client.reportAddRun(
          same
            ? { id: same, diagnosis, ...practice }
            : { job: reportJobFrom(s.job, diagnosis), diagnosis, ...practice },
        );
        set({
          jobReport: { id: report.id, site: s.job.site },
          saveRunState: { phase: 'saved', error: null, runId: s.run.runId },
        });
      } catch (err) {
        // The job's report may have been deleted meanwhile: forget it so the next save starts a new one.
        const gone = err instanceof ClientError && err.code === 'not-found';
        set((st) => ({
          jobReport: gone ? null : st.jobReport,
          saveRunState: { phase: 'error', error: errorText(err), runId: s.run.runId },
        }));
      }
    },
  };
};

export const reportsSel = {
  reports: (s: ReportsSlice) => s.reports,
  listing: (s: ReportsSlice) => s.reports.listing,
  open: (s: ReportsSlice) => s.reports.open,
  deleted: (s: ReportsSlice) => s.reports.deleted,
  jobReport: (s: ReportsSlice) => s.jobReport,
  saveRunState: (s: ReportsSlice) => s.saveRunState,
};

/** The slice's actions in one shallow-compared pick. */
export const reportsActions = (s: ReportsSlice) => ({
  loadReports: s.loadReports,
  openReport: s.openReport,
  closeReport: s.closeReport,
  saveNotes: s.saveNotes,
  exportReport: s.exportReport,
  loadTicketText: s.loadTicketText,
  deleteReport: s.deleteReport,
  undoDelete: s.undoDelete,
  saveRunToReport: s.saveRunToReport,
});
