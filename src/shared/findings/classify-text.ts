// Reply classifier: any SMTP reply, NDR line, printer log line, Outlook error or client error text →
// findings, primary first. Unknown 4xx/5xx become UNRECOGNIZED_REPLY with the generic meaning of their
// codes: never a confident wrong answer. 2xx/3xx replies yield nothing.
import type { FindingRef } from '../model';
import type { FindingCode } from './codes';
import { findReply, formatReply, parseReply, type FoundReply } from './reply';
import { isMicrosoft365Name } from './m365-names';
import { classifyNested } from './nested';
import { REPLY_RULES, TEXT_RULES, type ReplyRule } from './rules';
import { innermostReply } from './ndr';
import { classifyWording } from './wording';

export { parseReply, stripServerSuffix, findReply, type ParsedReply } from './reply';

/** Most input characters scanned; the rest of a huge paste is ignored (work stays bounded). */
export const MAX_SCAN_CHARS = 256 * 1024;
/** Most lines scanned. */
export const MAX_SCAN_LINES = 2000;
/** Longest line examined, in characters (longer lines are cut). */
export const MAX_LINE_CHARS = 4000;
/** Most evidence lines kept per finding. */
const MAX_EVIDENCE = 3;
/** Longest evidence line kept, in characters. */
const MAX_EVIDENCE_CHARS = 500;

function ruleMatches(rule: ReplyRule, r: FoundReply, lower: string): boolean {
  if (rule.text === undefined && rule.enhanced === undefined && rule.basic === undefined) return false;
  if (rule.text !== undefined && !rule.text.test(lower)) return false;
  if (rule.enhanced !== undefined && (r.enhanced === null || !rule.enhanced.test(r.enhanced))) return false;
  if (rule.basic !== undefined && (!r.hasBasic || !rule.basic.test(String(r.code)))) return false;
  return true;
}

const SUBJECTS = ['other', 'addressing', 'mailbox', 'system', 'network', 'protocol', 'content', 'security'];

/** Generic meaning of an unknown reply: class from the first digit, subject from the enhanced code's middle. */
function unrecognized(r: FoundReply): Record<string, string> {
  const subjectDigit = r.enhanced === null ? NaN : Number(r.enhanced.split('.')[1]);
  const params: Record<string, string> = {
    reply: formatReply(r),
    replyCode: String(r.code),
    replyClass: r.code >= 500 ? 'permanent' : 'transient',
    subject: Number.isInteger(subjectDigit) ? (SUBJECTS[subjectDigit] ?? 'other') : 'none',
  };
  if (r.enhanced !== null) params.enhanced = r.enhanced;
  return params;
}

const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/;

function replyParams(code: FindingCode, r: FoundReply, line: string): Record<string, string> {
  const params: Record<string, string> = { reply: formatReply(r), replyCode: String(r.code) };
  if (r.enhanced !== null) params.enhanced = r.enhanced;
  const ip =
    /\[(\d{1,3}(?:\.\d{1,3}){3})\]/.exec(line)?.[1] ??
    /\bip\b[^\d\n]{0,12}(\d{1,3}(?:\.\d{1,3}){3})\b/i.exec(line)?.[1];
  if (ip !== undefined) params.ip = ip;
  if (code === 'SEND_AS_DENIED') {
    const m =
      /([^\s;<>]{1,254}@[^\s;<>]{1,254}) not allowed to send as ([^\s;<>]{1,254}@[^\s;<>]{1,254})/i.exec(
        r.text,
      );
    if (m?.[1] !== undefined && m[2] !== undefined) {
      params.mailbox = m[1];
      params.sender = m[2].replace(/[.,;]$/, '');
    }
  }
  return params;
}

function textParams(line: string, match: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = { reason: match[0] };
  const hostPort =
    /\b(?:econnrefused|etimedout|ehostunreach|enetunreach|econnreset)\s+([\w.:-]{1,253}?):(\d{1,5})\b/i.exec(
      line,
    );
  if (hostPort?.[1] !== undefined && hostPort[2] !== undefined) {
    params.host = hostPort[1];
    params.port = hostPort[2];
  }
  const dns = /\b(?:enotfound|eai_again|eservfail|econnrefused|etimeout)\s+([\w.-]{1,253})/i.exec(line);
  if (dns?.[1] !== undefined) params.host = dns[1];
  const ip = IPV4.exec(line)?.[1];
  if (params.host === undefined && ip !== undefined) params.host = ip;
  return params;
}

interface Hit {
  ref: FindingRef;
  unknown: boolean;
  /** A family from code-less wording: ranked after every coded finding (the nested/quoted code wins). */
  family?: boolean;
}

