// Server-supplied text is shown as text: control characters, ANSI escapes and bidi overrides become visible
// symbols, and very long lines are cut (a hostile server may send a 10 MB line).

/** Longest piece of server text shown in one place, in characters. */
export const MAX_VISIBLE_CHARS = 2000;

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** C0 controls → Unicode control pictures (␀ ␛ ␍...), DEL → ␡, bidi controls → ⟨U+202E⟩, tab/LF → ⇥ / ␊. */
export function visible(text: string, max: number = MAX_VISIBLE_CHARS): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const shown = cut
    .replace(CONTROL, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))))
    .replace(/\t/g, '\u21e5')
    .replace(/\n/g, '\u240a')
    .replace(BIDI, (c) => `\u27e8U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u27e9`);
  return text.length > max ? `${shown}… (+${text.length - max})` : shown;
}
