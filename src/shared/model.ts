// The data model shared by every process: zod schemas are the source of truth, types are inferred.
// No Node, no DOM imports here (the renderer and the CLI both load this file).
import { z } from 'zod';
import { FINDING_CODE_PATTERN, type FindingCode } from './findings/codes';
import { PracticeSchema } from './practice';
import { ACTORS, CHECK_STATUSES, METHOD_CHOICES, METHOD_IDS, STAGES, VERDICTS } from './vocabulary';

/** Characters that must never reach an SMTP command line (header/command injection). */
export const FORBIDDEN_FIELD_CHARS = /[\r\n\0]/;
const smtpSafe = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !FORBIDDEN_FIELD_CHARS.test(s), { message: 'must not contain CR, LF or NUL' });

export const MethodSchema = z.enum(METHOD_IDS);
export type Method = z.infer<typeof MethodSchema>;
export const METHODS: readonly Method[] = MethodSchema.options;

export const MethodChoiceSchema = z.enum(METHOD_CHOICES);
export type MethodChoice = z.infer<typeof MethodChoiceSchema>;

export const ActorSchema = z.enum(ACTORS);
export type Actor = z.infer<typeof ActorSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Where in the path from device to mailbox a finding belongs; the UI groups findings by it. */
export const StageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof StageSchema>;

export const LangSchema = z.enum(['ja', 'en']);
export type Lang = z.infer<typeof LangSchema>;

export const TlsVersionSchema = z.enum(['1.0', '1.1', '1.2', '1.3']);
export type TlsVersion = z.infer<typeof TlsVersionSchema>;
export const TLS_VERSIONS: readonly TlsVersion[] = TlsVersionSchema.options;

/** Key-exchange family a device's TLS 1.2 stack offers: ECDHE, plain RSA key exchange, or both. */
export const CipherFamilySchema = z.enum(['ecdhe', 'rsa', 'any']);
export type CipherFamily = z.infer<typeof CipherFamilySchema>;

export const AuthMechanismSchema = z.enum(['LOGIN', 'PLAIN', 'XOAUTH2', 'CRAM-MD5', 'NTLM']);
export type AuthMechanism = z.infer<typeof AuthMechanismSchema>;

/** What a device (or business application) can do, as far as the mail path is concerned. */
export const DeviceProfileSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(['mfp', 'application']),
  label: z.string().min(1).max(200),
  /** Highest TLS version the firmware negotiates; null = no TLS at all. */
  maxTls: TlsVersionSchema.nullable(),
  cipherFamily: CipherFamilySchema,
  /** Exact OpenSSL cipher list when known (from capture or vendor docs); overrides cipherFamily for TLS <= 1.2. */
  ciphers: z.string().max(2000).optional(),
  authMechanisms: z.array(AuthMechanismSchema).max(8),
  starttls: z.boolean(),
  implicitTls: z.boolean(),
  /** Maximum characters the device's SMTP server field accepts; null = unknown / unlimited. */
  serverFieldMaxLength: z.number().int().positive().max(1024).nullable(),
  oauth: z.boolean(),
  /** Ports the device lets the technician choose. */
  ports: z.array(z.number().int().min(1).max(65535)).max(16).optional(),
});
export type DeviceProfile = z.infer<typeof DeviceProfileSchema>;

/** curl's --connect-to: a connection meant for host:port goes to toHost:toPort instead, while the check still
 *  treats it as host (SNI, certificate names, endpoint rules). Empty host / port 0 match any. */
export const ConnectToRuleSchema = z.object({
  host: z.string().max(253),
  port: z.number().int().min(0).max(65535),
  toHost: z.string().min(1).max(253),
  toPort: z.number().int().min(1).max(65535),
});
export type ConnectToRule = z.infer<typeof ConnectToRuleSchema>;

