// The one IPC contract between the window and the main process (GitHub Desktop's ipc-shared style):
// INVOKE maps every request channel to its preload function name and (as phantom types) its arguments and
// result; EVENTS maps every main→renderer push channel to its listener name and payload. No channel string may
// appear anywhere else. Names and types only: no validation library and nothing from src/lab, because the
// sandboxed preload bundles this file. Main validates every call with the schemas in src/main/ipc-schemas.ts,
// which the compiler holds to exactly the argument types declared here.
import type {
  ConnectToRule,
  DiagnoseRequestInput,
  DiagnosisInput,
  FindingRef,
  Lang,
  Method,
  StepEvent,
} from './model';
import type { JobInput, Report, ReportInput, ReportSummary } from './report';
import type { CaptureDiagnosis } from './capture';
import type { TokenClaims } from './oauth/claims';
import type { IdentifyEvidence, IdentifyRequestInput } from './identify';
import type { LoadedProfileFile, Origin } from './profiles-resolve';
import type { LabEndpoint, LabTenant, ScenarioName } from './lab-info';

// ---------------------------------------------------------------------------------------------------------------
// Results: only plain data crosses the bridge; handlers never throw across it.

export const IPC_ERROR_CODES = [
  'invalid-argument', // arguments failed the channel's schema
  'forbidden-sender', // the call did not come from our own window
  'not-found', // unknown run / report / session / secret
  'insecure-backend', // safeStorage would only obfuscate (Linux basic_text): refuse to remember secrets
  'url-rejected', // openExternal refused a URL that is not a vetted https link
  'invalid-profile', // an imported profile file failed validation (message names the field)
  'secret-detected', // a write/export would have contained this session's password or token: blocked
  'busy', // e.g. too many diagnoses at once
  'unavailable', // a capability this runtime does not have (e.g. PDF outside Electron)
  'cancelled', // the technician cancelled a dialog
  'internal', // anything unexpected (message is safe to show; details stay in main's log)
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];
export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** Field-level problems (invalid-argument, invalid-profile): `path` names the field. */
  issues?: FieldIssue[];
}
export interface FieldIssue {
  path: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: IpcErrorCode,
  message: string,
  issues?: FieldIssue[],
): { ok: false; error: IpcError } => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

// ---------------------------------------------------------------------------------------------------------------
// Argument shapes (what the renderer passes; optional fields get main's defaults)

