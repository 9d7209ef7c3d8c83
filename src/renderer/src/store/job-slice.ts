// The job: who, where, which device, which method. Persisted across restarts (no secrets in here).
import { emptyIdentify } from './identify-slice';
import type { Job, JobSlice, QuestionKey, Slice } from './types';

function answeredWith(answered: readonly QuestionKey[], keys: readonly QuestionKey[]): QuestionKey[] {
  return [...answered, ...keys.filter((k) => !answered.includes(k))];
}

export function emptyJob(): Job {
  return {
    site: '',
    purpose: '',
    deviceId: null,
    generationId: 'current',
    identified: null,
    answers: {
      externalRecipients: 'unknown',
      staticIp: 'unknown',
      smtpAuth: 'unknown',
      securityDefaults: 'unknown',
      rejectDirectSend: 'unknown',
    },
    answered: [],
    auth: null,
    method: null,
    domain: '',
    mailbox: '',
    fromAddress: '',
    internalRecipient: '',
    externalRecipient: '',
    mxHost: '',
    staticIp: '',
    bind: '',
  };
}

export const createJobSlice: Slice<JobSlice> = (set) => ({
  job: emptyJob(),
  ticks: {},
  newJob: () =>
    set((s) => ({
      job: emptyJob(),
      ticks: {},
      screen: 'device',
      password: '',
      identify: emptyIdentify(),
      // A new job is a new visit: its runs go into a new report, never the previous visit's.
      jobReport: null,
      run: {
        ...s.run,
        phase: 'idle',
        runId: null,
        cancelling: false,
        checks: [],
        transcript: [],
        droppedRows: 0,
        diagnosis: null,
        error: null,
      },
    })),
  updateJob: (patch) => set((s) => ({ job: { ...s.job, ...patch } })),
  updateAnswers: (patch) =>
    set((s) => ({
      job: {
        ...s.job,
        answers: { ...s.job.answers, ...patch },
        answered: answeredWith(s.job.answered, Object.keys(patch) as QuestionKey[]),
      },
    })),
  // Another sign-in changes the checklist's steps: the ticks made for the old path no longer apply.
  setAuth: (auth) =>
    set((s) =>
      s.job.auth === auth
        ? {}
        : { job: { ...s.job, auth, answered: answeredWith(s.job.answered, ['auth']) }, ticks: {} },
    ),
  // A different device invalidates the method choice and the ticks made for the old one.
  selectDevice: (id, generationId = 'current') =>
    set((s) =>
      s.job.deviceId === id && s.job.generationId === generationId
        ? {}
        : { job: { ...s.job, deviceId: id, generationId, method: null }, ticks: {} },
    ),
  chooseMethod: (method) =>
    set((s) => (s.job.method === method ? {} : { job: { ...s.job, method }, ticks: {} })),
  toggleTick: (stepId) => set((s) => ({ ticks: { ...s.ticks, [stepId]: !s.ticks[stepId] } })),
});
