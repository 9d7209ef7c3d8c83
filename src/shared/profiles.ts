// Device profile files (resources/printers/*.json and technicians' imports): the zod schema is the source of
// truth (resources/printers/schema.json is generated from it), and parseProfileFile turns any text into either a
// profile or a list of errors that each name the offending field, e.g. `models[2].capabilities.maxTls: ...`.
// Pure: no Node, no DOM (the renderer validates an import preview with the same code).
import { z } from 'zod';
import { AuthMechanismSchema, CipherFamilySchema, MethodSchema, TlsVersionSchema } from './model';
import { IdentifyBlockSchema } from './profiles-identify';

/** Current profile file format; bump when a change is not backwards compatible. */
export const PROFILE_SCHEMA_VERSION = 1;
/** Largest profile file accepted, in characters (a vendor family with dozens of models is ~60 k). */
export const MAX_PROFILE_FILE_CHARS = 1_000_000;

const idPattern = /^[a-z0-9][a-z0-9._-]*$/;
const IdSchema = z
  .string()
  .max(100)
  .regex(idPattern, { message: 'must be lower-case letters, digits, ".", "_" or "-" (e.g. "ricoh-im-c")' });

/** Text shown to the technician, always in both UI languages. */
export const LocalizedSchema = z.strictObject({
  ja: z.string().min(1).max(1000),
  en: z.string().min(1).max(1000),
});
export type Localized = z.infer<typeof LocalizedSchema>;

export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(300),
  /** null for sources without an address (e.g. a conservative assumption, a field report kept offline). */
  url: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL or null' })
    .max(2000)
    .nullable(),
  /** True only for the vendor's own documentation; anything else is shown as "check on the device". */
  vendorDoc: z.boolean(),
  /** The day the source was read (YYYY-MM-DD): a vendor claim is dated by the source that backs it. */
  read: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional(),
  note: z.string().max(1000).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

const SourceRefsSchema = z
  .array(IdSchema)
  .min(1, { message: 'every claim needs at least one source id' })
  .max(8);

/** A claim about the device: its value plus the ids of the sources that back it. */
function claim<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, sources: SourceRefsSchema, note: LocalizedSchema.optional() });
}

const PortSchema = z.number().int().min(1).max(65535);