export type ReportFormat = 'html' | 'pdf' | 'zip' | 'ticket';
export type TicketFormat = 'markdown' | 'text';
/** Report list filter (the store's search: case- and width-insensitive). */
export interface ReportQuery {
  /** Free text over customer, site, device, technician and notes. */
  text?: string | undefined;
  customer?: string | undefined;
  site?: string | undefined;
  device?: string | undefined;
  /** A finding code seen in any run, e.g. SMTP_AUTH_DISABLED_TENANT. */
  findingCode?: string | undefined;
  /** Inclusive range over the visit's dates (creation and runs): ISO date `YYYY-MM-DD` or full timestamp. */
  from?: string | undefined;
  to?: string | undefined;
}
/** Relay-through for capture mode: where captured messages are forwarded and how to sign in there. */
export interface CaptureRelayArgs {
  /** Name the upstream is known by (SNI, certificate), e.g. smtp.office365.com. */
  host: string;
  /** Where to connect instead (the lab's loopback address); default: host. */
  address?: string | undefined;
  port: number;
  /** Default true. */
  requireTls?: boolean | undefined;
  extraCaPem?: string[] | undefined;
  /** 'device' (the default): reuse what the device sent (memory only); or explicit credentials; or no AUTH. */
  auth?: 'device' | { user: string; password: string } | null | undefined;
}
/** A listener address for capture mode. */
export interface ListenArgs {
  address: string;
  /** 0 = any free port (the answer says which). */
  port: number;
  /** Default false. */
  implicitTls?: boolean | undefined;
}
export interface CaptureStartArgs {
  listen: ListenArgs[];
  method: Method;
  /** Tenant domains (direct send: recipients outside them are external). Default none. */
  tenantDomains?: string[] | undefined;
  /** Forward captured messages upstream (Microsoft 365 or the lab) and answer the device with the outcome. */
  relay?: CaptureRelayArgs | null | undefined;
  /** Relay-through to the built-in lab: every session is marked practice (練習用ラボ) with this scenario. */
  practice?: { scenario: string } | undefined;
  /** The password the device signs in to the listener with (relay with the technician's sign-in); memory only. */
  listenerPassword?: string | undefined;
}
/** oauth:app-sign-in's argument: one of a client secret or a certificate + key file text. */
export interface OauthAppSignInArgs {
  tenant: string;
  clientId: string;
  /** Default false: true signs in against the running lab. */
  lab?: boolean | undefined;
  clientSecret?: string | undefined;
  certificate?: { text: string } | undefined;
}
export interface ReportAddRunArgs {
  id?: string | undefined;
  job?: JobInput | undefined;
  diagnosis: DiagnosisInput;
  label?: string | undefined;
  /** The technician confirmed saving a practice (lab) run; without it a practice run is refused. */
  savePractice?: boolean | undefined;
}
export interface ReportExportArgs {
  id: string;
  format: ReportFormat;
  lang: Lang;
  ticketFormat?: TicketFormat | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Result shapes

export interface AppInfo {
  name: string;
  version: string;
  /** process.platform of the machine running main (win32, darwin, linux). */
  platform: string;
  arch: string;
  /** OS locale as reported by the runtime (e.g. ja-JP); drives the default UI language. */
  osLocale: string;
  /** UI language suggested from the OS locale. */
  suggestedLang: Lang;
  /** 'electron' in the app; 'bridge' when the renderer is served by the Node e2e bridge. */
  runtime: 'electron' | 'bridge';
  secretStorage: SecretStorageInfo;
}
export interface SecretStorageInfo {
  /** Whether remembering a secret is allowed at all (real encryption available). */
  available: boolean;
  /** Electron's safeStorage backend name (e.g. gnome_libsecret, kwallet5, basic_text, dpapi, keychain, none). */
  backend: string;
  /** False when the backend only obfuscates (Linux basic_text) or no backend exists. */
  encrypted: boolean;
}

export interface NetInterface {
  /** OS interface name (eth0, Wi-Fi, en0). */
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  internal: boolean;
  /** e.g. 192.168.1.20/24; null when the OS does not say. */
  cidr: string | null;
  mac: string;
}

export interface DiagnoseStarted {
  runId: string;
}
export interface DiagnoseCancelled {
  /** False when the run had already ended. */
  cancelled: boolean;
}

/** What practice mode needs to point a diagnosis at the built-in lab. */
export interface LabInfo {
  scenario: ScenarioName;
  /** Put into Target.connectTo so smtp.office365.com / the MX host reach the lab on loopback. */
  connectTo: ConnectToRule[];
  /** Put into DiagnoseRequest.extraCaPem (the lab's "Microsoft" CA). */
  caPem: string;
  tenant: LabTenant;
  /** Put into Target.dnsServer: the lab's DNS, ADDR:PORT. */
  dnsServer: string;
  submission: LabEndpoint;
  mx: LabEndpoint;
  /** Put into Target.bind: the address a practice run of this scenario leaves from (the relay connector's,
   *  standing in for the site's static IP), or absent to leave from the default address. */
  source?: string | undefined;
}

/** Profile files as loaded (bundled first, then the technician's imports); bad files are listed, never fatal. */
export interface ProfileListing {
  files: LoadedProfileFile[];
  /** Files that failed validation; each error's `path` names the field, e.g. models[2].capabilities.maxTls. */
  problems: { path: string; origin: Origin; errors: FieldIssue[] }[];
  /** Bundled file ids an imported file replaced. */
  replaced: string[];
}
export interface ProfileImported {
  file: LoadedProfileFile;
}

/** One line of the report list (the store's summary of a report). */
export type ReportListItem = ReportSummary;
export interface ReportListing {
  reports: ReportListItem[];
  /** Files that could not be read: quarantined or written by a newer version. Never fatal. */
  problems: {
    file: string;
    kind: 'quarantined' | 'newer-version';
    reason: string;
    movedTo?: string | undefined;
  }[];
}
export interface ReportExported {
  /** Where the export was written. */
  path: string;
  bytes: number;
}

export interface CaptureStarted {
  captureId: string;
  /** The addresses to type into the device. */
  listening: { address: string; port: number; implicitTls: boolean }[];
  /** The listener's self-signed certificate (a device that checks it must be told to accept it). */
  certificate: { fingerprint256: string };
}

// ---------------------------------------------------------------------------------------------------------------
// The invoke map

/** One request channel: the preload's function name; its arguments and result are types only. */
export interface InvokeDef<N extends string, A extends readonly unknown[], R> {
  readonly name: N;
  /** Type-only: never set at run time. */
  readonly __args?: A;
  /** Type-only: never set at run time. */
  readonly __result?: R;
}
const def =
  <A extends readonly unknown[], R>() =>
  <N extends string>(name: N): InvokeDef<N, A, R> => ({ name });

export const INVOKE = {
  'app:info': def<[], AppInfo>()('appInfo'),
  'net:interfaces': def<[], NetInterface[]>()('listInterfaces'),

  'diagnose:start': def<[DiagnoseRequestInput], DiagnoseStarted>()('diagnoseStart'),
  'diagnose:cancel': def<[runId: string], DiagnoseCancelled>()('diagnoseCancel'),

  'lab:scenarios': def<[], ScenarioName[]>()('labScenarios'),
  /** Default scenario: healthy. */
  'lab:start': def<[{ scenario?: ScenarioName | undefined }], LabInfo>()('labStart'),
  'lab:stop': def<[], null>()('labStop'),

  'profiles:list': def<[], ProfileListing>()('profilesList'),
  /** The renderer reads the chosen file (File.text()) and sends its text; main validates and stores it. */
  'profiles:import': def<[{ fileName?: string | undefined; text: string }], ProfileImported>()(
    'profilesImport',
  ),

  /** `key`: e.g. `user@contoso.com@smtp.office365.com` (never the secret itself). */
  'secrets:remember': def<[{ key: string; secret: string }], null>()('secretRemember'),
  /** Null when nothing is remembered under the key. */
  'secrets:recall': def<[{ key: string }], string | null>()('secretRecall'),
  'secrets:forget': def<[{ key: string }], null>()('secretForget'),

  // OAuth (issue 10): read a token's claims (never stored), and the device code sign-in with msal-node in main.
  'oauth:inspect': def<
    [{ token: string; tenantId?: string | undefined; user?: string | undefined }],
    TokenInspected
  >()('oauthInspect'),
  /** Starts a device code sign-in; the code and the outcome arrive as `oauth:event`. `lab`: against the running lab. */
  'oauth:sign-in': def<
    [{ tenant: string; clientId: string; lab?: boolean | undefined }],
    OauthSignInStarted
  >()('oauthSignIn'),
  'oauth:cancel': def<[signInId: string], null>()('oauthCancel'),
  /**
   * App-only sign-in (client credentials) with msal-node in main: a client secret typed in the app (memory only) or
   * the text of the chosen certificate + key file(s). Answers when the token request ends; nothing is stored.
   */
  'oauth:app-sign-in': def<[OauthAppSignInArgs], OauthAppSignedIn>()('oauthAppSignIn'),

  /** Only vetted https links (Microsoft docs, vendor docs from profile sources) are opened. */
  'shell:open-external': def<[{ url: string }], null>()('openExternal'),

  // Reports (issue 5): one report per site visit; every write is scanned for this session's secrets in main.
  'reports:list': def<[query?: ReportQuery | undefined], ReportListing>()('reportList'),
  'reports:open': def<[id: string], Report>()('reportOpen'),
  'reports:create': def<[{ job: JobInput }], Report>()('reportCreate'),
  'reports:save': def<[{ report: ReportInput }], Report>()('reportSave'),
  /** Adds a finished diagnosis as a run: to report `id`, or to a new report for `job`. */
  'reports:add-run': def<[ReportAddRunArgs], Report>()('reportAddRun'),
  /** Moves the report to the trash; reportRestore undoes it. */
  'reports:delete': def<[id: string], null>()('reportDelete'),
  'reports:restore': def<[id: string], Report>()('reportRestore'),
  /** Electron asks where to save (a cancelled dialog answers `cancelled`); the bridge writes to its data folder. */
  'reports:export': def<[ReportExportArgs], ReportExported>()('reportExport'),

  /** The ticket text for the helpdesk form (same secret scan as an export), for the copy button; nothing is written. */
  'reports:ticket-text': def<[{ id: string; lang: Lang; ticketFormat: TicketFormat }], string>()(
    'reportTicketText',
  ),

  // Capture mode (issue 6): the device is pointed at a listener on this laptop; each device session it records
  // arrives as a capture:event and is kept (bounded) for captureSessions.
  'capture:start': def<[CaptureStartArgs], CaptureStarted>()('captureStart'),
  'capture:stop': def<[captureId: string], null>()('captureStop'),
  /** The diagnoses of the device sessions a running (or stopped) capture recorded, oldest first. */
  'capture:sessions': def<[captureId: string], CaptureDiagnosis[]>()('captureSessions'),
  /** Adds recorded session `index` of a capture to a report's captures. */
  'capture:save': def<[{ captureId: string; index: number; reportId: string }], null>()('captureSave'),

  // Identify (issue 12): ask ONE device over SNMP + IPP what it is, on the technician's command. The community is
  // a secret: used for the request, remembered in memory only for the secret scan, never stored or returned.
  'identify:run': def<[Simplify<IdentifyRequestInput & { id: string }>], IdentifyEvidence>()('identifyRun'),
  /** Cancels a running identify by the id the renderer gave it; false when it had already ended. */
  'identify:cancel': def<[id: string], { cancelled: boolean }>()('identifyCancel'),
} as const;

export type InvokeMap = typeof INVOKE;
export type InvokeChannel = keyof InvokeMap;
/** What the renderer passes (defaults may be omitted; main's schemas fill them in). */
export type InvokeArgs<C extends InvokeChannel> =
  InvokeMap[C] extends InvokeDef<string, infer A, unknown> ? A : never;
export type InvokeResult<C extends InvokeChannel> =
  InvokeMap[C] extends InvokeDef<string, readonly unknown[], infer R> ? R : never;

// ---------------------------------------------------------------------------------------------------------------
// The event map (main → renderer)

export interface EventDef<N extends string, P> {
  readonly name: N;
  readonly __payload?: P;
}
const event =
  <P>() =>
  <N extends string>(name: N): EventDef<N, P> => ({ name });

export interface DiagnoseEventPayload {
  runId: string;
  event: StepEvent;
}
/** The run ended without a diagnosis (worker crashed or was killed); a cancelled run still ends with `done`. */
export interface DiagnoseFailedPayload {
  runId: string;
  error: IpcError;
}
export type CaptureEvent =
  { type: 'session'; index: number; diagnosis: CaptureDiagnosis } | { type: 'stopped'; reason: string };
export interface CaptureEventPayload {
  captureId: string;
  event: CaptureEvent;
}

export interface TokenInspected {
  claims: TokenClaims;
  findings: FindingRef[];
}
export interface OauthSignInStarted {
  signInId: string;
}
/** The outcome of an app-only sign-in; the token goes to the renderer's memory only, like a device code token. */
export type OauthAppSignedIn =
  | { ok: true; token: string; claims: TokenClaims | null; findings: FindingRef[] }
  | { ok: false; finding: FindingRef };
export type OauthEvent =
  | { type: 'code'; userCode: string; verificationUri: string; expiresIn: number }
  /** The token goes to the renderer's memory only (like a typed password) for this session's diagnosis. */
  | { type: 'done'; ok: true; token: string; claims: TokenClaims | null; findings: FindingRef[] }
  | { type: 'done'; ok: false; finding: FindingRef };
export interface OauthEventPayload {
  signInId: string;
  event: OauthEvent;
}

export const EVENTS = {
  'oauth:event': event<OauthEventPayload>()('onOauthEvent'),
  'diagnose:event': event<DiagnoseEventPayload>()('onDiagnoseEvent'),
  'diagnose:failed': event<DiagnoseFailedPayload>()('onDiagnoseFailed'),
  'capture:event': event<CaptureEventPayload>()('onCaptureEvent'),
} as const;

export type EventMap = typeof EVENTS;
export type EventChannel = keyof EventMap;
export type EventPayload<C extends EventChannel> = EventMap[C] extends EventDef<string, infer P> ? P : never;

// ---------------------------------------------------------------------------------------------------------------
// The renderer's `window.api`: named functions only (the preload and the e2e bridge both build exactly this).

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type InvokeFns = {
  [C in InvokeChannel as InvokeMap[C]['name']]: (...args: InvokeArgs<C>) => Promise<Result<InvokeResult<C>>>;
};
type EventFns = {
  [C in EventChannel as EventMap[C]['name']]: (listener: (payload: EventPayload<C>) => void) => () => void;
};
export type Api = Simplify<InvokeFns & EventFns>;

/** How a runtime moves calls and events (Electron's ipcRenderer in the preload, fetch + SSE in the bridge). */
export interface ApiTransport {
  invoke(channel: InvokeChannel, args: readonly unknown[]): Promise<unknown>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** Builds the named-function api over a transport: the only place names and channels are paired at run time. */
export function buildApi(transport: ApiTransport): Api {
  const api: Record<string, unknown> = {};
  for (const [channel, d] of Object.entries(INVOKE) as [InvokeChannel, InvokeMap[InvokeChannel]][]) {
    api[d.name] = (...args: unknown[]) => transport.invoke(channel, args);
  }
  for (const [channel, d] of Object.entries(EVENTS) as [EventChannel, EventMap[EventChannel]][]) {
    api[d.name] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
  }
  return Object.freeze(api) as Api;
}

/** Every name window.api exposes, sorted (the preload snapshot test pins this list). */
export const API_NAMES: readonly string[] = [
  ...Object.values(INVOKE).map((d) => d.name),
  ...Object.values(EVENTS).map((d) => d.name),
].sort();
