// The argument schemas of every IPC channel: main validates each call with these before a handler sees it
// (src/main/ipc-dispatch.ts). The contract (src/shared/ipc.ts) declares the same arguments as plain types for
// the preload and the renderer; the check at the end of this file makes the compiler reject a schema that
// accepts anything other than exactly those types, so a field added on one side only does not compile.
import { PracticeSchema } from '../shared/practice-schema';
import { z } from 'zod';
import { DiagnoseRequestSchema, DiagnosisSchema, LangSchema, MethodSchema } from '../shared/model';
import { JobSchema, ReportIdSchema, ReportSchema } from '../shared/report';
import { IdentifyRequestSchema } from '../shared/identify';
import { SCENARIOS } from '../shared/lab-info';
import type { InvokeArgs, InvokeChannel } from '../shared/ipc';

// ---------------------------------------------------------------------------------------------------------------
// Shared argument pieces

/** Ids of runs, reports, capture sessions: opaque, file-name safe, bounded. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1-100 letters, digits, dot, dash or underscore');
/** Secret keys, e.g. `user@contoso.com@smtp.office365.com`: printable, bounded (never the secret itself). */
const SecretKeySchema = z
  .string()
  .min(1)
  .max(400)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });
const ScenarioSchema = z.enum(SCENARIOS);
const ReportFormatSchema = z.enum(['html', 'pdf', 'zip', 'ticket']);
const TicketFormatSchema = z.enum(['markdown', 'text']);
/** Report list filter: free text, customer, site, device, finding code, date range (YYYY-MM-DD or ISO). */
const ReportQuerySchema = z.object({
  text: z.string().max(200).optional(),
  customer: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
  device: z.string().max(200).optional(),
  findingCode: z.string().max(60).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});
/** Relay-through for capture mode: where captured messages are forwarded and how to sign in there. */
const CaptureRelaySchema = z.object({
  host: z.string().min(1).max(253),
  address: z.string().min(1).max(253).optional(),
  port: z.number().int().min(1).max(65535),
  requireTls: z.boolean().default(true),
  extraCaPem: z.array(z.string().max(100_000)).max(8).default([]),
  auth: z
    .union([
      z.literal('device'),
      z.object({ user: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
      z.null(),
    ])
    .default('device'),
});
/** A listener address for capture mode. */
const ListenSchema = z.object({
  address: z.string().min(1).max(45),
  port: z.number().int().min(0).max(65535),
  implicitTls: z.boolean().default(false),
});
/** capture:start's one argument (CaptureStartArgs in the contract). */
const CaptureStartSchema = z.object({
  listen: z.array(ListenSchema).min(1).max(4),
  method: MethodSchema,
  tenantDomains: z.array(z.string().min(1).max(253)).max(20).default([]),
  relay: CaptureRelaySchema.nullable().default(null),
  practice: PracticeSchema.optional(),
  listenerPassword: z.string().min(8).max(256).optional(),
});

const none = z.tuple([]);

// ---------------------------------------------------------------------------------------------------------------
// One schema per channel (a tuple: the call's argument list)

export const IPC_SCHEMAS = {
  'app:info': none,
  'net:interfaces': none,

  'diagnose:start': z.tuple([DiagnoseRequestSchema]),
  'diagnose:cancel': z.tuple([IdSchema]),

  'lab:scenarios': none,
  'lab:start': z.tuple([z.object({ scenario: ScenarioSchema.default('healthy') })]),
  'lab:stop': none,

  'profiles:list': none,
  'profiles:import': z.tuple([
    z.object({ fileName: z.string().min(1).max(255).optional(), text: z.string().max(2_000_000) }),
  ]),

  'secrets:remember': z.tuple([z.object({ key: SecretKeySchema, secret: z.string().min(1).max(16_384) })]),
  'secrets:recall': z.tuple([z.object({ key: SecretKeySchema })]),
  'secrets:forget': z.tuple([z.object({ key: SecretKeySchema })]),

  'oauth:inspect': z.tuple([
    z.object({
      token: z.string().min(1).max(16_384),
      tenantId: z.string().max(60).optional(),
      user: z.string().max(320).optional(),
    }),
  ]),
  'oauth:sign-in': z.tuple([
    z.object({
      tenant: z.string().min(1).max(253),
      clientId: z.string().min(1).max(60),
      lab: z.boolean().default(false),
    }),
  ]),
  'oauth:cancel': z.tuple([IdSchema]),
  'oauth:app-sign-in': z.tuple([
    z.object({
      tenant: z.string().min(1).max(253),
      clientId: z.string().min(1).max(60),
      lab: z.boolean().default(false),
      clientSecret: z.string().min(1).max(1024).optional(),
      certificate: z.object({ text: z.string().min(1).max(65_536) }).optional(),
    }),
  ]),

  'shell:open-external': z.tuple([z.object({ url: z.string().min(1).max(2048) })]),

  'reports:list': z.tuple([ReportQuerySchema.optional()]),
  'reports:open': z.tuple([ReportIdSchema]),
  'reports:create': z.tuple([z.object({ job: JobSchema })]),
  'reports:save': z.tuple([z.object({ report: ReportSchema })]),
  'reports:add-run': z.tuple([
    z.object({
      id: ReportIdSchema.optional(),
      job: JobSchema.optional(),
      diagnosis: DiagnosisSchema,
      label: z.string().max(200).optional(),
      savePractice: z.boolean().optional(),
    }),
  ]),
  'reports:delete': z.tuple([ReportIdSchema]),
  'reports:restore': z.tuple([ReportIdSchema]),
  'reports:export': z.tuple([
    z.object({
      id: ReportIdSchema,
      format: ReportFormatSchema,
      lang: LangSchema,
      ticketFormat: TicketFormatSchema.optional(),
    }),
  ]),
  'reports:ticket-text': z.tuple([
    z.object({ id: ReportIdSchema, lang: LangSchema, ticketFormat: TicketFormatSchema }),
  ]),

  'capture:start': z.tuple([CaptureStartSchema]),
  'capture:stop': z.tuple([IdSchema]),
  'capture:sessions': z.tuple([IdSchema]),
  'capture:save': z.tuple([
    z.object({ captureId: IdSchema, index: z.number().int().min(0).max(10_000), reportId: ReportIdSchema }),
  ]),

  'identify:run': z.tuple([IdentifyRequestSchema.extend({ id: IdSchema })]),
  'identify:cancel': z.tuple([IdSchema]),
} as const satisfies { [C in InvokeChannel]: z.ZodType };

export type IpcSchemas = typeof IPC_SCHEMAS;
/** What a handler receives (the schema's output: defaults filled in). */
export type InvokeParsedArgs<C extends InvokeChannel> = z.output<IpcSchemas[C]>;

// ---------------------------------------------------------------------------------------------------------------
// The contract and the schemas agree: each schema accepts exactly the argument type the contract declares
// (both directions assignable). A channel whose entry here is not `true` is out of step with src/shared/ipc.ts.

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type InStep = { [C in InvokeChannel]: Same<z.input<IpcSchemas[C]>, InvokeArgs<C>> };
type AllInStep<T extends { [C in InvokeChannel]: true }> = T;
// A compile error here names the channel whose schema and contract type differ.
export type _ContractInStep = AllInStep<InStep>;
