// Server-supplied text is hostile until proven otherwise: before it reaches any document (HTML, PDF, ticket,
// transcript.txt) control characters, ANSI escapes and bidi overrides are made visible and inert, and very long
// lines are cut (the full text stays in report.json). Escaping for each output format lives here too.

/** Longest line a document shows, in characters; the rest is summarised (a 1 MB line would be 500 PDF pages). */
export const MAX_DOC_LINE_CHARS = 2_000;
/** Most transcript rows one run shows in a document. */
export const MAX_DOC_TRANSCRIPT_ROWS = 2_000;

// Bidi embeddings/overrides/isolates, Arabic letter mark, LRM/RLM, zero-width chars, line/paragraph separators, BOM.
const FORMAT_CHARS = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Visible, font-independent stand-in for a control character: caret notation like `cat -v` (^[ for ESC, ^@ for
 *  NUL, ^? for DEL), else <U+XXXX>. (Unicode control pictures are missing from many fonts and vanish in PDFs.) */
function picture(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20) return `^${String.fromCharCode(cp + 0x40)}`;
  if (cp === 0x7f) return '^?';
  return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Makes text inert for display: controls (incl. ESC of ANSI sequences) become visible pictures, bidi/format
 * characters become <U+XXXX>. Tabs stay; CR/LF stay only when `multiline`, else they become ^M/^J.
 */
export function neutralize(text: string, multiline = false): string {
  const lines = multiline ? text.replace(/\r\n?/g, '\n') : text;
  const out = lines.replace(CONTROL_CHARS, picture).replace(FORMAT_CHARS, picture);
  return multiline ? out : out.replace(/\n/g, picture);
}

/** Cuts a line to `max` characters (by code point) and says how much was left out. */
export function clip(text: string, max = MAX_DOC_LINE_CHARS, lang: 'ja' | 'en' = 'en'): string {
  if (text.length <= max) return text;
  const head = Array.from(text.slice(0, max + 1))
    .slice(0, max)
    .join('');
  const rest = text.length - head.length;
  return lang === 'ja'
    ? `${head} …(残り ${rest} 文字は report.json に記録)`
    : `${head} …(${rest} more characters in report.json)`;
}

/** One display line from server text: neutralised and clipped. */
export const displayLine = (text: string, lang: 'ja' | 'en' = 'en', max = MAX_DOC_LINE_CHARS): string =>
  neutralize(clip(text, max, lang));

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escapes inline text for Markdown (CommonMark + GFM) so server text stays literal, while staying readable when
 * the ticket is pasted into a form that does not render Markdown: only characters that can start formatting,
 * links, HTML or entities are escaped (with a backslash, never an entity); `atLineStart` also escapes a leading block marker (heading, list, quote).
 */
export function escapeMarkdown(text: string, atLineStart = false): string {
  const out = text
    // Backslash escapes only (CommonMark: any ASCII punctuation): an HTML entity such as &lt; would show up
    // literally wherever the ticket is pasted as plain text.
    .replace(/[\\`*_[\]|~<]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (!atLineStart) return out;
  return out.replace(
    /^(\s*)(?:([#>+=-])|(\d+)([.)]))/,
    (_m, sp: string, mark?: string, num?: string, punct?: string) =>
      mark ? `${sp}\\${mark}` : `${sp}${num ?? ''}\\${punct ?? ''}`,
  );
}

/** JSON whose bidi/format characters are written as \u escapes (same data, nothing reorders text on screen). */
export function safeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(FORMAT_CHARS, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)}\n`;
}
