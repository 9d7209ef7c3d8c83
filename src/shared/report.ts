// The offline report: one site visit (the job), every diagnosis run, the checklist state, the technician's notes.
// Stored as JSON (one file per report) and read back through versioned migrations, so a file written by any older
// version opens in this one. Never holds a secret: the job keeps the settings entered (Target has no password).
import { z } from 'zod';
import { IdentifyEvidenceSchema } from './identify';
import { DiagnosisSchema, MethodChoiceSchema, TargetSchema, type Verdict } from './model';
import { REPORT_ID_PATTERN } from './report-id';

/** Schema version this build writes. Bump it together with a migration from the previous version. */
export const REPORT_SCHEMA_VERSION = 3;

/** Report ids: safe as file names on every OS, no dots at the start (no `..`, no hidden files). */
export { REPORT_ID_PATTERN };
export const ReportIdSchema = z.string().regex(REPORT_ID_PATTERN, 'report id: letters, digits, - and _ only');

/** Bounds, in characters, on what the technician types (keeps a report file small and a form usable). */
const SHORT_TEXT_MAX = 200;
const NOTE_TEXT_MAX = 20_000;

export const JobDeviceSchema = z.object({
  /** Printer/MFP model or application name as the technician calls it, e.g. "RICOH IM C3000". */
  model: z.string().max(SHORT_TEXT_MAX).default(''),
  /** Id of the device profile used (resources/printers), if any. */
  profileId: z.string().max(100).optional(),
  serial: z.string().max(SHORT_TEXT_MAX).optional(),
  /** Where the device stands, e.g. "2F copy room". */
  location: z.string().max(SHORT_TEXT_MAX).optional(),
  firmware: z.string().max(SHORT_TEXT_MAX).optional(),
  /** Firmware generation id of the profile (from identify's firmware rule or the technician's choice). */
  generation: z.string().max(100).optional(),
  /** What identify (SNMP + IPP) saw and matched: the evidence behind model, firmware and profile (schema 2+). */
  identified: IdentifyEvidenceSchema.optional(),
});
export type JobDevice = z.infer<typeof JobDeviceSchema>;

/** The job: who, where, which device, which method, and the settings entered — never secrets. */
export const JobSchema = z.object({
  customer: z.string().max(SHORT_TEXT_MAX).default(''),
  site: z.string().max(SHORT_TEXT_MAX).default(''),
  device: JobDeviceSchema.default({ model: '' }),
  method: MethodChoiceSchema.default('auto'),
  settings: TargetSchema.default({ method: 'auto', to: [], connectTo: [] }),
  /** Technician's name or initials, shown on exports. */
  technician: z.string().max(SHORT_TEXT_MAX).optional(),
});
export type Job = z.infer<typeof JobSchema>;
export type JobInput = z.input<typeof JobSchema>;

export const ReportRunSchema = z.object({
  id: z.string().min(1).max(80),
  savedAt: z.string(),
  /** Why this run was made, e.g. "after enabling SMTP AUTH for the mailbox". */
  label: z.string().max(SHORT_TEXT_MAX).optional(),
  diagnosis: DiagnosisSchema,
});
export type ReportRun = z.infer<typeof ReportRunSchema>;

/** State of one checklist step (src/shared/checklist.ts builds the steps; this records what was done). */
export const ChecklistItemStateSchema = z.object({
  stepId: z.string().min(1).max(100),
  done: z.boolean(),
  /** Value actually entered on the device, when it differs from the suggested one. */
  value: z.string().max(2000).optional(),
  note: z.string().max(2000).optional(),
  at: z.string().optional(),
});
export type ChecklistItemState = z.infer<typeof ChecklistItemStateSchema>;

export const NoteSchema = z.object({
  at: z.string(),
  text: z.string().max(NOTE_TEXT_MAX),
});
export type Note = z.infer<typeof NoteSchema>;

/** Capture sessions (what the device itself sent to the laptop); filled by capture mode, free-form for now. */
export const CaptureSessionSlotSchema = z.record(z.string(), z.unknown());

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  id: ReportIdSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Version of the app that last wrote the report. */
  appVersion: z.string().max(50),
  job: JobSchema,
  runs: z.array(ReportRunSchema).max(500),
  checklist: z.array(ChecklistItemStateSchema).max(500),
  notes: z.array(NoteSchema).max(500),
  captures: z.array(CaptureSessionSlotSchema).max(100),
  /** Set on a report made with "duplicate as a new visit": the report it continues. */
  previousReportId: ReportIdSchema.optional(),
});
export type Report = z.infer<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;

