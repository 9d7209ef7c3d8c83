// From what the device said to a profile: vendor by sysObjectID enterprise number, model by the patterns kept in
// the profile files (with their sources) and by the model names listed there, firmware generation only by a
// firmware rule. How sure: each reason adds weight, and a verified vendor that disagrees takes it away. Nothing
// is assumed: no rule for the firmware means "generation not determined", not "current".
import {
  ENTERPRISES,
  enterpriseEntry,
  enterpriseOf,
  type EnterpriseSource,
} from '../../shared/identify-enterprises';
import type {
  Confidence,
  IdentifyEvidence,
  IdentifyOutcome,
  IppProbe,
  MatchReason,
  ProfileMatch,
  SnmpProbe,
} from '../../shared/identify';
import { IDENTIFY_FIELDS, type IdentifyField } from '../../shared/profiles-identify';
import type { ProfileFile, Source } from '../../shared/profiles';
import { normalizeForSearch, type LoadedProfileFile } from '../../shared/profiles-resolve';

/** Weights: a model named outright outweighs a series pattern; a second, independent signal adds one. */
const WEIGHT = {
  'model-name': 3,
  'model-pattern': 3,
  'series-pattern': 2,
  enterprise: 1,
  bothProtocols: 1,
  vendorConflict: -3,
} as const;
const HIGH_AT = 4;
const MEDIUM_AT = 2;
/** Profile files never proposed by identify: the catch-all and the application profiles. */
const NOT_IDENTIFIABLE = new Set(['generic-mfp', 'business-application']);

type Observed = Partial<Record<IdentifyField, string>>;

/** Fields of the IEEE 1284 device id ("MFG:Xerox;MDL:AltaLink C8045;…"), keys upper-cased. */
export function parseDeviceId(id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of id.split(';')) {
    const at = part.indexOf(':');
    if (at > 0) out[part.slice(0, at).trim().toUpperCase()] = part.slice(at + 1).trim();
  }
  return out;
}

export function observedFields(snmp: SnmpProbe, ippProbe: IppProbe): Observed {
  const o: Observed = {};
  const s = snmp.values;
  const i = ippProbe.values;
  if (s.sysDescr) o.sysDescr = s.sysDescr;
  if (s.hrDeviceDescr) o.hrDeviceDescr = s.hrDeviceDescr;
  if (s.prtGeneralPrinterName) o.prtGeneralPrinterName = s.prtGeneralPrinterName;
  if (i['printer-make-and-model']) o['printer-make-and-model'] = i['printer-make-and-model'];
  if (i['printer-device-id']) {
    const d = parseDeviceId(i['printer-device-id']);
    const mdl = d.MDL ?? d.MODEL;
    const mfg = d.MFG ?? d.MANUFACTURER;
    o['printer-device-id'] = mdl ? [mfg, mdl].filter(Boolean).join(' ') : i['printer-device-id'];
  }
  if (i['printer-info']) o['printer-info'] = i['printer-info'];
  return o;
}

const SNMP_FIELDS = new Set<IdentifyField>(['sysDescr', 'hrDeviceDescr', 'prtGeneralPrinterName']);

function sourcesOf(file: ProfileFile, ids: readonly string[]): Source[] {
  return ids.map((id) => file.sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined);
}
const asEvidenceSources = (s: readonly (Source | EnterpriseSource)[]): MatchReason['sources'] =>
  s.slice(0, 8).map((x) => ({ title: x.title, url: x.url, vendorDoc: x.vendorDoc }));

/** Whether `name` (e.g. "MX-3570FN") occurs in `text` not followed by a digit ("IM C300" must not match "IM C3000"). */
function containsModelName(text: string, name: string): boolean {
  const t = normalizeForSearch(text);
  const n = normalizeForSearch(name);
  if (n.length < 4 || !/\d/.test(n)) return false;
  for (let at = t.indexOf(n); at >= 0; at = t.indexOf(n, at + 1)) {
    if (!/\d/.test(t.charAt(at + n.length))) return true;
  }
  return false;
}

interface Candidate {
  file: ProfileFile;
  match: ProfileMatch;
  score: number;
}

function confidenceOf(score: number): Confidence {
  return score >= HIGH_AT ? 'high' : score >= MEDIUM_AT ? 'medium' : 'low';
}

