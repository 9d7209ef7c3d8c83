// How a device's text is matched against one panel code: shared by the validated lookup (vendor-codes.ts) and
// explain's quick pre-check over the raw profile files, so both decide a match the same way. Pure, no imports.

/** Longest text scanned (a pasted transmission report is short; a log is cut rather than scanned whole). */
export const MAX_VENDOR_TEXT_CHARS = 64 * 1024;

/** Width-, case- and space-insensitive form for message matching. */
export function normVendorText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A code matches as a whole token: "016-764" in "Error 016-764 occurred" but not in "1016-7645". Canon's "#818" also as "818" after "#". */
function codeMatches(code: string, text: string): boolean {
  const c = normVendorText(code).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^0-9a-z-])${c}($|[^0-9a-z-])`, 'i').test(text);
}

/** What matched (the code as written, or the message), or null. `text` is already `normVendorText`-ed. */
export function panelCodeMatch(
  c: { code?: string | undefined; texts: readonly string[] },
  text: string,
): string | null {
  if (c.code && codeMatches(c.code, text)) return c.code;
  for (const t of c.texts) if (text.includes(normVendorText(t))) return t;
  return null;
}