/** The mail-relevant capabilities of `DeviceProfile` (src/shared/model.ts), each as a sourced claim. */
export const CapabilitiesSchema = z.strictObject({
  maxTls: claim(TlsVersionSchema.nullable()),
  cipherFamily: claim(CipherFamilySchema),
  authMechanisms: claim(z.array(AuthMechanismSchema).max(8)),
  starttls: claim(z.boolean()),
  implicitTls: claim(z.boolean()),
  serverFieldMaxLength: claim(z.number().int().positive().max(1024).nullable()),
  oauth: claim(z.boolean()),
  ports: claim(z.array(PortSchema).max(16)),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
export type CapabilityKey = keyof Capabilities;
export const CAPABILITY_KEYS = Object.keys(CapabilitiesSchema.shape) as CapabilityKey[];

/**
 * How the model does OAuth for SMTP AUTH (XOAUTH2), each part a sourced claim; `null` = not published / not known
 * (the app shows "check on the device"). Absent block = nothing known beyond `capabilities.oauth`.
 */
export const OAuthSupportSchema = z.strictObject({
  /** Where a person signs in for a delegated token (SMTP.Send): the panel, the web page, either, or not at all. */
  delegated: claim(z.enum(['panel', 'web', 'panel-or-web', 'none']).nullable()),
  /** App-only (client credentials, SMTP.SendAsApp) supported. */
  appOnly: claim(z.boolean().nullable()),
  /** Whose Entra app the device uses: the vendor's multi-tenant app, or one the customer registers. */
  entraApp: claim(z.enum(['vendor', 'customer', 'either']).nullable()),
  /** An administrator must consent for the organization (Entra admin consent) before the device can sign in. */
  adminConsent: claim(z.boolean().nullable()),
  /** Lowest firmware with OAuth, as the vendor names it; null = not published. */
  minFirmware: claim(z.string().min(1).max(200).nullable()),
  /** Where on the device OAuth is set up. */
  where: optionalSourcedText(),
  /** What is entered or chosen there (provider, account, endpoint, client id ...). */
  values: optionalSourcedText(),
});
export type OAuthSupport = z.infer<typeof OAuthSupportSchema>;
export const OAUTH_CLAIM_KEYS = ['delegated', 'appOnly', 'entraApp', 'adminConsent', 'minFirmware'] as const;
export type OAuthClaimKey = (typeof OAUTH_CLAIM_KEYS)[number];

function optionalSourcedText() {
  return z
    .strictObject({
      ja: z.string().min(1).max(1000),
      en: z.string().min(1).max(1000),
      sources: SourceRefsSchema,
    })
    .optional();
}

/** A firmware generation that differs from the model's current capabilities: only the claims that differ. */
export const GenerationSchema = z.strictObject({
  id: IdSchema,
  label: LocalizedSchema,
  /** How to recognise it on the device, e.g. "firmware before 2019" or "System version < 1.10". */
  firmware: z.string().min(1).max(300).optional(),
  capabilities: CapabilitiesSchema.partial(),
});
export type Generation = z.infer<typeof GenerationSchema>;

/** Localized text that is itself a claim (a menu path, a field label). */
export const SourcedTextSchema = z.strictObject({
  ja: z.string().min(1).max(1000),
  en: z.string().min(1).max(1000),
  sources: SourceRefsSchema,
});
export type SourcedText = z.infer<typeof SourcedTextSchema>;

/** Where settings live in the device's web UI or panel. */
export const MenuPathsSchema = z.strictObject({
  /** The page holding SMTP server, port and TLS (required). */
  smtp: SourcedTextSchema,
  /** Where SMTP AUTH user and password live, when not on the SMTP page. */
  auth: SourcedTextSchema.optional(),
  /** Where the device's own From (administrator / sender) address lives, when not on the SMTP page. */
  sender: SourcedTextSchema.optional(),
  /** Where a test mail / connection test can be started. */
  test: SourcedTextSchema.optional(),
  /** Where the device's TLS versions / ciphers are set, if anywhere. */
  tls: SourcedTextSchema.optional(),
});
export type MenuPaths = z.infer<typeof MenuPathsSchema>;
export type MenuPathKey = keyof MenuPaths;

/** The labels of the fields a technician types into, as this model's UI names them. */
export const FieldsSchema = z.strictObject({
  server: SourcedTextSchema,
  port: SourcedTextSchema,
  security: SourcedTextSchema,
  /** The switch that turns SMTP authentication on, when there is one. */
  auth: SourcedTextSchema.optional(),
  user: SourcedTextSchema,
  password: SourcedTextSchema,
  from: SourcedTextSchema,
});
export type Fields = z.infer<typeof FieldsSchema>;
export type FieldKey = keyof Fields;

/** The choices of the SMTP authentication field, when it is a selector rather than an on/off switch. */
export const AuthOptionsSchema = z.strictObject({
  on: SourcedTextSchema,
  off: SourcedTextSchema,
  oauth: SourcedTextSchema.optional(),
});
export type AuthOptions = z.infer<typeof AuthOptionsSchema>;

/** The choices of the security field, as the model labels them. */
export const TlsOptionsSchema = z.strictObject({
  starttls: SourcedTextSchema,
  implicit: SourcedTextSchema.optional(),
  none: SourcedTextSchema,
});
export type TlsOptions = z.infer<typeof TlsOptionsSchema>;

export const WarningSchema = z.strictObject({
  id: IdSchema,
  severity: z.enum(['warning', 'info']),
  /** Only for these generations (ids); absent = every generation. Use "current" for the model's own capabilities. */
  generations: z.array(IdSchema).max(16).optional(),
  /** Only relevant to these methods (checklist); absent = every method. */
  methods: z.array(MethodSchema).min(1).max(3).optional(),
  text: LocalizedSchema,
  sources: SourceRefsSchema,
});
export type Warning = z.infer<typeof WarningSchema>;

/** The generation id that stands for the model's own (current firmware) capabilities. */
export const CURRENT_GENERATION = 'current';

export const ModelSchema = z.strictObject({
  /** Unique across every loaded file. */
  id: IdSchema,
  vendor: z.string().min(1).max(100),
  family: z.string().min(1).max(200),
  kind: z.enum(['mfp', 'application']),
  /** Model names and series the search matches, e.g. ["IM C3000", "IM C4500", "IM C series"]. */
  names: z.array(z.string().min(1).max(100)).min(1).max(200),
  /** Current firmware. */
  capabilities: CapabilitiesSchema,
  /** Older or other firmware generations, newest first. */
  generations: z.array(GenerationSchema).max(16).default([]),
  menuPaths: MenuPathsSchema,
  fields: FieldsSchema,
  tlsOptions: TlsOptionsSchema,
  authOptions: AuthOptionsSchema.optional(),
  warnings: z.array(WarningSchema).max(32).default([]),
  /** OAuth details (delegated / app-only, Entra app, consent, minimum firmware), each sourced. */
  oauth: OAuthSupportSchema.optional(),
  /** How `identify` (SNMP / IPP) recognises this model and its firmware generation (src/shared/profiles-identify.ts). */
  identify: IdentifyBlockSchema.optional(),
});
export type ModelEntry = z.infer<typeof ModelSchema>;

/** A code or message a device shows (panel, web page, transmission report) and what it means on the SMTP side. */
export const PanelCodeSchema = z.strictObject({
  id: IdSchema,
  /** The code as shown, e.g. "016-764", "#818", "1102"; absent for a code-less message. */
  code: z.string().min(1).max(40).optional(),
  /** Message texts as shown (any language); matched case- and width-insensitively. */
  texts: z.array(z.string().min(1).max(300)).max(8).default([]),
  /** Only these model ids show it; absent = the whole family. */
  models: z.array(IdSchema).max(32).optional(),
  /** What the vendor says it means. */
  meaning: LocalizedSchema,
  /** What it means on the SMTP side (which step failed, which reply is likely behind it). */
  smtp: LocalizedSchema,
  /** The next check that tells the likely causes apart. */
  next: LocalizedSchema,
  /** Finding codes (src/shared/findings/codes.ts) it most likely corresponds to, most likely first. */
  findings: z
    .array(z.string().regex(/^[A-Z][A-Z0-9_]*$/))
    .max(6)
    .default([]),
  sources: SourceRefsSchema,
});
export type PanelCode = z.infer<typeof PanelCodeSchema>;

export const ProfileFileSchema = z
  .strictObject({
    $schema: z.string().max(300).optional(),
    schemaVersion: z.literal(PROFILE_SCHEMA_VERSION),
    /** Unique file id; a user file with the same id as a built-in one replaces it. */
    id: IdSchema,
    vendor: z.string().min(1).max(100),
    /** Other spellings the search matches: Japanese names, brands, old company names. */
    aliases: z.array(z.string().min(1).max(100)).max(32).default([]),
    family: LocalizedSchema,
    sources: z.array(SourceSchema).min(1).max(200),
    models: z.array(ModelSchema).min(1).max(200),
    /** Codes and messages the vendor's own documentation publishes for scan-to-email / SMTP failures. */
    panelCodes: z.array(PanelCodeSchema).max(300).default([]),
    /** What was searched for and not found (e.g. "no published list of e-mail error codes"), shown as is. */
    panelCodesNote: LocalizedSchema.optional(),
  })
  .superRefine(checkReferences);
export type ProfileFile = z.infer<typeof ProfileFileSchema>;

type RefCtx = z.core.$RefinementCtx<{
  sources: Source[];
  models: ModelEntry[];
  panelCodes: PanelCode[];
}>;

/** Cross-field rules zod's shape cannot say: ids unique, every source reference resolves. */
function checkReferences(
  file: { sources: Source[]; models: ModelEntry[]; panelCodes: PanelCode[] },
  ctx: RefCtx,
): void {
  const known = new Set<string>();
  file.sources.forEach((s, i) => {
    if (known.has(s.id))
      ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
    known.add(s.id);
  });
  const refs = (sources: readonly string[], path: (string | number)[]): void => {
    sources.forEach((id, i) => {
      if (!known.has(id))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'sources', i],
          message: `unknown source id "${id}" (not in the file's "sources")`,
        });
    });
  };
  const modelIds = new Set<string>();
  file.models.forEach((m, mi) => {
    const at = ['models', mi];
    if (modelIds.has(m.id))
      ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `duplicate model id "${m.id}"` });
    modelIds.add(m.id);
    for (const [k, c] of Object.entries(m.capabilities)) refs(c.sources, [...at, 'capabilities', k]);
    const genIds = new Set<string>([CURRENT_GENERATION]);
    m.generations.forEach((g, gi) => {
      if (genIds.has(g.id))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'generations', gi, 'id'],
          message: `duplicate or reserved generation id "${g.id}"`,
        });
      genIds.add(g.id);
      for (const [k, c] of Object.entries(g.capabilities))
        if (c) refs(c.sources, [...at, 'generations', gi, 'capabilities', k]);
    });
    for (const [k, t] of Object.entries(m.menuPaths)) if (t) refs(t.sources, [...at, 'menuPaths', k]);
    for (const [k, t] of Object.entries(m.fields)) if (t) refs(t.sources, [...at, 'fields', k]);
    for (const [k, t] of Object.entries(m.tlsOptions)) if (t) refs(t.sources, [...at, 'tlsOptions', k]);
    for (const [k, t] of Object.entries(m.authOptions ?? {}))
      if (t) refs(t.sources, [...at, 'authOptions', k]);
    if (m.oauth) {
      for (const [k, c] of Object.entries(m.oauth)) if (c) refs(c.sources, [...at, 'oauth', k]);
    }
    m.warnings.forEach((w, wi) => {
      refs(w.sources, [...at, 'warnings', wi]);
      (w.generations ?? []).forEach((g, gi) => {
        if (!genIds.has(g))
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'warnings', wi, 'generations', gi],
            message: `unknown generation id "${g}"`,
          });
      });
    });
    m.identify?.patterns.forEach((p, pi) => refs(p.sources, [...at, 'identify', 'patterns', pi]));
    m.identify?.firmware.forEach((r, ri) => {
      refs(r.sources, [...at, 'identify', 'firmware', ri]);
      if (!genIds.has(r.generation))
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'identify', 'firmware', ri, 'generation'],
          message: `unknown generation id "${r.generation}"`,
        });
    });
  });
  const codeIds = new Set<string>();
  file.panelCodes.forEach((c, ci) => {
    const at = ['panelCodes', ci];
    if (codeIds.has(c.id))
      ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `duplicate panel code id "${c.id}"` });
    codeIds.add(c.id);
    if (c.code === undefined && c.texts.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: at,
        message: 'a panel code needs a "code" or at least one of "texts"',
      });
    refs(c.sources, at);
    (c.models ?? []).forEach((id, i) => {
      if (!modelIds.has(id))
        ctx.addIssue({ code: 'custom', path: [...at, 'models', i], message: `unknown model id "${id}"` });
    });
  });
}

