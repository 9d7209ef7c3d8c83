// Method advisor: the rules are in advisor.ts (no zod, so the engine's `auto` runs them without zod's load time);
// this module adds the schema of what callers pass at their boundary (the app's method screen, `advise`) and is
// where they import both from. The compiler holds the schema and advisor.ts's AdvisorInput in step (below).
import { z } from 'zod';
import type { AdvisorInput } from './advisor';
import { CipherFamilySchema, FORBIDDEN_FIELD_CHARS, TlsVersionSchema } from './model';

export * from './advisor';

const field = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !FORBIDDEN_FIELD_CHARS.test(s), { message: 'must not contain CR, LF or NUL' });
const triState = <T extends string>(on: T, off: T) => z.enum([on, off, 'unknown']);

export const AdvisorInputSchema = z.object({
  recipients: z.enum(['internal', 'external']),
  /** Highest TLS version the device negotiates; null = no TLS at all. */
  deviceTlsMax: TlsVersionSchema.nullable(),
  cipherFamily: CipherFamilySchema,
  supportsAuth: z.boolean(),
  supportsOAuth: z.boolean(),
  /** How the device will sign in for client submission (the technician's one choice); absent = OAuth whenever
   *  the device supports it. 'oauth' on a device without OAuth counts as 'basic' (it cannot do otherwise). */
  signIn: z.enum(['basic', 'oauth']).optional(),
  /** The site's static public IP, or whether one exists when its value is not known. */
  staticIp: z.union([field(45), z.boolean()]),
  tenantSmtpAuth: triState('enabled', 'disabled'),
  securityDefaults: triState('on', 'off'),
  rejectDirectSend: triState('on', 'off'),
  /** Characters the device's server field accepts; null = unknown / unlimited. */
  serverFieldMaxLength: z.number().int().positive().max(1024).nullable(),
  domain: field(253).optional(),
  mxHost: field(253).optional(),
  mailbox: field(320).optional(),
  now: z.date(),
});

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** A compile error here: AdvisorInputSchema and advisor.ts's AdvisorInput differ (change both). */
export const _advisorInputInStep: Same<z.infer<typeof AdvisorInputSchema>, AdvisorInput> = true;
