// Every form in which a session's secret could leak into text we write: used to scan transcripts, reports and
// exports before they leave memory (a hit blocks the write), and by the property tests that prove redaction.
// Pure: runs in the renderer, main, the CLI and tests (TextEncoder/btoa exist in browsers and Node >= 16).

export interface SessionSecrets {
  user?: string | undefined;
  password?: string | undefined;
  oauthToken?: string | undefined;
  /** An OAuth app's client secret (client credentials flow). */
  clientSecret?: string | undefined;
  /** A non-default SNMP community given to identify (the factory default "public" is not a secret). */
  snmpCommunity?: string | undefined;
}

/** Forms shorter than this are not scanned for: they would match ordinary text and block every write. */
export const MIN_SCANNED_FORM_LENGTH = 4;

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const base64 = (s: string): string => bytesToBase64(utf8(s));

/**
 * The base64 text that appears whenever `secret` is embedded anywhere in a longer base64-encoded stream:
 * for each of the 3 byte alignments, the characters that depend only on the secret's own bytes.
 */
function embeddedBase64Cores(secret: string): string[] {
  const bytes = utf8(secret);
  const cores: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const padded = new Uint8Array(pad + bytes.length);
    padded.set(bytes, pad);
    const b64 = bytesToBase64(padded).replace(/=+$/, '');
    // Skip leading chars mixed with the pad bytes, and the trailing char that mixes with what follows.
    const start = pad === 0 ? 0 : pad === 1 ? 2 : 3;
    const fullChars = Math.floor(((pad + bytes.length) * 8) / 6);
    const core = b64.slice(start, fullChars);
    if (core.length > 0) cores.push(core);
  }
  return cores;
}

function htmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The URL-encoded form; a lone surrogate (a string typed in the app can hold one) cannot be URL-encoded, so it
 *  stands as U+FFFD there, as a UTF-8 writer would put it. */
function uriForm(secret: string): string {
  try {
    return encodeURIComponent(secret);
  } catch {
    return encodeURIComponent(
      secret.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
    );
  }
}

/** All the strings whose presence in an output means a secret leaked. Deduplicated, longest first. */
export function secretForms(secrets: SessionSecrets): string[] {
  const forms = new Set<string>();
  const user = secrets.user ?? '';
  for (const secret of [secrets.password, secrets.oauthToken, secrets.clientSecret, secrets.snmpCommunity]) {
    if (!secret) continue;
    const variants = [secret, JSON.stringify(secret).slice(1, -1), htmlEscape(secret), uriForm(secret)];
    for (const v of variants) forms.add(v);
    const b64 = base64(secret);
    forms.add(b64);
    forms.add(b64.replace(/=+$/, ''));
    forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    for (const core of embeddedBase64Cores(secret)) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    // AUTH PLAIN (authzid empty or = user) and XOAUTH2 initial responses.
    forms.add(base64(`\0${user}\0${secret}`));
    forms.add(base64(`${user}\0${user}\0${secret}`));
    forms.add(base64(`user=${user}\x01auth=Bearer ${secret}\x01\x01`));
  }
  return [...forms].filter((f) => f.length >= MIN_SCANNED_FORM_LENGTH).sort((a, b) => b.length - a.length);
}

/** First secret form found in `text`, or null. Callers report *that* a secret was found, never which. */
export function findSecret(text: string, forms: readonly string[]): string | null {
  for (const f of forms) if (text.includes(f)) return f;
  return null;
}

/** Replaces every secret form in `text` (defence in depth; redaction at capture is the primary guard). */
export function scrubSecrets(text: string, forms: readonly string[], mask = '********'): string {
  let out = text;
  for (const f of forms) if (out.includes(f)) out = out.split(f).join(mask);
  return out;
}
