// The one IPC contract between the window and the main process (GitHub Desktop's ipc-shared style):
// INVOKE maps every request channel to its preload function name, a zod schema of its arguments and (as a
// phantom type) its result; EVENTS maps every main→renderer push channel to its listener name and payload.
// No channel string may appear anywhere else. Pure TypeScript: loaded by main, preload, renderer and the e2e bridge.
import { z } from 'zod';
import { DiagnoseRequestSchema, DiagnosisSchema, LangSchema, MethodSchema, type ConnectToRule, type StepEvent } from './model';
import { JobSchema, ReportIdSchema, ReportSchema, type Report, type ReportSummary } from './report';
import { PracticeSchema } from './practice';
import type { CaptureDiagnosis } from './capture';
import type { FindingRef } from './model';
import type { TokenClaims } from './oauth/claims';
import { IdentifyRequestSchema, type IdentifyEvidence } from './identify';
import type { LoadedProfileFile, Origin } from './profiles-resolve';
import { SCENARIOS, type LabEndpoint, type LabTenant, type ScenarioName } from '../lab/types';

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
  'not-implemented', // a channel whose module has not landed yet
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
export const fail = (code: IpcErrorCode, message: string, issues?: FieldIssue[]): { ok: false; error: IpcError } => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

// ---------------------------------------------------------------------------------------------------------------
// Shared argument pieces

/** Ids of runs, reports, capture sessions: opaque, file-name safe, bounded. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1-100 letters, digits, dot, dash or underscore');
/** Secret keys, e.g. `user@contoso.com@smtp.office365.com`: printable, bounded (never the secret itself). */
const SecretKeySchema = z
  .string()
  .min(1)
  .max(400)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });
