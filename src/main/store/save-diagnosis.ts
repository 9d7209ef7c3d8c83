// `diagnose --save` and the app's "save to report": a finished diagnosis becomes a run in a report. The
// diagnosis and the job are scanned for the session's secrets before anything is written (a hit writes nothing).
import type { Diagnosis } from '../../shared/model';
import type { JobInput, Report } from '../../shared/report';
import type { SessionSecrets } from '../../shared/secrets';
import type { ReportStore } from './report-store';
import { assertNoSecrets, stringLeaves } from './secret-guard';
import { StoreError } from './store-error';

export interface SaveDiagnosisOptions {
  /** Add the run to this existing report (a re-test at the same visit) instead of starting a new report. */
  reportId?: string;
  /** Why this run was made, e.g. "after the admin enabled SMTP AUTH". */
  label?: string;
  /** The technician chose to save a practice (lab) run (`--save-practice`, the app's confirmed action). */
  allowPractice?: boolean;
}

/** Job defaults taken from the diagnosis itself (what was entered to run it). */
function jobFrom(diagnosis: Diagnosis, job: JobInput): JobInput {
  return { ...job, method: job.method ?? diagnosis.method, settings: job.settings ?? diagnosis.target };
}

export async function saveDiagnosisAsReport(
  store: ReportStore,
  diagnosis: Diagnosis,
  job: JobInput,
  secrets: readonly SessionSecrets[],
  opts: SaveDiagnosisOptions = {},
): Promise<Report> {
  // A customer's report never silently gets a lab run: saving one is the technician's explicit choice.
  if (diagnosis.practice && !opts.allowPractice) {
    throw new StoreError(
      'invalid',
      `This is a practice run against the built-in lab (scenario ${diagnosis.practice.scenario}), not the customer's system: it is saved only when you choose to save it as practice.`,
    );
  }
  assertNoSecrets(
    'Saving the diagnosis',
    [...stringLeaves(diagnosis), ...stringLeaves(job), opts.label ?? ''],
    secrets,
  );
  const runOpts = { secrets, ...(opts.label ? { label: opts.label } : {}) };
  if (opts.reportId) return store.addRun(opts.reportId, diagnosis, runOpts);
  // One atomic write: a report never appears without its first run (a kill in between once left empty reports).
  return store.create(jobFrom(diagnosis, job), {
    secrets,
    firstRun: { diagnosis, ...(opts.label ? { label: opts.label } : {}) },
  });
}
