// NDR wrappers, English and Japanese: Exchange Online and Outlook quote the server's reply inside their own text
// ("Remote Server returned '554 5.7.1 <host #5.7.1 smtp;550 5.7.606 ...>'", "リモート サーバーから返された内容 '...'").
// The server text itself stays US-ASCII in every language (NDR docs: "The text is always presented in US-ASCII
// format"); only the wrapper is translated. The innermost reply is the one that says why, so it wins.
// Sources: SRC.ndrList / SRC.ndrListJa (NDR fields), real NDRs in test/fixtures/reply-corpus.json.

/** Japanese and English lead-ins that introduce the quoted server reply (matched case-insensitively). */
export const NDR_LEAD_INS: readonly RegExp[] = [
  /remote server returned/i,
  /リモート ?サーバー?(から|が)(返された内容|返されました|の応答)?/,
  /the (remote|destination) server (said|returned|responded)/i,
  /(応答|エラー) ?(内容|メッセージ)?[:：]/,
];

/**
 * A nested reply inside an outer one: `#5.7.1 smtp;550 5.7.606 ...` (Exchange's NDR diagnostic) or a second
 * `NNN N.N.N` after an `smtp;` marker. Bounded quantifiers only.
 */
const NESTED_RE = /smtp;\s{0,3}([2-5]\d\d[ -][245]\.\d{1,3}\.\d{1,3}(?![.\d])[^\n]{0,2000})/gi;

/** Japanese/English quotes around the reply that should not be part of it. */
const TRAILING_QUOTE_RE = /\s{0,3}(?:['"」’]|>')\s{0,3}(?:が返されました|が返されました。)?\s{0,3}$/;

/**
 * The innermost reply of an NDR line, or the line unchanged when it holds no nested reply. The caller still
 * parses the result with findReply(); only the text in front of the innermost reply is dropped.
 */
export function innermostReply(line: string): string {
  let last: string | null = null;
  NESTED_RE.lastIndex = 0;
  for (let i = 0, m = NESTED_RE.exec(line); m !== null && i < 8; i += 1, m = NESTED_RE.exec(line))
    last = m[1] ?? null;
  if (last === null) return line;
  return last.replace(/>+\s{0,3}['"」’]?\s{0,3}$/, '').replace(TRAILING_QUOTE_RE, '');
}

/** True when the line is an NDR's "the remote server returned ..." line (any language we know). */
export function isNdrReplyLine(line: string): boolean {
  return NDR_LEAD_INS.some((re) => re.test(line));
}
