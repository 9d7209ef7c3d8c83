// What "identify" (SNMP + IPP, one address, on the technician's command) saw, what it concluded and how sure it
// is: the evidence kept in the report and shown by the CLI and the app. Pure: no Node, no DOM (crosses IPC).
// Never holds the SNMP community: it is a secret (src/shared/secrets.ts), used for the request and dropped.
import { z } from 'zod';

/** Longest value kept from a device (sysDescr may be long; printer-device-id up to 1023 octets). */
export const MAX_OBSERVED_CHARS = 1024;
const Observed = z.string().max(MAX_OBSERVED_CHARS);

export const SNMP_VALUE_KEYS = [
  'sysDescr',
  'sysObjectID',
  'sysName',
  'hrDeviceDescr',
  'hrDeviceType',
  'prtGeneralPrinterName',
  'prtGeneralSerialNumber',
] as const;
export type SnmpValueKey = (typeof SNMP_VALUE_KEYS)[number];

export const IPP_VALUE_KEYS = [
  'printer-make-and-model',
  'printer-firmware-name',
  'printer-firmware-string-version',
  'printer-firmware-version',
  'printer-device-id',
  'printer-info',
  'printer-name',
] as const;
export type IppValueKey = (typeof IPP_VALUE_KEYS)[number];

/**
 * answered: the agent replied. no-answer: nothing within the deadline (wrong community, SNMP off, filtered or no
 * host: SNMP v1/v2c cannot tell these apart, agents drop a wrong community silently). refused: ICMP port
 * unreachable / TCP RST. not-ipp: something answered on the port but not IPP. error: anything else (message says).
 * cancelled: the technician pressed Cancel.
 */
export const ProbeStatusSchema = z.enum([
  'answered',
  'no-answer',
  'refused',
  'not-ipp',
  'error',
  'cancelled',
  'skipped',
]);
export type ProbeStatus = z.infer<typeof ProbeStatusSchema>;

export const SnmpProbeSchema = z.object({
  status: ProbeStatusSchema,
  port: z.number().int().min(1).max(65535),
  /** Which SNMP version answered (v2c first, then v1). */
  version: z.enum(['v2c', 'v1']).optional(),
  values: z.partialRecord(z.enum(SNMP_VALUE_KEYS), Observed).default({}),
  /** Printer-MIB or Host-Resources says "printer" (prtGeneral* answered, or hrDeviceType = hrDevicePrinter). */
  printerMib: z.boolean().default(false),
  message: z.string().max(500).optional(),
  elapsedMs: z.number().int().min(0),
});
export type SnmpProbe = z.infer<typeof SnmpProbeSchema>;

export const IppProbeSchema = z.object({
  status: ProbeStatusSchema,
  port: z.number().int().min(1).max(65535),
  /** The resource path that answered, e.g. /ipp/print. */
  path: z.string().max(100).optional(),
  values: z.partialRecord(z.enum(IPP_VALUE_KEYS), Observed).default({}),
  message: z.string().max(500).optional(),
  elapsedMs: z.number().int().min(0),
});
export type IppProbe = z.infer<typeof IppProbeSchema>;