/** Where and how to probe: everything the technician entered except secrets. */
export const TargetSchema = z.object({
  method: MethodChoiceSchema,
  /** Server as typed into the device; defaults per method (smtp.office365.com, or the domain's MX host). */
  host: smtpSafe(253).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  /** Sender / tenant domain: MX and SPF are read from it. */
  domain: smtpSafe(253).optional(),
  from: smtpSafe(320).optional(),
  to: z.array(smtpSafe(320)).max(20).default([]),
  user: smtpSafe(320).optional(),
  /** Static public IP the relay connector is configured with. */
  expectedIp: z.string().max(45).optional(),
  /** Local address to bind (leave by the device's segment). */
  bind: z.string().max(45).optional(),
  ehloName: smtpSafe(253).optional(),
  connectTo: z.array(ConnectToRuleSchema).max(16).default([]),
  /** DNS server ADDR[:PORT]; default: the system's resolvers. */
  dnsServer: z.string().max(60).optional(),
});
export type Target = z.infer<typeof TargetSchema>;

/** A diagnosis request as it crosses IPC: the target, the device, and the session's secrets (memory only). */
export const DiagnoseRequestSchema = z.object({
  target: TargetSchema,
  device: DeviceProfileSchema.nullable(),
  /** Send a real, clearly labelled test message (the only way SendAs denial shows). */
  send: z.boolean().default(false),
  /** Overall deadline for the whole diagnosis, in milliseconds. */
  timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
  /** Extra trusted CA certificates (PEM), e.g. the lab's CA or a customer's inspection CA. */
  extraCaPem: z.array(z.string().max(100_000)).max(8).default([]),
  password: z.string().max(1024).optional(),
  oauthToken: z.string().max(16_384).optional(),
  /** Set when the target is the built-in lab (practice mode, `diagnose --lab`, the demo): copied into the result. */
  practice: PracticeSchema.optional(),
});
export type DiagnoseRequest = z.infer<typeof DiagnoseRequestSchema>;
/** What a caller may pass (defaults may be omitted): the IPC contract's argument type. */
export type DiagnoseRequestInput = z.input<typeof DiagnoseRequestSchema>;

export const TranscriptDirSchema = z.enum(['C', 'S', 'net', 'tls', 'dns']);
export const TranscriptRowSchema = z.object({
  /** Milliseconds since the diagnosis started. */
  t: z.number().nonnegative(),
  dir: TranscriptDirSchema,
  text: z.string(),
  /** Check that produced the row. */
  check: z.string().optional(),
});
export type TranscriptRow = z.infer<typeof TranscriptRowSchema>;

/** A finding as recorded: a stable code plus evidence. Texts are rendered from the catalogue per language. */
/** A finding code as stored: typed as a catalogue code; at run time only the code's form is checked, so a saved
 *  report with a code this version does not know still opens (it renders as UNRECOGNIZED_REPLY). */
const FindingCodeSchema = z.custom<FindingCode>(
  (v) => typeof v === 'string' && FINDING_CODE_PATTERN.test(v),
  { message: 'not a finding code' },
);

export const FindingRefSchema = z.object({
  code: FindingCodeSchema,
  /** Values interpolated into the catalogue's texts, e.g. { host, ip, version }. */
  params: z.record(z.string(), z.string()).optional(),
  /** Raw lines (server replies, error texts) that led to the finding. */
  evidence: z.array(z.string()).optional(),
  /** True when inferred (e.g. from a capture) rather than observed from Exchange Online itself. */
  predicted: z.boolean().optional(),
  /** Set when the evidence only narrows it to a family (a device text without a code): the likely findings, most
   *  likely first, and the check that tells them apart (ids from shared/findings/family.ts). */
  family: z
    .object({ candidates: z.array(z.string().regex(/^[A-Z0-9_]+$/)).max(12), nextCheck: z.string().max(64) })
    .optional(),
});
export type FindingRef = z.infer<typeof FindingRefSchema>;