/** A step that turns a raw report of version N into version N + 1 (plain JSON in, plain JSON out). */
export type ReportMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** How one schema version reads any older file: its schema plus the migrations that lead to it. */
export interface ReportCodec<T extends { schemaVersion: number } = Report> {
  version: number;
  schema: z.ZodType<T>;
  /** migrations[n] upgrades a version-n object to n + 1. */
  migrations: Readonly<Record<number, ReportMigration>>;
}

/**
 * The registry this build uses. 1 → 2: schema 2 adds the optional `job.device.generation` / `job.device.identified`
 * (identify's evidence); a version-1 file has neither, so only the version moves. The bump exists so that an app
 * that knows only version 1 refuses a file holding evidence instead of dropping it on its next save.
 * 2 → 3: schema 3 adds the optional `runs[].diagnosis.practice` (a run against the built-in lab); a version-2 file
 * has none (all its runs read as real runs), so only the version moves, and an app that knows only version 2 refuses
 * a file with practice runs instead of silently dropping their label on its next save.
 */
export const REPORT_MIGRATIONS: Readonly<Record<number, ReportMigration>> = {
  1: (raw) => ({ ...raw, schemaVersion: 2 }),
  2: (raw) => ({ ...raw, schemaVersion: 3 }),
};

export const REPORT_CODEC: ReportCodec = {
  version: REPORT_SCHEMA_VERSION,
  schema: ReportSchema,
  migrations: REPORT_MIGRATIONS,
};

export type DecodeResult<T> =
  | { ok: true; value: T; migratedFrom: number | null }
  /** kind `newer`: written by a later app version (leave the file alone); `invalid`: damaged or not a report. */
  | { ok: false; kind: 'invalid' | 'newer'; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Upgrades a parsed JSON value through the codec's migrations, then validates it. Never throws. */
export function decodeReport<T extends { schemaVersion: number }>(
  raw: unknown,
  codec: ReportCodec<T>,
): DecodeResult<T> {
  if (!isRecord(raw)) return { ok: false, kind: 'invalid', reason: 'not a JSON object' };
  const from = raw.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, kind: 'invalid', reason: 'missing or bad schemaVersion' };
  }
  if (from > codec.version) {
    return {
      ok: false,
      kind: 'newer',
      reason: `written by a newer app (schema ${from}, this app reads up to ${codec.version})`,
    };
  }
  let current: Record<string, unknown> = raw;
  for (let v = from; v < codec.version; v++) {
    const step = codec.migrations[v];
    if (!step) return { ok: false, kind: 'invalid', reason: `no migration from schema ${v}` };
    try {
      current = step(current);
    } catch (err) {
      return {
        ok: false,
        kind: 'invalid',
        reason: `migration from schema ${v} failed: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
  }
  const parsed = codec.schema.safeParse(current);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    return {
      ok: false,
      kind: 'invalid',
      reason: `schema ${codec.version} check failed at ${where}: ${first?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, value: parsed.data, migratedFrom: from === codec.version ? null : from };
}

/** The run a report's summary and exports speak about: the most recent one. */
export function latestRun(report: Pick<Report, 'runs'>): ReportRun | undefined {
  return report.runs[report.runs.length - 1];
}

/** One line of the report list: the store's summary of a report (also what crosses IPC). */
export interface ReportSummary {
  id: string;
  customer: string;
  site: string;
  deviceModel: string;
  method: string;
  createdAt: string;
  updatedAt: string;
  runCount: number;
  lastVerdict: Verdict | null;
  lastRunAt: string | null;
  /** Finding codes of the latest run, in order of appearance. */
  findingCodes: string[];
  /** Lab scenario of the latest run when it was a practice run (練習用ラボ), else absent. */
  lastRunPractice?: string | undefined;
  /** How many of the runs are practice runs (absent or 0: none). */
  practiceRuns?: number | undefined;
  previousReportId?: string | undefined;
  /** Schema version the file was migrated from on reading, or null when it was current. */
  migratedFrom: number | null;
}
