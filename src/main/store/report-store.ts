// The report store: one JSON file per report in one folder, written atomically, with a trash folder (delete
// with undo) and a quarantine folder (damaged files are moved aside and listed as problems, never fatal).
// Electron-free: the app's main process, the CLI and tests all use it.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { Diagnosis } from '../../shared/model';
import { REPORT_SCHEMA_VERSION, ReportSchema, type JobInput, type Report } from '../../shared/report';
import type { SessionSecrets } from '../../shared/secrets';
import { APP_VERSION } from '../../shared/version';
import { moveFile, TEMP_SUFFIX, writeFileAtomic, type AtomicFsOps } from './atomic-write';
import { createAutosaver } from './autosave';
import { loadReportFile, serializeReport } from './report-file';
import { matchesQuery, summarize, type ReportQuery, type ReportSummary } from './report-search';
import { checkReportId, newReportId, resolveInside } from './safe-paths';
import { assertNoSecrets } from './secret-guard';
import { StoreError, storageError } from './store-error';

export const TRASH_DIR = 'trash';
export const QUARANTINE_DIR = 'quarantine';
/** Age after which a leftover temp file (from a crash mid-write) is removed, in milliseconds. */
export const STALE_TEMP_MS = 60_000;
/** Most files one listing reads, so a folder flooded with junk cannot stall the app. */
export const MAX_LISTED_FILES = 10_000;

export interface StoreProblem {
  file: string;
  kind: 'quarantined' | 'newer-version';
  reason: string;
  /** Where a quarantined file now lives, relative to the reports folder. */
  movedTo?: string;
}

export interface ListResult {
  reports: ReportSummary[];
  problems: StoreProblem[];
}

export interface ReportStoreOptions {
  appVersion?: string;
  now?: () => Date;
  autosaveDelayMs?: number;
  autosaveMaxWaitMs?: number;
  fsOps?: AtomicFsOps;
  /** The session's secrets (memory only): every write is scanned for them and blocked on a hit. */
  sessionSecrets?: () => readonly SessionSecrets[];
  onAutosaveError?: (err: unknown, id: string) => void;
}

export interface SaveOptions {
  /** Extra secrets to scan for, besides the store's session secrets. */
  secrets?: readonly SessionSecrets[];
}

export interface CreateOptions extends SaveOptions {
  previousReportId?: string;
  firstRun?: { diagnosis: Diagnosis; label?: string };
}

export interface ReportStore {
  readonly dir: string;
  /** A new report; with `firstRun` the report and its first run are written in one atomic step (both or neither). */
  create(job: JobInput, init?: CreateOptions): Promise<Report>;
  save(report: Report, opts?: SaveOptions): Promise<Report>;
  addRun(id: string, diagnosis: Diagnosis, opts?: SaveOptions & { label?: string }): Promise<Report>;
  open(id: string): Promise<Report>;
  list(query?: ReportQuery): Promise<ListResult>;
  duplicate(id: string): Promise<Report>;
  /** Moves the report to the trash; `restore(id)` undoes it. */
  remove(id: string): Promise<void>;
  restore(id: string): Promise<Report>;
  listTrash(): Promise<ReportSummary[]>;
  emptyTrash(): Promise<number>;
  /** Debounced save of the job in progress (errors go to onAutosaveError). */
  autosave(report: Report): void;
  flush(): Promise<void>;
}

const isReportFileName = (name: string) => name.endsWith('.json') && !name.startsWith('.');