/** One observation that supported the match, and the source that says why it means what it means. */
export const MatchReasonSchema = z.object({
  kind: z.enum(['enterprise', 'model-pattern', 'series-pattern', 'model-name', 'firmware']),
  /** Which observed value, e.g. sysDescr or printer-make-and-model. */
  field: z.string().max(60),
  value: Observed,
  /** The pattern or number that matched. */
  matched: z.string().max(300),
  /** Source titles/URLs backing the pattern (from the profile file or the enterprise table). */
  sources: z
    .array(
      z.object({ title: z.string().max(300), url: z.string().max(2000).nullable(), vendorDoc: z.boolean() }),
    )
    .max(8),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const ProfileMatchSchema = z.object({
  fileId: z.string().max(100),
  modelId: z.string().max(100),
  vendor: z.string().max(100),
  series: z.string().max(200),
  /** The firmware generation a firmware rule recognised, or null: not determined (never assumed "current"). */
  generationId: z.string().max(100).nullable(),
  confidence: ConfidenceSchema,
  reasons: z.array(MatchReasonSchema).max(16),
});
export type ProfileMatch = z.infer<typeof ProfileMatchSchema>;

/**
 * identified: a profile matched. vendor-only: the vendor is known, the model not in any profile. unknown: a printer
 * answered but nothing matched. not-a-printer: an SNMP agent answered without Printer-MIB and no IPP. no-answer:
 * neither protocol answered.
 */
export const IdentifyOutcomeSchema = z.enum([
  'identified',
  'vendor-only',
  'unknown',
  'not-a-printer',
  'no-answer',
  'cancelled',
]);
export type IdentifyOutcome = z.infer<typeof IdentifyOutcomeSchema>;

export const IdentifyEvidenceSchema = z.object({
  at: z.string().max(40),
  address: z.string().max(253),
  /** True when a community other than "public" was given (the value itself is never kept). */
  customCommunity: z.boolean().default(false),
  snmp: SnmpProbeSchema,
  ipp: IppProbeSchema,
  outcome: IdentifyOutcomeSchema,
  vendor: z
    .object({
      name: z.string().max(100),
      enterprise: z.number().int().min(0).optional(),
      verified: z.boolean(),
    })
    .nullable(),
  /** Best model string seen (IPP make-and-model, else hrDeviceDescr, else sysDescr's first part). */
  model: Observed.nullable(),
  /** Firmware / version string as the device gave it. */
  firmware: Observed.nullable(),
  serial: Observed.nullable(),
  match: ProfileMatchSchema.nullable(),
  /** Other profiles that matched less well, best first. */
  alternatives: z.array(ProfileMatchSchema).max(5).default([]),
  elapsedMs: z.number().int().min(0),
});
export type IdentifyEvidence = z.infer<typeof IdentifyEvidenceSchema>;

/** 0.0.0.0, 255.255.255.255, IPv4 224.0.0.0/4 multicast, IPv6 :: and ff00::/8: never one device. */
export function isGroupAddress(address: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const first = Number(v4[1]);
    return address === '0.0.0.0' || address === '255.255.255.255' || (first >= 224 && first <= 239);
  }
  const lower = address.toLowerCase();
  return lower === '::' || /^ff[0-9a-f]{2}:/.test(lower);
}

/** What the technician asks for (the app's Detect form, the CLI's flags). */
export const IdentifyRequestSchema = z.object({
  /** One address: an IPv4/IPv6 literal or a host name. Never a range or a list (no sweeps). */
  address: z
    .string()
    .min(1)
    .max(253)
    .refine((s) => /^[A-Za-z0-9.:-]+$/.test(s) && !s.includes('/') && !s.includes('..'), {
      message: 'one IP address or host name (no ranges, lists or spaces)',
    })
    .refine((s) => !isGroupAddress(s), {
      message: 'a broadcast, multicast or unspecified address would reach many devices: give one device',
    }),
  /** SNMP read community; default "public". A secret: never logged, stored or reported. */
  community: z.string().min(1).max(255).optional(),
  snmpPort: z.number().int().min(1).max(65535).default(161),
  ippPort: z.number().int().min(1).max(65535).default(631),
});
export type IdentifyRequest = z.infer<typeof IdentifyRequestSchema>;
export type IdentifyRequestInput = z.input<typeof IdentifyRequestSchema>;

/** The profile reference the job takes from a match (`model` or `model@generation`, as toDeviceProfile writes). */
export function profileRefOf(m: Pick<ProfileMatch, 'modelId' | 'generationId'>): string {
  return m.generationId && m.generationId !== 'current' ? `${m.modelId}@${m.generationId}` : m.modelId;
}
