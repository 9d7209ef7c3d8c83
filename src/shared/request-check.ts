// The DiagnoseRequest check without zod: the request builder (diagnose-request.ts) and the engine's entry
// (runDiagnosis) use it, so `diagnose` validates its request before the first packet without loading zod. The zod
// schema in model.ts stays the contract at the app's IPC boundary. The compiler keeps the two in step (the shapes'
// results must be exactly model.ts's types, below) and request-check.test.ts runs both over the same valid,
// invalid and hostile requests and asserts the same verdict, the same result and the same first issue.
import type { ConnectToRule, DeviceProfile, DiagnoseRequest, Target } from './model';
import {
  AUTH_MECHANISMS,
  CIPHER_FAMILIES,
  DEVICE_KINDS,
  FORBIDDEN_FIELD_CHARS,
  TLS_VERSION_IDS,
} from './model-values';
import type { Practice } from './practice';
import {
  arrayOf,
  bool,
  defaulted,
  int,
  nullable,
  object,
  oneOf,
  optional,
  required,
  run,
  str,
  type Infer,
  type Issue,
} from './request-check-kit';
import { METHOD_CHOICES } from './vocabulary';

/** model.ts's smtpSafe: at most `max` characters, never CR, LF or NUL. */
const smtpSafe = (max: number) =>
  str({
    max,
    refine: { ok: (s) => !FORBIDDEN_FIELD_CHARS.test(s), message: 'must not contain CR, LF or NUL' },
  });
const port = (min: number) => int({ min, max: 65535 });

const DEVICE = {
  id: required(str({ min: 1, max: 100 })),
  kind: required(oneOf(DEVICE_KINDS)),
  label: required(str({ min: 1, max: 200 })),
  maxTls: required(nullable(oneOf(TLS_VERSION_IDS))),
  cipherFamily: required(oneOf(CIPHER_FAMILIES)),
  ciphers: optional(str({ max: 2000 })),
  authMechanisms: required(arrayOf(oneOf(AUTH_MECHANISMS), 8)),
  starttls: required(bool),
  implicitTls: required(bool),
  serverFieldMaxLength: required(nullable(int({ positive: true, max: 1024 }))),
  oauth: required(bool),
  ports: optional(arrayOf(port(1), 16)),
};

const CONNECT_TO = {
  host: required(str({ max: 253 })),
  port: required(port(0)),
  toHost: required(str({ min: 1, max: 253 })),
  toPort: required(port(1)),
};

const TARGET = {
  method: required(oneOf(METHOD_CHOICES)),
  host: optional(smtpSafe(253)),
  port: optional(port(1)),
  domain: optional(smtpSafe(253)),
  from: optional(smtpSafe(320)),
  to: defaulted(arrayOf(smtpSafe(320), 20), () => []),
  user: optional(smtpSafe(320)),
  expectedIp: optional(str({ max: 45 })),
  bind: optional(str({ max: 45 })),
  ehloName: optional(smtpSafe(253)),
  connectTo: defaulted(arrayOf(object(CONNECT_TO), 16), () => []),
  dnsServer: optional(str({ max: 60 })),
};

const PRACTICE = {
  scenario: required(
    str({ min: 1, max: 60, pattern: { re: /^[a-z0-9][a-z0-9-]*$/, message: 'lab scenario name' } }),
  ),
};

const REQUEST = {
  target: required(object(TARGET)),
  device: required(nullable(object(DEVICE))),
  send: defaulted(bool, () => false),
  timeoutMs: defaulted(int({ min: 1000, max: 600_000 }), () => 60_000),
  extraCaPem: defaulted(arrayOf(str({ max: 100_000 }), 8), () => []),
  password: optional(str({ max: 1024 })),
  oauthToken: optional(str({ max: 16_384 })),
  practice: optional(object(PRACTICE)),
};

const checkRequest = object(REQUEST);

export type RequestCheck = { ok: true; request: DiagnoseRequest } | { ok: false; issues: Issue[] };

/** Validates a request as DiagnoseRequestSchema.safeParse would: the same verdict, result and issues. */
export function checkDiagnoseRequest(input: unknown): RequestCheck {
  const r = run(checkRequest, input);
  return r.ok ? { ok: true, request: r.value } : { ok: false, issues: r.issues };
}

/** `path: message` for each issue (the wording the CLI and the app show). */
export function issueTexts(issues: readonly Issue[]): string[] {
  return issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
}

/** Like DiagnoseRequestSchema.parse: the request, or an error naming every issue. */
export function parseDiagnoseRequest(input: unknown): DiagnoseRequest {
  const r = checkDiagnoseRequest(input);
  if (r.ok) return r.request;
  throw new TypeError(`invalid diagnose request: ${issueTexts(r.issues).join('; ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// In step with model.ts: each shape's result is exactly the type zod infers from the matching schema. A compile
// error here names the part whose check and schema differ (add or change the field here as in model.ts).

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
interface InStep {
  device: Same<Infer<typeof DEVICE>, DeviceProfile>;
  connectTo: Same<Infer<typeof CONNECT_TO>, ConnectToRule>;
  target: Same<Infer<typeof TARGET>, Target>;
  practice: Same<Infer<typeof PRACTICE>, Practice>;
  request: Same<Infer<typeof REQUEST>, DiagnoseRequest>;
}
type AllTrue<T extends Record<keyof InStep, true>> = T;
export type _RequestCheckInStep = AllTrue<InStep>;
