// The app's one store, composed from slices; persisted with partialize (job, ticks, settings — never secrets).
import { createJSONStorage, persist } from 'zustand/middleware';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createAppSlice } from './app-slice';
import { createCatalogSlice } from './catalog-slice';
import { createJobSlice } from './job-slice';
import { createRunSlice } from './run-slice';
import { createSettingsSlice } from './settings-slice';
import { createReportsSlice } from './reports-slice';
import { createCaptureSlice } from './capture-slice';
import type { Diagnosis } from '../../../shared/model';
import { idleRun, skipOf } from './run-events';
import { createIdentifySlice, validEvidence } from './identify-slice';
import { validAnswered, validAuth } from '../lib/auth-choice';
import type { Job, RunState, Screen, Settings, Store } from './types';

/** Transcript rows kept with the persisted last result (the full run is in the job's report on disk). */
export const PERSIST_TRANSCRIPT_ROWS = 500;

/** Storage key; bump PERSIST_VERSION when the persisted shape changes. */
export const PERSIST_KEY = 'device-mail-doctor';
export const PERSIST_VERSION = 1;

export interface PersistedState {
  job: Job;
  ticks: Record<string, boolean>;
  settings: Settings;
  screen: Screen;
  /** The report this job's runs go into (an id, no secret). */
  jobReport?: { id: string; site: string } | null;
  /** The last finished run's result, so a restart shows it again (diagnoses are redacted: no secret inside). */
  lastRun?: { runId: string | null; diagnosis: Diagnosis; saved: boolean } | null;
}

/** Exactly what survives a restart. The password, the run and the lab are deliberately absent. */
export function persistedPart(s: Store): PersistedState {
  const d = s.run.phase === 'done' ? s.run.diagnosis : null;
  const saved = s.saveRunState.phase === 'saved' && s.saveRunState.runId === s.run.runId;
  const lastRun = d
    ? {
        runId: s.run.runId,
        diagnosis: { ...d, transcript: d.transcript.slice(0, PERSIST_TRANSCRIPT_ROWS) },
        saved,
      }
    : null;
  return {
    job: s.job,
    ticks: s.ticks,
    settings: s.settings,
    screen: s.screen,
    jobReport: s.jobReport,
    lastRun,
  };
}

/** The run state a persisted last result comes back as (done, its checks and transcript shown again). */
function restoredRun(v: unknown): { run: RunState; saved: boolean; runId: string | null } | null {
  const o = obj(v);
  const d = obj(o.diagnosis) as Partial<Diagnosis>;
  if (!Array.isArray(d.checks) || !Array.isArray(d.transcript) || typeof d.verdict !== 'string') return null;
  const diagnosis = d as Diagnosis;
  const runId = typeof o.runId === 'string' ? o.runId : null;
  const run: RunState = {
    ...idleRun(),
    phase: 'done',
    runId,
    diagnosis,
    checks: diagnosis.checks.map((c) => ({
      id: c.id,
      title: c.title,
      state: c.status,
      durationMs: c.durationMs,
      codes: Array.isArray(c.findings) ? c.findings.map((f) => f.code) : [],
      ...(c.details && typeof c.details === 'object' ? skipOf(c) : {}),
    })),
    transcript: diagnosis.transcript,
  };
  return { run, saved: o.saved === true, runId };
}

const SCREENS: readonly Screen[] = [
  'device',
  'method',
  'checklist',
  'diagnose',
  'reports',
  'capture',
  'settings',
];
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A persisted job report reference, if well formed (storage may have been edited). */
function validJobReport(v: unknown): { id: string; site: string } | null {
  const o = obj(v);
  return typeof o.id === 'string' && typeof o.site === 'string' ? { id: o.id, site: o.site } : null;
}

export function createAppStore() {
  return createStore<Store>()(
    persist(
      (...a) => ({
        ...createJobSlice(...a),
        ...createCatalogSlice(...a),
        ...createRunSlice(...a),
        ...createSettingsSlice(...a),
        ...createAppSlice(...a),
        ...createReportsSlice(...a),
        ...createCaptureSlice(...a),
        ...createIdentifySlice(...a),
      }),
      {
        name: PERSIST_KEY,
        version: PERSIST_VERSION,
        storage: createJSONStorage(() => localStorage),
        partialize: persistedPart,
        // Shallow-merge nested objects so fields added in later versions keep their defaults.
        merge: (persisted, current) => {
          // Storage is outside our control (edited, older versions): take only objects, keep defaults otherwise.
          const p = obj(persisted) as Partial<PersistedState>;
          const job = obj(p.job) as Partial<Job>;
          return {
            ...current,
            job: {
              ...current.job,
              ...job,
              answers: { ...current.job.answers, ...obj(job.answers) },
              answered: validAnswered(job.answered),
              auth: validAuth(job.auth),
              identified: validEvidence(job.identified),
            },
            ticks: obj(p.ticks) as Record<string, boolean>,
            settings: { ...current.settings, ...obj(p.settings) },
            screen: SCREENS.includes(p.screen as Screen) ? (p.screen as Screen) : current.screen,
            jobReport: validJobReport(p.jobReport) ?? current.jobReport,
            ...(() => {
              const back = restoredRun(p.lastRun);
              if (!back) return {};
              return {
                run: back.run,
                saveRunState: back.saved
                  ? { phase: 'saved' as const, error: null, runId: back.runId }
                  : current.saveRunState,
              };
            })(),
          };
        },
      },
    ),
  );
}

export const appStore = createAppStore();

export function useApp<T>(selector: (s: Store) => T): T {
  return useStore(appStore, selector);
}

export type { Store } from './types';
