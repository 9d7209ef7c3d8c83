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
import { createIdentifySlice, validEvidence } from './identify-slice';
import type { Job, Screen, Settings, Store } from './types';

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
}

/** Exactly what survives a restart. The password, the run and the lab are deliberately absent. */
export function persistedPart(s: Store): PersistedState {
  return { job: s.job, ticks: s.ticks, settings: s.settings, screen: s.screen, jobReport: s.jobReport };
}

const SCREENS: readonly Screen[] = ['device', 'method', 'checklist', 'diagnose', 'reports', 'capture', 'settings'];
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

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
            job: { ...current.job, ...job, answers: { ...current.job.answers, ...obj(job.answers) }, identified: validEvidence(job.identified) },
            ticks: obj(p.ticks) as Record<string, boolean>,
            settings: { ...current.settings, ...obj(p.settings) },
            screen: SCREENS.includes(p.screen as Screen) ? (p.screen as Screen) : current.screen,
            jobReport: validJobReport(p.jobReport) ?? current.jobReport,
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