export const ScenarioSchema = z.enum(SCENARIOS);
export const ReportFormatSchema = z.enum(['html', 'pdf', 'zip', 'ticket']);
/** Report list filter: free text, customer, site, device, finding code, date range (YYYY-MM-DD or ISO). */
export const ReportQuerySchema = z.object({
  text: z.string().max(200).optional(),
  customer: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
  device: z.string().max(200).optional(),
  findingCode: z.string().max(60).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;
export type ReportFormat = z.infer<typeof ReportFormatSchema>;
/** Relay-through for capture mode: where captured messages are forwarded and how to sign in there. */
export const CaptureRelaySchema = z.object({
  /** Name the upstream is known by (SNI, certificate), e.g. smtp.office365.com. */
  host: z.string().min(1).max(253),
  /** Where to connect instead (the lab's loopback address); default: host. */
  address: z.string().min(1).max(253).optional(),
  port: z.number().int().min(1).max(65535),
  requireTls: z.boolean().default(true),
  extraCaPem: z.array(z.string().max(100_000)).max(8).default([]),
  /** 'device': reuse what the device sent (memory only); or explicit credentials; or no AUTH. */
  auth: z
    .union([z.literal('device'), z.object({ user: z.string().min(1).max(320), password: z.string().min(1).max(1024) }), z.null()])
    .default('device'),
});
/** A listener address for capture mode. */
export const ListenSchema = z.object({
  address: z.string().min(1).max(45),
  /** 0 = any free port (the answer says which). */
  port: z.number().int().min(0).max(65535),
  implicitTls: z.boolean().default(false),
});

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
  suggestedLang: z.infer<typeof LangSchema>;
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
  problems: { file: string; kind: 'quarantined' | 'newer-version'; reason: string; movedTo?: string | undefined }[];
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

/** One request channel: the preload's function name, its argument schema, and its result type (phantom). */
export interface InvokeDef<N extends string, A extends z.ZodTuple, R> {
  readonly name: N;
  readonly args: A;
  /** Type-only: never set at run time. */
  readonly __result?: R;
}
const def =
  <R>() =>
  <N extends string, A extends z.ZodTuple>(name: N, args: A): InvokeDef<N, A, R> => ({ name, args });

const none = z.tuple([]);

export const INVOKE = {
  'app:info': def<AppInfo>()('appInfo', none),
  'net:interfaces': def<NetInterface[]>()('listInterfaces', none),

  'diagnose:start': def<DiagnoseStarted>()('diagnoseStart', z.tuple([DiagnoseRequestSchema])),
  'diagnose:cancel': def<DiagnoseCancelled>()('diagnoseCancel', z.tuple([IdSchema])),

  'lab:scenarios': def<ScenarioName[]>()('labScenarios', none),
  'lab:start': def<LabInfo>()('labStart', z.tuple([z.object({ scenario: ScenarioSchema.default('healthy') })])),
  'lab:stop': def<null>()('labStop', none),

  'profiles:list': def<ProfileListing>()('profilesList', none),
  /** The renderer reads the chosen file (File.text()) and sends its text; main validates and stores it. */
  'profiles:import': def<ProfileImported>()(
    'profilesImport',
    z.tuple([z.object({ fileName: z.string().min(1).max(255).optional(), text: z.string().max(2_000_000) })]),
  ),

  'secrets:remember': def<null>()(
    'secretRemember',
    z.tuple([z.object({ key: SecretKeySchema, secret: z.string().min(1).max(16_384) })]),
  ),
  /** Null when nothing is remembered under the key. */
  'secrets:recall': def<string | null>()('secretRecall', z.tuple([z.object({ key: SecretKeySchema })])),
  'secrets:forget': def<null>()('secretForget', z.tuple([z.object({ key: SecretKeySchema })])),

  // OAuth (issue 10): read a token's claims (never stored), and the device code sign-in with msal-node in main.
  'oauth:inspect': def<TokenInspected>()(
    'oauthInspect',
    z.tuple([z.object({ token: z.string().min(1).max(16_384), tenantId: z.string().max(60).optional(), user: z.string().max(320).optional() })]),
  ),
  /** Starts a device code sign-in; the code and the outcome arrive as `oauth:event`. `lab`: against the running lab. */
  'oauth:sign-in': def<OauthSignInStarted>()(
    'oauthSignIn',
    z.tuple([z.object({ tenant: z.string().min(1).max(253), clientId: z.string().min(1).max(60), lab: z.boolean().default(false) })]),
  ),
  'oauth:cancel': def<null>()('oauthCancel', z.tuple([IdSchema])),
  /**
   * App-only sign-in (client credentials) with msal-node in main: a client secret typed in the app (memory only) or
   * the text of the chosen certificate + key file(s). Answers when the token request ends; nothing is stored.
   */
  'oauth:app-sign-in': def<OauthAppSignedIn>()(
    'oauthAppSignIn',
    z.tuple([
      z.object({
        tenant: z.string().min(1).max(253),
        clientId: z.string().min(1).max(60),
        lab: z.boolean().default(false),
        clientSecret: z.string().min(1).max(1024).optional(),
        certificate: z.object({ text: z.string().min(1).max(65_536) }).optional(),
      }),
    ]),
  ),

  /** Only vetted https links (Microsoft docs, vendor docs from profile sources) are opened. */
  'shell:open-external': def<null>()('openExternal', z.tuple([z.object({ url: z.string().min(1).max(2048) })])),

  // Reports (issue 5): one report per site visit; every write is scanned for this session's secrets in main.
  'reports:list': def<ReportListing>()('reportList', z.tuple([ReportQuerySchema.optional()])),
  'reports:open': def<Report>()('reportOpen', z.tuple([ReportIdSchema])),
  'reports:create': def<Report>()('reportCreate', z.tuple([z.object({ job: JobSchema })])),
  'reports:save': def<Report>()('reportSave', z.tuple([z.object({ report: ReportSchema })])),
  /** Adds a finished diagnosis as a run: to report `id`, or to a new report for `job`. */
  'reports:add-run': def<Report>()(
    'reportAddRun',
    z.tuple([
      z.object({
        id: ReportIdSchema.optional(),
        job: JobSchema.optional(),
        diagnosis: DiagnosisSchema,
        label: z.string().max(200).optional(),
        /** The technician confirmed saving a practice (lab) run; without it a practice run is refused. */
        savePractice: z.boolean().optional(),
      }),
    ]),
  ),
  /** Moves the report to the trash; reportRestore undoes it. */
  'reports:delete': def<null>()('reportDelete', z.tuple([ReportIdSchema])),
  'reports:restore': def<Report>()('reportRestore', z.tuple([ReportIdSchema])),
  /** Electron asks where to save (a cancelled dialog answers `cancelled`); the bridge writes to its data folder. */
  'reports:export': def<ReportExported>()(
    'reportExport',
    z.tuple([
      z.object({
        id: ReportIdSchema,
        format: ReportFormatSchema,
        lang: LangSchema,
        ticketFormat: z.enum(['markdown', 'text']).optional(),
      }),
    ]),
  ),

  /** The ticket text for the helpdesk form (same secret scan as an export), for the copy button; nothing is written. */
  'reports:ticket-text': def<string>()(
    'reportTicketText',
    z.tuple([z.object({ id: ReportIdSchema, lang: LangSchema, ticketFormat: z.enum(['markdown', 'text']) })]),
  ),

  // Capture mode (issue 6): the device is pointed at a listener on this laptop; each device session it records
  // arrives as a capture:event and is kept (bounded) for captureSessions.
  'capture:start': def<CaptureStarted>()(
    'captureStart',
    z.tuple([
      z.object({
        listen: z.array(ListenSchema).min(1).max(4),
        method: MethodSchema,
        /** Tenant domains (direct send: recipients outside them are external). */
        tenantDomains: z.array(z.string().min(1).max(253)).max(20).default([]),
        /** Forward captured messages upstream (Microsoft 365 or the lab) and answer the device with the outcome. */
        relay: CaptureRelaySchema.nullable().default(null),
        /** Relay-through to the built-in lab: every session is marked practice (練習用ラボ) with this scenario. */
        practice: PracticeSchema.optional(),
        /** The password the device signs in to the listener with (relay with the technician's sign-in); memory only. */
        listenerPassword: z.string().min(8).max(256).optional(),
      }),
    ]),
  ),
  'capture:stop': def<null>()('captureStop', z.tuple([IdSchema])),
  /** The diagnoses of the device sessions a running (or stopped) capture recorded, oldest first. */
  'capture:sessions': def<CaptureDiagnosis[]>()('captureSessions', z.tuple([IdSchema])),
  /** Adds recorded session `index` of a capture to a report's captures. */
  'capture:save': def<null>()(
    'captureSave',
    z.tuple([z.object({ captureId: IdSchema, index: z.number().int().min(0).max(10_000), reportId: ReportIdSchema })]),
  ),

  // Identify (issue 12): ask ONE device over SNMP + IPP what it is, on the technician's command. The community is
  // a secret: used for the request, remembered in memory only for the secret scan, never stored or returned.
  'identify:run': def<IdentifyEvidence>()('identifyRun', z.tuple([IdentifyRequestSchema.extend({ id: IdSchema })])),
  /** Cancels a running identify by the id the renderer gave it; false when it had already ended. */
  'identify:cancel': def<{ cancelled: boolean }>()('identifyCancel', z.tuple([IdSchema])),
} as const;

export type InvokeMap = typeof INVOKE;
export type InvokeChannel = keyof InvokeMap;
/** What the renderer passes (zod input: defaults may be omitted). */
export type InvokeArgs<C extends InvokeChannel> = z.input<InvokeMap[C]['args']>;
/** What a handler receives (zod output: defaults filled in). */
export type InvokeParsedArgs<C extends InvokeChannel> = z.output<InvokeMap[C]['args']>;
export type InvokeResult<C extends InvokeChannel> =
  InvokeMap[C] extends InvokeDef<string, z.ZodTuple, infer R> ? R : never;

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
  | { type: 'session'; index: number; diagnosis: CaptureDiagnosis }
  | { type: 'stopped'; reason: string };
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
export type ApiName = keyof Api;

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
