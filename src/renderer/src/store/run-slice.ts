// A diagnosis run: start (optionally against the built-in lab), stream step events, cancel, keep the verdict.
// The password lives here for the session only; persist's partialize never includes this slice.
import type { StepEvent } from '../../../shared/model';
import { resolveFromLoaded, toDeviceProfile } from '../../../shared/profiles-resolve';
import { client, errorText } from '../api/client';
import type { DiagnoseEventPayload as DiagnoseEventMessage, LabInfo } from '../api/types';
import type { InvokeArgs } from '../../../shared/ipc';

type ScenarioName = InvokeArgs<'lab:start'>[0]['scenario'] & string;
import { buildRequest } from '../lib/build-request';
import { effectiveAuth } from '../lib/auth-choice';
import { applyEvents, idleRun } from './run-events';
import type { RunSlice, Slice } from './types';

/** Scenario the practice picker starts with. */
export const DEFAULT_SCENARIO = 'healthy';

/** Most events held while waiting for diagnoseStart to return the runId. */
const MAX_PENDING_EVENTS = 2000;

/** Unsubscribe functions of runs still streaming, by runId. */
const streams = new Map<string, () => void>();

export const createRunSlice: Slice<RunSlice> = (set, get) => {
  /** Events arrive in bursts (transcripts): apply them in batches so a flood cannot starve the UI thread. */
  let queue: DiagnoseEventMessage[] = [];
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    const { runId, phase } = get().run;
    if (runId === null) {
      // Events can beat diagnoseStart's reply: hold them (bounded) until the runId is known.
      if (phase === 'starting') queue = [...batch, ...queue].slice(-MAX_PENDING_EVENTS);
      return;
    }
    const mine = batch.filter((m) => m.runId === runId).map((m) => m.event);
    if (mine.length > 0) set((s) => ({ run: applyEvents(s.run, mine) }));
    if (runId !== null && mine.some((e) => e.type === 'done')) {
      streams.get(runId)?.();
      streams.delete(runId);
      // Nothing lost: every finished run goes into the job's report by itself (a failed save shows a retry) —
      // except a practice run (練習用ラボ): a customer's report never silently gets one; the technician may save it
      // explicitly, after a confirmation that says it is practice (SaveToReport).
      const done = mine.find((e) => e.type === 'done');
      if (done?.type === 'done' && !done.diagnosis.practice) void get().saveRunToReport();
    }
  };
  const enqueue = (message: DiagnoseEventMessage) => {
    queue.push(message);
    if (!flushScheduled) {
      flushScheduled = true;
      setTimeout(flush, 0);
    }
  };

  return {
    run: idleRun(),
    password: '',
    oauthToken: '',
    sendTest: false,
    practice: { enabled: false, scenario: DEFAULT_SCENARIO, scenarios: [], lab: null, error: null },
    setPassword: (password) => set({ password }),
    setOauthToken: (oauthToken) => set({ oauthToken }),
    setSendTest: (sendTest) => set({ sendTest }),
    setPractice: (patch) => {
      set((s) => ({ practice: { ...s.practice, ...patch, error: null } }));
      // Leaving practice mode shuts the lab down: nothing keeps listening on loopback for no reason.
      if (patch.enabled === false) void get().stopLab();
    },
    loadScenarios: async () => {
      try {
        const scenarios = await client.labScenarios();
        set((s) => ({ practice: { ...s.practice, scenarios } }));
      } catch (err) {
        set((s) => ({ practice: { ...s.practice, error: errorText(err) } }));
      }
    },
    stopLab: async () => {
      if (get().practice.lab === null) return;
      set((s) => ({ practice: { ...s.practice, lab: null } }));
      try {
        await client.labStop();
      } catch (err) {
        set((s) => ({ practice: { ...s.practice, error: errorText(err) } }));
      }
    },
    ensureLab: async () => {
      const practice = get().practice;
      if (!practice.enabled) return null;
      // A new scenario is switched in place by main (same lab: ports, CA and the lab app's secret stay), so values
      // already shown or read stay true.
      const lab =
        practice.lab && practice.lab.scenario === practice.scenario
          ? practice.lab
          : await client.labStart(practice.scenario as ScenarioName);
      set((s) => ({ practice: { ...s.practice, lab, error: null } }));
      return lab;
    },
    startRun: async () => {
      const phase = get().run.phase;
      if (phase === 'starting' || phase === 'running') return;
      set({ run: { ...idleRun(), phase: 'starting' } });
      const fail = (error: string): void => {
        set((s) => ({ run: { ...s.run, phase: 'error', error } }));
      };

      let lab: LabInfo | null = null;
      const practice = get().practice;
      if (practice.enabled) {
        try {
          lab = await get().ensureLab();
        } catch (err) {
          set((s) => ({ practice: { ...s.practice, error: errorText(err) } }));
          fail(errorText(err));
          return;
        }
      }
      const s = get();
      const model = s.job.deviceId
        ? resolveFromLoaded(s.catalog.files, s.job.deviceId, s.job.generationId)
        : null;
      const device = model ? toDeviceProfile(model) : null;
      const auth = effectiveAuth(s.job, model);
      const built = buildRequest({
        job: s.job,
        settings: s.settings,
        device,
        password: s.password,
        oauthToken: s.oauthToken,
        auth,
        sendTest: s.sendTest,
        lab,
      });
      if (!built.ok) {
        fail(built.errors.join('\n'));
        return;
      }

      // Subscribe before starting so no early event is missed; events for other runs are ignored by flush().
      const offEvent = client.onDiagnoseEvent(enqueue);
      const offFailed = client.onDiagnoseFailed(({ runId, error }) => {
        if (runId !== get().run.runId) return;
        streams.get(runId)?.();
        streams.delete(runId);
        set((st) => ({
          run: { ...st.run, phase: 'error', cancelling: false, error: `${error.message} (${error.code})` },
        }));
      });
      const unsubscribe = () => {
        offEvent();
        offFailed();
      };
      try {
        const { runId } = await client.diagnoseStart(built.request);
        streams.set(runId, unsubscribe);
        set((st) => ({
          run: { ...st.run, runId, phase: st.run.phase === 'starting' ? 'running' : st.run.phase },
        }));
        flush();
      } catch (err) {
        unsubscribe();
        fail(errorText(err));
      }
    },
    cancelRun: async () => {
      const { runId, phase } = get().run;
      if (runId === null || phase !== 'running') return;
      set((s) => ({ run: { ...s.run, cancelling: true } }));
      try {
        await client.diagnoseCancel(runId);
      } catch (err) {
        set((s) => ({ run: { ...s.run, error: errorText(err) } }));
      }
    },
    receiveEvent: (runId: string, event: StepEvent) => enqueue({ runId, event }),
  };
};