/** The firmware / version string as the device gave it. */
export function firmwareOf(snmp: SnmpProbe, ippProbe: IppProbe): string | null {
  const i = ippProbe.values;
  const fromIpp = i['printer-firmware-string-version'] ?? i['printer-firmware-version'];
  if (fromIpp) return fromIpp;
  const d = snmp.values.sysDescr ?? '';
  const patterns = [
    /\bFirmware Ver\.?\s*([0-9][\w.-]*)/i, // Brother NC-xxxx: "Firmware Ver.1.14"
    /;\s*SS ([0-9][0-9.]+)/, // Xerox: "…; SS 100.002.057.09608, NC …"
    /^RICOH .+? (\d+\.\d+[\w.]*) \//, // Ricoh: "RICOH MP 3053 1.09 / RICOH Network Printer …"
    /\bversion\s+([0-9][\w.-]*)/i,
  ];
  for (const p of patterns) {
    const m = p.exec(d);
    if (m?.[1]) return m[1];
  }
  return null;
}

export function modelOf(snmp: SnmpProbe, ippProbe: IppProbe): string | null {
  const o = observedFields(snmp, ippProbe);
  const descr = snmp.values.sysDescr?.split(/ \/ |;|,/)[0]?.trim();
  return (
    o['printer-make-and-model'] ??
    o.hrDeviceDescr ??
    o.prtGeneralPrinterName ??
    o['printer-device-id'] ??
    (descr || null)
  );
}

export function serialOf(snmp: SnmpProbe, ippProbe: IppProbe): string | null {
  if (snmp.values.prtGeneralSerialNumber) return snmp.values.prtGeneralSerialNumber;
  const id = ippProbe.values['printer-device-id'];
  const d = id ? parseDeviceId(id) : {};
  return d.SN ?? d.SERN ?? null;
}

function candidateFor(
  file: ProfileFile,
  m: ProfileFile['models'][number],
  observed: Observed,
  enterprise: number | null,
  firmware: string | null,
): Candidate | null {
  const reasons: MatchReason[] = [];
  let best = 0;
  const protocols = new Set<'snmp' | 'ipp'>();
  const block = m.identify;
  for (const p of block?.patterns ?? []) {
    const re = new RegExp(p.pattern, 'iu');
    for (const field of p.fields ?? IDENTIFY_FIELDS) {
      const value = observed[field];
      if (!value || !re.test(value)) continue;
      const kind = p.level === 'model' ? 'model-pattern' : 'series-pattern';
      best = Math.max(best, WEIGHT[kind]);
      protocols.add(SNMP_FIELDS.has(field) ? 'snmp' : 'ipp');
      if (!reasons.some((r) => r.kind === kind && r.field === field)) {
        reasons.push({
          kind,
          field,
          value,
          matched: p.pattern,
          sources: asEvidenceSources(sourcesOf(file, p.sources)),
        });
      }
    }
  }
  for (const name of m.names) {
    for (const field of IDENTIFY_FIELDS) {
      const value = observed[field];
      if (!value || !containsModelName(value, name)) continue;
      best = Math.max(best, WEIGHT['model-name']);
      protocols.add(SNMP_FIELDS.has(field) ? 'snmp' : 'ipp');
      if (!reasons.some((r) => r.kind === 'model-name' && r.field === field)) {
        reasons.push({
          kind: 'model-name',
          field,
          value,
          matched: name,
          sources: [{ title: `model name listed in profile file "${file.id}"`, url: null, vendorDoc: false }],
        });
      }
    }
  }
  if (best === 0) return null;
  let score = best + (protocols.size > 1 ? WEIGHT.bothProtocols : 0);
  const ent = enterprise !== null ? enterpriseEntry(enterprise) : null;
  if (enterprise !== null && block?.enterprises.includes(enterprise)) {
    score += WEIGHT.enterprise;
    reasons.push({
      kind: 'enterprise',
      field: 'sysObjectID',
      value: String(enterprise),
      matched: `${enterprise} = ${ent?.vendor ?? m.vendor}`,
      sources: asEvidenceSources(ent?.sources ?? []),
    });
  } else if (ent && ent.verified && !ent.generic && !ent.fileIds.includes(file.id)) {
    score += WEIGHT.vendorConflict;
  }
  let generationId: string | null = null;
  for (const rule of block?.firmware ?? []) {
    if (firmware && new RegExp(rule.pattern, 'iu').test(firmware)) {
      generationId = rule.generation;
      reasons.push({
        kind: 'firmware',
        field: 'firmware',
        value: firmware,
        matched: rule.pattern,
        sources: asEvidenceSources(sourcesOf(file, rule.sources)),
      });
      break;
    }
  }
  return {
    file,
    score,
    match: {
      fileId: file.id,
      modelId: m.id,
      vendor: m.vendor,
      series: m.family,
      generationId,
      confidence: confidenceOf(score),
      reasons: reasons.slice(0, 16),
    },
  };
}