/** A finding rendered for one language: what the CLI's JSON, reports and tickets carry. */
export const RenderedFindingSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  actor: ActorSchema,
  stage: StageSchema,
  title: z.string(),
  cause: z.string(),
  fix: z.string(),
  powershell: z.string().optional(),
  inMessageTrace: z.boolean(),
  evidence: z.array(z.string()).optional(),
  predicted: z.boolean().optional(),
  /** Where the catalogue's knowledge for this code comes from ("根拠 / source"). */
  sources: z
    .array(
      z.object({ url: z.string(), read: z.string(), title: z.string(), verified: z.boolean().optional() }),
    )
    .optional(),
  /** A family finding: the likely findings (code + title, most likely first) and the next check, rendered. */
  family: z
    .object({ candidates: z.array(z.object({ code: z.string(), title: z.string() })), nextCheck: z.string() })
    .optional(),
});
export type RenderedFinding = z.infer<typeof RenderedFindingSchema>;

export const CheckStatusSchema = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

export const CheckSchema = z.object({
  /** Stable id, e.g. `dns.a`, `tcp.v4`, `smtp.banner`, `tls.matrix`, `auth`, `envelope`, `send`. */
  id: z.string(),
  title: z.string(),
  status: CheckStatusSchema,
  startedAt: z.number().nonnegative(),
  durationMs: z.number().nonnegative(),
  findings: z.array(FindingRefSchema),
  details: z.record(z.string(), z.unknown()),
});
export type Check = z.infer<typeof CheckSchema>;

export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** How much of what was asked a method delivered: every recipient kind asked for, part of them, or none. */
export const DeliversSchema = z.enum(['all', 'part', 'none']);
export type Delivers = z.infer<typeof DeliversSchema>;

export const RecommendationSchema = z.object({
  method: MethodSchema,
  ranking: z.array(
    z.object({
      method: MethodSchema,
      score: z.number(),
      reasons: z.array(z.string()),
      /** False when the method cannot do this job at all (e.g. Direct Send for an external recipient). */
      viable: z.boolean().optional(),
      delivers: DeliversSchema.optional(),
      /** When `delivers` is 'part': which part, in English (reports before 0.1 carry only this). */
      part: z.string().optional(),
      /** When `delivers` is 'part': the kind of recipient reached, those reached and those not (any language:
       *  shared/delivers-part.ts words it). */
      reachedKind: z.enum(['internal', 'external']).optional(),
      reached: z.array(z.string().max(320)).max(100).optional(),
      missed: z.array(z.string().max(320)).max(100).optional(),
    }),
  ),
});

/** The finding to fix first (shared/findings/primary.ts), with the check that reported it. */
export const PrimarySchema = z.object({ checkId: z.string().nullable(), ref: FindingRefSchema });
export type Primary = z.infer<typeof PrimarySchema>;

export const DiagnosisSchema = z.object({
  version: z.string(),
  method: MethodChoiceSchema,
  target: TargetSchema,
  device: DeviceProfileSchema.nullable(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  verdict: VerdictSchema,
  egressIp: z.string().nullable(),
  recommendation: RecommendationSchema.nullable(),
  /** The one blocker to fix first; null when nothing blocks; absent in runs saved before it existed. */
  primary: PrimarySchema.nullable().optional(),
  checks: z.array(CheckSchema),
  transcript: z.array(TranscriptRowSchema),
  cancelled: z.boolean().optional(),
  /** A run against the built-in lab (練習用ラボ), never a customer's system; absent on real runs and in runs saved
   *  before it existed (shared/practice.ts). Every view and export labels a run that has it. */
  practice: PracticeSchema.optional(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
export type DiagnosisInput = z.input<typeof DiagnosisSchema>;

/** Step events a running diagnosis streams to the UI. */
export type StepEvent =
  | { type: 'check-started'; id: string; title: string; at: number }
  | { type: 'check-finished'; check: Check }
  | { type: 'transcript'; row: TranscriptRow }
  | { type: 'done'; diagnosis: Diagnosis };

/** Worst status wins: fail > warn > pass; skip never decides. */
export function verdictOf(statuses: readonly CheckStatus[]): Verdict {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('warn')) return 'warn';
  return 'pass';
}
