// The store's shape: one store composed from slices (zustand slices pattern). Actions live at the root.
import type { StateCreator } from 'zustand';
import type { ReadSkipReason } from '../../../shared/skip-reasons';
import type { Check, Diagnosis, Lang, Method, StepEvent, TranscriptRow } from '../../../shared/model';
import type { AppInfo, LabInfo, NetInterface, FieldIssue } from '../api/types';
import type { LoadedProfileFile, Origin } from '../../../shared/profiles-resolve';
import type { ReportsSlice } from './reports-slice';
import type { CaptureSlice } from './capture-slice';
import type { IdentifySlice } from './identify-slice';
import type { IdentifyEvidence } from '../../../shared/identify';

export type Screen = 'device' | 'method' | 'checklist' | 'diagnose' | 'reports' | 'capture' | 'settings';
export type TriState = 'yes' | 'no' | 'unknown';
/** How the device signs in on client submission: user name + password (基本認証) or OAuth (XOAUTH2). */
export type AuthChoice = 'basic' | 'oauth';
/** The method screen's questions, in the order it asks them. */
export type QuestionKey = 'auth' | keyof AdvisorAnswers;

export interface AdvisorAnswers {
  externalRecipients: TriState;
  staticIp: TriState;
  smtpAuth: 'enabled' | 'disabled' | 'unknown';
  securityDefaults: 'on' | 'off' | 'unknown';
  rejectDirectSend: 'on' | 'off' | 'unknown';
}

/** The technician's job: customer site, device, purpose and the values the checklist computes from. */
export interface Job {
  site: string;
  purpose: string;
  /** Model id from the profiles, and its firmware generation ('current' = today's firmware). */
  deviceId: string | null;
  generationId: string;
  /** What Detect (SNMP + IPP) saw and matched; kept as evidence in the report. */
  identified: IdentifyEvidence | null;
  answers: AdvisorAnswers;
  /** Questions the technician answered (an unanswered one counts as "unknown" and may still be asked). */
  answered: QuestionKey[];
  /** The one sign-in choice; null = not chosen yet (then 基本認証: what a device does without OAuth set up). */
  auth: AuthChoice | null;
  method: Method | null;
  domain: string;
  mailbox: string;
  fromAddress: string;
  internalRecipient: string;
  externalRecipient: string;
  mxHost: string;
  staticIp: string;
  /** Local address to bind for the diagnosis ('' = let the OS choose). */
  bind: string;
}

export interface JobSlice {
  job: Job;
  ticks: Record<string, boolean>;
  newJob: () => void;
  updateJob: (patch: Partial<Omit<Job, 'answers' | 'answered' | 'auth'>>) => void;
  /** Sets the sign-in choice everywhere at once: advisor, checklist and diagnosis read it. */
  setAuth: (auth: AuthChoice) => void;
  updateAnswers: (patch: Partial<AdvisorAnswers>) => void;
  selectDevice: (id: string | null, generationId?: string) => void;
  chooseMethod: (method: Method) => void;
  toggleTick: (stepId: string) => void;
}

export interface CatalogSlice {
  catalog: {
    files: LoadedProfileFile[];
    /** Bundled or imported files that failed validation (reported, never fatal). */
    problems: { path: string; origin: Origin; errors: FieldIssue[] }[];
    loading: boolean;
    error: string | null;
    importErrors: FieldIssue[];
    importedLabel: string | null;
  };
  loadCatalog: () => Promise<void>;
  importProfile: (fileName: string, text: string) => Promise<void>;
}

export interface CheckProgress {
  id: string;
  title: string;
  state: 'running' | Check['status'];
  durationMs?: number;
  /** Codes of the check's findings: they say which checklist step a failure is about. */
  codes?: string[];
  /** Why a skipped check did not run (rendered in the screen's language by shared/skip-reasons.ts). */
  skip?: ReadSkipReason;
}

export type RunPhase = 'idle' | 'starting' | 'running' | 'done' | 'error';

export interface RunState {
  phase: RunPhase;
  runId: string | null;
  cancelling: boolean;
  checks: CheckProgress[];
  transcript: TranscriptRow[];
  /** Rows dropped once the transcript bound was reached. */
  droppedRows: number;
  diagnosis: Diagnosis | null;
  error: string | null;
}

export interface PracticeState {
  enabled: boolean;
  scenario: string;
  scenarios: string[];
  lab: LabInfo | null;
  error: string | null;
}

export interface RunSlice {
  run: RunState;
  /** Session-only secret: never persisted, never logged. */
  password: string;
  /** Session-only OAuth access token from the device code sign-in (memory only, like the password). */
  oauthToken: string;
  sendTest: boolean;
  practice: PracticeState;
  setPassword: (password: string) => void;
  setOauthToken: (token: string) => void;
  setSendTest: (send: boolean) => void;
  setPractice: (patch: Partial<Pick<PracticeState, 'enabled' | 'scenario'>>) => void;
  loadScenarios: () => Promise<void>;
  startRun: () => Promise<void>;
  cancelRun: () => Promise<void>;
  receiveEvent: (runId: string, event: StepEvent) => void;
  stopLab: () => Promise<void>;
  /** Practice mode: the lab for the chosen scenario, started (or switched) when needed. */
  ensureLab: () => Promise<LabInfo | null>;
}

export interface Settings {
  /** null = follow the OS locale. */
  lang: Lang | null;
  /** Overall diagnosis deadline, in seconds. */
  timeoutSec: number;
  /** DNS server ADDR[:PORT]; '' = system resolvers. */
  dnsServer: string;
  /** Extra trusted CA (PEM), e.g. a customer's TLS inspection CA. */
  extraCaPem: string;
}

export interface SettingsSlice {
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => void;
}

export interface AppSlice {
  screen: Screen;
  appInfo: AppInfo | null;
  interfaces: NetInterface[];
  go: (screen: Screen) => void;
  boot: () => Promise<void>;
}

export type Store = JobSlice &
  CatalogSlice &
  RunSlice &
  SettingsSlice &
  AppSlice &
  ReportsSlice &
  CaptureSlice &
  IdentifySlice;
export type Slice<T> = StateCreator<Store, [['zustand/persist', unknown]], [], T>;
