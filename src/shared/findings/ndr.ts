// NDR wrappers, English and Japanese: Exchange Online and Outlook quote the server's reply inside their own text
// ("Remote Server returned '554 5.7.1 <host #5.7.1 smtp;550 5.7.606 ...>'", "リモート サーバーから返された内容 '...'").
// The server text itself stays US-ASCII in every language (NDR docs: "The text is always presented in US-ASCII
// format"); only the wrapper is translated, so findReply() finds the quoted reply in either language. What this
// module adds: when replies are nested, the innermost one is the one that says why, so it wins.
// Sources: SRC.ndrList / SRC.ndrListJa (NDR fields), real NDRs in test/fixtures/reply-corpus.json.

/** A nested reply starts after an `smtp;` marker: `#5.7.1 smtp;550 5.7.606 ...`. Zero-width: nothing consumed. */
const NESTED_START_RE = /smtp;\s{0,3}(?=[2-5]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?![.\d]))/gi;
/** Most nesting levels followed (Exchange nests one or two; more is not an NDR). */
const MAX_NESTING = 8;
/** Closing brackets/quotes the outer reply wraps around the inner one. */
const TRAILING_WRAP_RE = /[\s>'"」’]{1,12}(?:が返されました。?)?\s{0,3}$/;

/**
 * The innermost reply of an NDR line, or the line unchanged when it holds no nested reply. The caller still
 * parses the result with findReply(); only the text in front of the innermost reply is dropped.
 */
export function innermostReply(line: string): string {
  let start = -1;
  NESTED_START_RE.lastIndex = 0;
  for (let i = 0; i < MAX_NESTING; i += 1) {
    const m = NESTED_START_RE.exec(line);
    if (m === null) break;
    start = m.index + m[0].length;
    NESTED_START_RE.lastIndex = start + 1;
  }
  if (start < 0) return line;
  return line.slice(start).replace(TRAILING_WRAP_RE, '');
}
