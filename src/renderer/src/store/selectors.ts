// Small named selectors, grouped per slice. Derived arrays go through useShallow at the call site.
import type { Store } from './types';

export const jobSel = {
  job: (s: Store) => s.job,
  answers: (s: Store) => s.job.answers,
  method: (s: Store) => s.job.method,
  ticks: (s: Store) => s.ticks,
  deviceId: (s: Store) => s.job.deviceId,
  generationId: (s: Store) => s.job.generationId,
  identified: (s: Store) => s.job.identified,
};

export const identifySel = {
  identify: (s: Store) => s.identify,
};

export const catalogSel = {
  files: (s: Store) => s.catalog.files,
  problems: (s: Store) => s.catalog.problems,
  loading: (s: Store) => s.catalog.loading,
  error: (s: Store) => s.catalog.error,
  importErrors: (s: Store) => s.catalog.importErrors,
  importedLabel: (s: Store) => s.catalog.importedLabel,
};

export const runSel = {
  run: (s: Store) => s.run,
  phase: (s: Store) => s.run.phase,
  busy: (s: Store) => s.run.phase === 'starting' || s.run.phase === 'running',
  checks: (s: Store) => s.run.checks,
  transcript: (s: Store) => s.run.transcript,
  diagnosis: (s: Store) => s.run.diagnosis,
  password: (s: Store) => s.password,
  oauthToken: (s: Store) => s.oauthToken,
  sendTest: (s: Store) => s.sendTest,
  practice: (s: Store) => s.practice,
};

export const settingsSel = {
  settings: (s: Store) => s.settings,
  lang: (s: Store) => s.settings.lang,
};

export const appSel = {
  screen: (s: Store) => s.screen,
  appInfo: (s: Store) => s.appInfo,
  interfaces: (s: Store) => s.interfaces,
};

/** Actions never change identity: components take them in one shallow-compared pick. */
export const actions = (s: Store) => ({
  newJob: s.newJob,
  updateJob: s.updateJob,
  updateAnswers: s.updateAnswers,
  selectDevice: s.selectDevice,
  chooseMethod: s.chooseMethod,
  setAuth: s.setAuth,
  toggleTick: s.toggleTick,
  setIdentifyForm: s.setIdentifyForm,
  detect: s.detect,
  cancelDetect: s.cancelDetect,
  loadCatalog: s.loadCatalog,
  importProfile: s.importProfile,
  setPassword: s.setPassword,
  setOauthToken: s.setOauthToken,
  ensureLab: s.ensureLab,
  setSendTest: s.setSendTest,
  setPractice: s.setPractice,
  startRun: s.startRun,
  cancelRun: s.cancelRun,
  stopLab: s.stopLab,
  updateSettings: s.updateSettings,
  go: s.go,
});
