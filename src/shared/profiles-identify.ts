// The `identify` block of a model in a profile file: how "identify" (SNMP + IPP) recognises this model and its
// firmware generation, each rule with the sources that justify it. Kept in its own block so the vendor claims
// (OAuth, panel codes) and these rules can be edited apart. Pure: no Node, no DOM.
import { z } from 'zod';

/** Longest pattern accepted (keeps imported rules readable and cheap to run on ≤ 1 KB device strings). */
export const MAX_IDENTIFY_PATTERN_CHARS = 200;

const IdRef = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);
const SourceRefs = z
  .array(IdRef)
  .min(1, { message: 'every identify rule needs at least one source id' })
  .max(8);

/** Observed values a pattern may look at (SNMP and IPP names as the protocols spell them). */
export const IDENTIFY_FIELDS = [
  'sysDescr',
  'hrDeviceDescr',
  'prtGeneralPrinterName',
  'printer-make-and-model',
  'printer-device-id',
  'printer-info',
] as const;
export type IdentifyField = (typeof IDENTIFY_FIELDS)[number];

const Pattern = z
  .string()
  .min(1)
  .max(MAX_IDENTIFY_PATTERN_CHARS)
  .refine(
    (p) => {
      try {
        new RegExp(p, 'iu');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  );

export const IdentifyPatternSchema = z.strictObject({
  /** Case-insensitive regular expression over the observed text, e.g. "^RICOH IM C\\d{4}\\b". */
  pattern: Pattern,
  /** `model`: names one model of this entry; `series`: only the series (less sure). */
  level: z.enum(['model', 'series']),
  /** Where to look; absent = every field in IDENTIFY_FIELDS. */
  fields: z.array(z.enum(IDENTIFY_FIELDS)).min(1).max(IDENTIFY_FIELDS.length).optional(),
  /** A value seen on a real device that this pattern matches (the tests check it does). */
  example: z.string().max(300).optional(),
  sources: SourceRefs,
});
export type IdentifyPattern = z.infer<typeof IdentifyPatternSchema>;

export const IdentifyFirmwareRuleSchema = z.strictObject({
  /** Generation id of this model (or "current"). */
  generation: IdRef,
  /** Regular expression over the firmware string (IPP printer-firmware-string-version, or the version in sysDescr). */
  pattern: Pattern,
  sources: SourceRefs,
});
export type IdentifyFirmwareRule = z.infer<typeof IdentifyFirmwareRuleSchema>;

export const IdentifyBlockSchema = z.strictObject({
  /** IANA enterprise numbers in this vendor's sysObjectID (1.3.6.1.4.1.<n>…). */
  enterprises: z.array(z.number().int().min(0).max(4_294_967_295)).max(8).default([]),
  patterns: z.array(IdentifyPatternSchema).min(1).max(32),
  /** Firmware generations told apart by the version string; none = the generation stays "not determined". */
  firmware: z.array(IdentifyFirmwareRuleSchema).max(16).default([]),
});
export type IdentifyBlock = z.infer<typeof IdentifyBlockSchema>;