export async function createReportStore(dir: string, opts: ReportStoreOptions = {}): Promise<ReportStore> {
  const root = path.resolve(dir);
  const trash = path.join(root, TRASH_DIR);
  const quarantine = path.join(root, QUARANTINE_DIR);
  try {
    await fsp.mkdir(trash, { recursive: true });
    await fsp.mkdir(quarantine, { recursive: true });
    // A folder we cannot write to fails here, before any work that would then be lost.
    await fsp.access(root, fsp.constants.W_OK);
  } catch (err) {
    throw storageError(err, root, 'cannot use the reports folder') ?? err;
  }
  const now = opts.now ?? (() => new Date());
  const appVersion = opts.appVersion ?? APP_VERSION;
  const fileOf = (id: string) => resolveInside(root, `${checkReportId(id)}.json`);
  const trashFileOf = (id: string) => resolveInside(trash, `${checkReportId(id)}.json`);

  // Writes to one report are serialised so an autosave and an explicit save never interleave.
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(id: string, fn: () => Promise<T>): Promise<T> => {
    const prev = queues.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const settled = next.catch(() => undefined);
    queues.set(id, settled);
    void settled.then(() => {
      if (queues.get(id) === settled) queues.delete(id);
    });
    return next;
  };

  async function quarantineFile(file: string, reason: string): Promise<StoreProblem> {
    const name = path.basename(file);
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const target = resolveInside(quarantine, `${name}.${stamp}.quarantined`);
    await moveFile(file, target, opts.fsOps);
    await fsp.writeFile(`${target}.why.txt`, `${reason}\n`).catch(() => undefined);
    return { file: name, kind: 'quarantined', reason, movedTo: path.relative(root, target) };
  }

  /** Why a readable report may not be used under this file name (its id is the file name), or null. */
  const idMismatch = (r: Report, id: string): string | null =>
    r.id === id ? null : `its id "${r.id}" does not match its file name "${id}.json"`;

  async function readOrQuarantine(id: string): Promise<Report> {
    const file = fileOf(id);
    const res = await loadReportFile(file);
    if (res.ok) {
      const wrong = idMismatch(res.value, id);
      if (!wrong) return res.value;
      const p = await quarantineFile(file, wrong);
      throw new StoreError('corrupt', `report ${id} was moved to ${p.movedTo ?? QUARANTINE_DIR}: ${wrong}`);
    }
    if (res.kind === 'missing') throw new StoreError('not-found', `no report with id ${id}`);
    if (res.kind === 'newer') throw new StoreError('newer', `report ${id} was ${res.reason}`);
    const p = await quarantineFile(file, res.reason);
    throw new StoreError(
      'corrupt',
      `report ${id} is damaged (${res.reason}); it was moved to ${p.movedTo ?? QUARANTINE_DIR}`,
    );
  }

  async function write(report: Report, so: SaveOptions = {}): Promise<Report> {
    const stamped = {
      ...report,
      schemaVersion: REPORT_SCHEMA_VERSION,
      appVersion,
      updatedAt: now().toISOString(),
    };
    const parsed = ReportSchema.safeParse(stamped);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StoreError(
        'invalid',
        `report not saved: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
      );
    }
    const text = serializeReport(parsed.data);
    assertNoSecrets('Saving the report', [text], [...(opts.sessionSecrets?.() ?? []), ...(so.secrets ?? [])]);
    try {
      await writeFileAtomic(fileOf(parsed.data.id), text, opts.fsOps);
    } catch (err) {
      throw storageError(err, root, `report ${parsed.data.id} not saved`) ?? err;
    }
    return parsed.data;
  }

  async function removeStaleTemps(names: string[]): Promise<void> {
    for (const name of names) {
      if (!name.startsWith('.') || !name.endsWith(TEMP_SUFFIX)) continue;
      const file = path.join(root, name);
      const st = await fsp.stat(file).catch(() => null);
      if (st && now().getTime() - st.mtimeMs > STALE_TEMP_MS) await fsp.rm(file, { force: true });
    }
  }

  async function earlierQuarantined(): Promise<StoreProblem[]> {
    const names = await fsp.readdir(quarantine).catch(() => [] as string[]);
    const out: StoreProblem[] = [];
    for (const name of names.filter((n) => n.endsWith('.quarantined'))) {
      const why = await fsp.readFile(path.join(quarantine, `${name}.why.txt`), 'utf8').catch(() => 'damaged');
      out.push({
        file: name.replace(/\.[^.]+\.quarantined$/, ''),
        kind: 'quarantined',
        reason: why.trim(),
        movedTo: path.join(QUARANTINE_DIR, name),
      });
    }
    return out;
  }

  const autosaver = createAutosaver<Report>({
    save: (r) => serial(r.id, () => write(r)),
    delayMs: opts.autosaveDelayMs,
    maxWaitMs: opts.autosaveMaxWaitMs,
    onError: (err, id) => opts.onAutosaveError?.(err, id),
  });

  const store: ReportStore = {
    dir: root,
    async create(job, init = {}) {
      const at = now().toISOString();
      const firstRun = init.firstRun
        ? [
            {
              id: 'run-1',
              savedAt: at,
              diagnosis: init.firstRun.diagnosis,
              ...(init.firstRun.label ? { label: init.firstRun.label } : {}),
            },
          ]
        : [];
      const report = ReportSchema.parse({
        schemaVersion: REPORT_SCHEMA_VERSION,
        id: newReportId(now()),
        createdAt: at,
        updatedAt: at,
        appVersion,
        job,
        runs: firstRun,
        checklist: [],
        notes: [],
        captures: [],
        ...(init.previousReportId ? { previousReportId: init.previousReportId } : {}),
      });
      return serial(report.id, () => write(report, init.secrets ? { secrets: init.secrets } : {}));
    },
    save(report, so) {
      autosaver.cancel(report.id);
      return serial(report.id, () => write(report, so));
    },
    addRun(id, diagnosis, so = {}) {
      return serial(id, async () => {
        const report = await readOrQuarantine(id);
        const run = {
          id: `run-${report.runs.length + 1}`,
          savedAt: now().toISOString(),
          diagnosis,
          ...(so.label ? { label: so.label } : {}),
        };
        return write({ ...report, runs: [...report.runs, run] }, so);
      });
    },
    open: (id) => readOrQuarantine(id),
    async list(query = {}) {
      const names = (await fsp.readdir(root)).slice(0, MAX_LISTED_FILES);
      await removeStaleTemps(names);
      const reports: ReportSummary[] = [];
      const problems: StoreProblem[] = await earlierQuarantined();
      for (const name of names.filter(isReportFileName)) {
        const file = path.join(root, name);
        const res = await loadReportFile(file);
        const wrong = res.ok ? idMismatch(res.value, name.slice(0, -'.json'.length)) : null;
        if (res.ok && wrong) {
          problems.push(await quarantineFile(file, wrong));
        } else if (res.ok) {
          if (matchesQuery(res.value, query)) reports.push(summarize(res.value, res.migratedFrom));
        } else if (res.kind === 'newer') {
          problems.push({ file: name, kind: 'newer-version', reason: res.reason });
        } else if (res.kind === 'invalid') {
          problems.push(await quarantineFile(file, res.reason));
        }
      }
      reports.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
      return { reports, problems };
    },
    async duplicate(id) {
      const source = await readOrQuarantine(id);
      return store.create(source.job, { previousReportId: source.id });
    },
    remove(id) {
      autosaver.cancel(id);
      return serial(id, async () => {
        const file = fileOf(id);
        await fsp.access(file).catch(() => {
          throw new StoreError('not-found', `no report with id ${id}`);
        });
        await moveFile(file, trashFileOf(id), opts.fsOps);
      });
    },
    restore(id) {
      return serial(id, async () => {
        const from = trashFileOf(id);
        const to = fileOf(id);
        if (
          await fsp.access(to).then(
            () => true,
            () => false,
          )
        )
          throw new StoreError('exists', `report ${id} already exists`);
        const res = await loadReportFile(from);
        if (!res.ok) throw new StoreError('not-found', `report ${id} is not in the trash`);
        await moveFile(from, to, opts.fsOps);
        return res.value;
      });
    },
    async listTrash() {
      const names = (await fsp.readdir(trash)).filter(isReportFileName);
      const out: ReportSummary[] = [];
      for (const name of names) {
        const res = await loadReportFile(path.join(trash, name));
        if (res.ok) out.push(summarize(res.value, res.migratedFrom));
      }
      return out;
    },
    async emptyTrash() {
      const names = (await fsp.readdir(trash)).filter(isReportFileName);
      for (const name of names) await fsp.rm(path.join(trash, name), { force: true });
      return names.length;
    },
    autosave(report) {
      checkReportId(report.id);
      autosaver.schedule(report.id, report);
    },
    flush: () => autosaver.flush(),
  };
  return store;
}