function classifyLine(line: string, evidence: string): Hit | null {
  // A reply quoted inside Exchange Online's own (connector delivery) belongs to the downstream server.
  const outer = findReply(line);
  const nested = classifyNested(line, outer, evidence);
  if (nested) return { ref: nested, unknown: false };
  // NDRs nest replies ("#5.7.1 smtp;550 5.7.606 ..."): the innermost one says why.
  const r = findReply(innermostReply(line));
  if (r && r.hasBasic) {
    if (r.code < 400) return null;
    const lower = r.text.toLowerCase();
    const rule = REPLY_RULES.find((x) => ruleMatches(x, r, lower));
    if (rule)
      return {
        ref: { code: rule.code, params: replyParams(rule.code, r, line), evidence: [evidence] },
        unknown: false,
      };
    return {
      ref: { code: 'UNRECOGNIZED_REPLY', params: unrecognized(r), evidence: [evidence] },
      unknown: true,
    };
  }
  const lower = line.toLowerCase();
  if (r) {
    const rule = REPLY_RULES.find((x) => ruleMatches(x, r, lower));
    if (rule)
      return {
        ref: { code: rule.code, params: replyParams(rule.code, r, line), evidence: [evidence] },
        unknown: false,
      };
  }
  for (const rule of TEXT_RULES) {
    const m = rule.test.exec(lower);
    if (!m) continue;
    const params = textParams(line, m);
    // "Not found" for a Microsoft 365 name is this PC's DNS, never a typo (Windows says ENOTFOUND offline too).
    const code =
      rule.code === 'DNS_NAME_NOT_FOUND' && params.host !== undefined && isMicrosoft365Name(params.host)
        ? 'DNS_M365_NAME_UNRESOLVED'
        : rule.code;
    return { ref: { code, params, evidence: [evidence] }, unknown: false };
  }
  // Code-less device/app wording: a family with its next check, never one confident cause.
  const family = classifyWording(lower, evidence);
  return family ? { ref: family, unknown: false, family: true } : null;
}

/** Splits text into scan units: single lines, or a multi-line SMTP reply (`550-...` lines then `550 ...`). */
function units(text: string): { line: string; evidence: string }[] {
  const lines = text.slice(0, MAX_SCAN_CHARS).split(/\r\n|\r|\n/, MAX_SCAN_LINES);
  const out: { line: string; evidence: string }[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const parsed = parseReply(group.join('\n'));
    const evidence = group.join('\n');
    out.push({ line: parsed ? formatReplyLine(parsed) : evidence.replace(/\n/g, ' '), evidence });
    group = [];
  };
  for (const raw of lines) {
    const line = raw.length > MAX_LINE_CHARS ? raw.slice(0, MAX_LINE_CHARS) : raw;
    if (line.trim() === '') continue;
    const cont = /^\s*([2-5]\d\d)([ -])/.exec(line);
    const groupCode = /^\s*(\d{3})/.exec(group[0] ?? '')?.[1];
    if (cont && group.length > 0 && cont[1] === groupCode) {
      group.push(line);
      if (cont[2] === ' ') flush();
      continue;
    }
    flush();
    if (cont && cont[2] === '-') group.push(line);
    else out.push({ line, evidence: line.trim() });
  }
  flush();
  return out;
}

function formatReplyLine(p: { code: number; enhanced: string | null; text: string }): string {
  return [String(p.code), p.enhanced ?? '', p.text].filter((s) => s !== '').join(' ');
}

function boundEvidence(s: string): string {
  return s.length > MAX_EVIDENCE_CHARS ? `${s.slice(0, MAX_EVIDENCE_CHARS)}…` : s;
}

/**
 * Classifies any reply/error text. Findings come primary first: recognised conditions in order of
 * appearance, UNRECOGNIZED_REPLY last; one finding per code, evidence = the matched line(s).
 */
export function classifyText(text: string): FindingRef[] {
  const known: FindingRef[] = [];
  const families: FindingRef[] = [];
  const unknown: FindingRef[] = [];
  const byCode = new Map<string, FindingRef>();
  for (const u of units(text)) {
    const hit = classifyLine(u.line, boundEvidence(u.evidence));
    if (!hit) continue;
    const seen = byCode.get(hit.ref.code);
    if (seen) {
      const ev = seen.evidence ?? [];
      if (ev.length < MAX_EVIDENCE) seen.evidence = [...ev, ...(hit.ref.evidence ?? [])];
      continue;
    }
    byCode.set(hit.ref.code, hit.ref);
    (hit.unknown ? unknown : hit.family === true ? families : known).push(hit.ref);
  }
  return [...known, ...families, ...unknown];
}
