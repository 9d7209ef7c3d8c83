// SMTP reply parsing: whole (multi-line) replies, and replies embedded in other text
// (NDRs, Outlook errors, printer logs, Japanese wrapping text). No regex here can backtrack badly:
// every quantifier is bounded or over a disjoint character class.

export interface ParsedReply {
  /** Basic reply code (RFC 5321), e.g. 550. */
  code: number;
  /** Enhanced status code (RFC 3463), e.g. "5.7.64", or null when absent. */
  enhanced: string | null;
  /** Reply text without codes, continuation lines joined by a space, server suffix stripped. */
  text: string;
}

/** Longest reply text kept, in characters. */
export const MAX_REPLY_TEXT = 2000;

const LINE_RE = /^\s*([2-5]\d\d)([ -]|$)(.*)$/;
const ENHANCED_AT_START_RE = /^\s*([245]\.\d{1,3}\.\d{1,3})(?![.\d])\s*/;
const ENHANCED_ANYWHERE_RE = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?![.\d])/;

/** Microsoft's `[HOST timestamp id]` / `[Hostname=...]` diagnostics suffixes; an IP in brackets is kept. */
const SERVER_ID_RE =
  /\[(?:hostname=)?[a-z0-9][a-z0-9-]{0,62}\.[a-z0-9-]{1,63}\.[a-z0-9.-]{2,200}(?:\s[^\]\n]{0,200})?\]/gi;

/** Removes server-identification suffixes (host, timestamp, id) so only the meaningful text remains. */
export function stripServerSuffix(text: string): string {
  return text
    .replace(SERVER_ID_RE, (m) => (/^\[\d{1,3}(\.\d{1,3}){3}\]$/.test(m) ? m : ''))
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * Parses a complete SMTP reply, single- or multi-line (`250-...` continuation lines then `250 ...`).
 * Returns null when the text is not a reply (use findReply() for replies embedded in other text).
 */
export function parseReply(text: string): ParsedReply | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return null;
  let code: number | null = null;
  let enhanced: string | null = null;
  const parts: string[] = [];
  for (const line of lines) {
    const m = LINE_RE.exec(line);
    if (!m) return null;
    const lineCode = Number(m[1]);
    if (code === null) code = lineCode;
    else if (code !== lineCode) return null;
    let rest = m[3] ?? '';
    const e = ENHANCED_AT_START_RE.exec(rest);
    if (e) {
      enhanced ??= e[1] ?? null;
      rest = rest.slice(e[0].length);
    }
    parts.push(rest.trim());
  }
  if (code === null) return null;
  return { code, enhanced, text: bound(stripServerSuffix(parts.join(' '))) };
}

/** Basic code followed by an enhanced code, anywhere in a line: the strongest evidence of a reply. */
const EMBEDDED_FULL_RE = /(?:^|[^\d.])([2-5]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})(?![.\d])/;
/** A bare basic code where replies appear: line start (after a log arrow or quote) or after a "response:" word. */
const EMBEDDED_START_RE = /^\s*(?:(?:<<<|<-|<|S:|>>)\s*)?['"「‘]?([2-5]\d\d)(?=[ -]|$|['"」’])/;
const EMBEDDED_AFTER_WORD_RE =
  /(?:response|responded|reply|replied|said|returned|error|status|応答|エラー)\s{0,3}(?:was|is|with)?\s{0,3}[:：]?\s{0,3}['"「‘]?([2-5]\d\d)(?=[ -]|$|['"」’,.])/i;

export interface FoundReply extends ParsedReply {
  /** True when the text came with an enhanced code or at a reply position (not a lone enhanced code). */
  hasBasic: boolean;
}

/** A closing quote is one followed by a separator or the end (so "isn't" inside the reply does not end it). */
const CLOSING: Record<string, RegExp> = {
  "'": /'(?=\s{0,3}(?:[,;)\]]|$))/,
  '"': /"(?=\s{0,3}(?:[,;)\]]|$))/,
  '「': /」/,
  '‘': /’/,
};

/** Cuts the reply at its closing quote when it was quoted (Outlook: `Server Response: '550 ...', Port: 25`). */
function unquote(line: string, codeIndex: number, rest: string): string {
  const before = line.slice(Math.max(0, codeIndex - 1), codeIndex);
  const close = CLOSING[before];
  if (close === undefined) return rest;
  const end = close.exec(rest)?.index ?? -1;
  return end >= 0 ? rest.slice(0, end) : rest;
}

function bound(s: string): string {
  return s.length > MAX_REPLY_TEXT ? s.slice(0, MAX_REPLY_TEXT) : s;
}

/** Finds an SMTP reply inside one line of arbitrary text. */
export function findReply(line: string): FoundReply | null {
  const full = EMBEDDED_FULL_RE.exec(line);
  if (full && full[1] !== undefined && full[2] !== undefined) {
    const codeIndex = full.index + full[0].indexOf(full[1]);
    const afterEnhanced = line.slice(full.index + full[0].length);
    const text = unquote(line, codeIndex, afterEnhanced);
    return { code: Number(full[1]), enhanced: full[2], text: bound(stripServerSuffix(text)), hasBasic: true };
  }
  const start = EMBEDDED_START_RE.exec(line) ?? EMBEDDED_AFTER_WORD_RE.exec(line);
  if (start && start[1] !== undefined) {
    const codeIndex = start.index + start[0].lastIndexOf(start[1]);
    let rest = unquote(line, codeIndex, line.slice(codeIndex + 3).replace(/^[ -]/, ''));
    const e = ENHANCED_AT_START_RE.exec(rest);
    let enhanced: string | null;
    if (e) {
      enhanced = e[1] ?? null;
      rest = rest.slice(e[0].length);
    } else {
      enhanced = ENHANCED_ANYWHERE_RE.exec(rest)?.[1] ?? null; // qmail: "... rcpthosts (#5.7.1)"
    }
    return { code: Number(start[1]), enhanced, text: bound(stripServerSuffix(rest)), hasBasic: true };
  }
  const lone = ENHANCED_ANYWHERE_RE.exec(line);
  if (lone && lone[1] !== undefined) {
    const enhanced = lone[1];
    const rest = line.slice(lone.index + lone[0].length);
    return {
      code: Number(enhanced[0]) * 100,
      enhanced,
      text: bound(stripServerSuffix(rest)),
      hasBasic: false,
    };
  }
  return null;
}

/** The reply as one readable string: `550 5.7.64 text`. */
export function formatReply(r: ParsedReply): string {
  return [String(r.code), r.enhanced ?? '', r.text].filter((s) => s !== '').join(' ');
}