/** Every profile model the observations point at, best first (only those scoring at least "low" > 0). */
export function matchProfiles(
  files: readonly LoadedProfileFile[],
  snmp: SnmpProbe,
  ippProbe: IppProbe,
): ProfileMatch[] {
  const observed = observedFields(snmp, ippProbe);
  const enterprise = snmp.values.sysObjectID ? enterpriseOf(snmp.values.sysObjectID) : null;
  const firmware = firmwareOf(snmp, ippProbe);
  const out: Candidate[] = [];
  for (const f of files) {
    if (NOT_IDENTIFIABLE.has(f.profile.id)) continue;
    for (const m of f.profile.models) {
      if (m.kind !== 'mfp') continue;
      const c = candidateFor(f.profile, m, observed, enterprise, firmware);
      if (c && c.score > 0) out.push(c);
    }
  }
  out.sort((a, b) => b.score - a.score || a.match.modelId.localeCompare(b.match.modelId));
  return out.map((c) => c.match);
}

export interface IdentifyInputs {
  address: string;
  customCommunity: boolean;
  snmp: SnmpProbe;
  ipp: IppProbe;
  startedAt: Date;
  elapsedMs: number;
}

/** Puts the probes and the profile match together into the evidence kept in the report. */
export function buildEvidence(files: readonly LoadedProfileFile[], x: IdentifyInputs): IdentifyEvidence {
  const { snmp, ipp: ippProbe } = x;
  const enterprise = snmp.values.sysObjectID ? enterpriseOf(snmp.values.sysObjectID) : null;
  const ent = enterprise !== null ? enterpriseEntry(enterprise) : null;
  const matches = matchProfiles(files, snmp, ippProbe);
  const [best, ...rest] = matches;
  const answered = snmp.status === 'answered' || ippProbe.status === 'answered';
  const vendor = ent
    ? { name: ent.vendor, enterprise, verified: ent.verified }
    : best
      ? { name: best.vendor, verified: false }
      : null;
  let outcome: IdentifyOutcome;
  if (snmp.status === 'cancelled' || ippProbe.status === 'cancelled') outcome = 'cancelled';
  else if (!answered) outcome = 'no-answer';
  else if (best) outcome = 'identified';
  else if (ippProbe.status !== 'answered' && !snmp.printerMib && (ent?.generic === true || !ent))
    outcome = 'not-a-printer';
  else if (ent && !ent.generic) outcome = 'vendor-only';
  else outcome = 'unknown';
  return {
    at: x.startedAt.toISOString(),
    address: x.address,
    customCommunity: x.customCommunity,
    snmp,
    ipp: ippProbe,
    outcome,
    vendor: vendor
      ? {
          name: vendor.name,
          ...(vendor.enterprise !== undefined && vendor.enterprise !== null
            ? { enterprise: vendor.enterprise }
            : {}),
          verified: vendor.verified,
        }
      : null,
    model: answered ? modelOf(snmp, ippProbe) : null,
    firmware: answered ? firmwareOf(snmp, ippProbe) : null,
    serial: answered ? serialOf(snmp, ippProbe) : null,
    match: best ?? null,
    alternatives: rest.slice(0, 5),
    elapsedMs: x.elapsedMs,
  };
}

/** Profile file ids of a vendor named by an enterprise number (for "vendor-only": offer these, then Other MFP). */
export function vendorFileIds(evidence: IdentifyEvidence): string[] {
  const e = evidence.vendor?.enterprise;
  return e === undefined ? [] : (ENTERPRISES.find((x) => x.enterprise === e)?.fileIds ?? []);
}