export interface ProfileError {
  /** Dotted path of the field, e.g. `models[2].capabilities.maxTls.value`; "(file)" for the file as a whole. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; profile: ProfileFile } | { ok: false; errors: ProfileError[] };

/** `['models', 2, 'capabilities']` → `models[2].capabilities`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(file)' : out;
}

/** At most this many errors are reported for one file (a wrong file type would otherwise list thousands). */
export const MAX_REPORTED_ERRORS = 50;

export function profileErrorsOf(error: z.ZodError): ProfileError[] {
  const out: ProfileError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown key as its own field, so "models[0].capabilitys" reads as the typo it is.
      for (const key of issue.keys)
        out.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
    } else {
      out.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return out.slice(0, MAX_REPORTED_ERRORS);
}

/** Validate a profile file's text. Never throws; every error names its field. */
export function parseProfileFile(text: string): ParseResult {
  if (text.length > MAX_PROFILE_FILE_CHARS) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: `file is larger than ${MAX_PROFILE_FILE_CHARS} characters` }],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: '(file)', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  return parseProfileData(data);
}

/** Validate already-parsed JSON data. */
export function parseProfileData(data: unknown): ParseResult {
  const r = ProfileFileSchema.safeParse(data);
  return r.success ? { ok: true, profile: r.data } : { ok: false, errors: profileErrorsOf(r.error) };
}
