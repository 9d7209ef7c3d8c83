// OAuth-aware classification of pasted text: AADSTS errors (from a device's web page, msal, a sign-in page),
// a device's "token update failed", and an `AUTH XOAUTH2 <base64>` line followed by its `535 5.7.3`. The XOAUTH2
// line is decoded here (user and claims, never kept) and removed before anything else reads the text, so the
// token never reaches evidence, output or the generic rules. Pure.
import type { FindingRef } from '../model';
import { classify } from '../findings/classify';
import type { FindingCode } from '../findings/codes';
import { decodeToken, type TokenClaims } from './claims';
import { inspectClaims, oauthRejected } from './inspect';

/** Most characters scanned (same bound as the reply classifier). */
const MAX_SCAN_CHARS = 256 * 1024;
/** Longest evidence line kept. */
const MAX_EVIDENCE_CHARS = 300;

/** AADSTS code → finding. Meanings: Microsoft Entra error code reference (catalog-oauth.ts S_AADSTS). */
const AADSTS: readonly [RegExp, FindingCode][] = [
  [/^(65001|65004|90094|90008)$/, 'OAUTH_CONSENT_MISSING'],
  [/^(53003|53000|53001|53002|530032)$/, 'OAUTH_BLOCKED_BY_POLICY'],
  [/^(700082|700084|70008|70000|50173|50133|700081)$/, 'OAUTH_TOKEN_REFRESH_FAILED'],
  [/^700016$/, 'OAUTH_APP_NOT_FOUND'],
  [/^(7000215|7000222|70002|700027|7000112)$/, 'OAUTH_CLIENT_CREDENTIAL_INVALID'],
  [/^(50076|50079|50074|50072)$/, 'OAUTH_MFA_REQUIRED'],
  [/^(70011|65005)$/, 'OAUTH_SCOPE_MISSING'],
  [/^(90002|50128|50020|90072)$/, 'OAUTH_TENANT_MISMATCH'],
  [/^(70019|70018|90120|70016)$/, 'OAUTH_SIGNIN_NOT_COMPLETED'],
];

/** Texts without an AADSTS code. Patterns run on lower-cased lines; every quantifier is bounded. */
const WORDS: readonly [RegExp, FindingCode][] = [
  [
    /\b(expired_token|authorization_declined|code_expired|bad_verification_code)\b|device code (has )?expired|デバイス コードの有効期限/,
    'OAUTH_SIGNIN_NOT_COMPLETED',
  ],
  [
    /token (update|refresh|renewal) (failed|error)|failed to (update|refresh|renew) (the )?(access )?token|refresh token (has )?(expired|revoked|invalid)|トークン(の)?(更新|リフレッシュ)(に)?失敗|トークン更新エラー/,
    'OAUTH_TOKEN_REFRESH_FAILED',
  ],
  [/\bconsent_required\b|need admin approval|管理者の承認が必要/, 'OAUTH_CONSENT_MISSING'],
  [/\binvalid_client\b/, 'OAUTH_CLIENT_CREDENTIAL_INVALID'],
  [/\binvalid_scope\b/, 'OAUTH_SCOPE_MISSING'],
];

/** `AUTH XOAUTH2 <b64>` (initial response), or a lone base64 line that decodes to `user=...^Aauth=Bearer ...`. */
const XOAUTH2_LINE = /\bAUTH\s{1,4}XOAUTH2\b/i;
const B64_RUN = /[A-Za-z0-9+/]{16,}={0,2}/g;
/** Anything shaped like a JWT (three base64url segments, header starting `eyJ`). */
const JWT_RUN = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER_RUN = /\bbearer\s{1,4}[A-Za-z0-9._~+/=-]{8,}/gi;

export interface Xoauth2Seen {
  user: string;
  claims: TokenClaims | null;
}

function decodeXoauth2(b64: string): Xoauth2Seen | null {
  let text: string;
  try {
    text = atob(b64);
  } catch {
    return null;
  }
  const m = /^user=([^\x01]{0,320})\x01auth=Bearer ([^\x01]{1,16384})\x01\x01$/.exec(text);
  if (!m) return null;
  const decoded = decodeToken(m[2] ?? '');
  return { user: (m[1] ?? '').slice(0, 254), claims: decoded.ok ? decoded.claims : null };
}

/** Removes every token-shaped run from a line, noting XOAUTH2 initial responses it decodes. */
function hideTokens(line: string, seen: Xoauth2Seen[]): string {
  let out = line.replace(B64_RUN, (run) => {
    const x = decodeXoauth2(run);
    if (x === null) return run;
    seen.push(x);
    return '<XOAUTH2 hidden>';
  });
  out = out.replace(JWT_RUN, '<token hidden>').replace(BEARER_RUN, 'Bearer <token hidden>');
  if (XOAUTH2_LINE.test(out))
    out = out.replace(/(\bAUTH\s{1,4}XOAUTH2)\s{1,4}\S{1,20000}/i, '$1 <XOAUTH2 hidden>');
  return out;
}

function bound(s: string): string {
  const t = s.trim();
  return t.length > MAX_EVIDENCE_CHARS ? `${t.slice(0, MAX_EVIDENCE_CHARS)}…` : t;
}

export interface OauthClassification {
  findings: FindingRef[];
  /** The text with every token hidden: what may be shown or stored. */
  safeText: string;
  xoauth2: Xoauth2Seen | null;
}

/** classify() of a text with OAuth knowledge on top. Findings primary first; the token never appears in them. */
export function classifyOauthText(text: string, nowSec = Math.floor(Date.now() / 1000)): OauthClassification {
  const seen: Xoauth2Seen[] = [];
  const lines = text.slice(0, MAX_SCAN_CHARS).split(/\r\n|\r|\n/);
  const safeLines = lines.map((l) => hideTokens(l, seen));
  const xoauthUsed = seen.length > 0 || lines.some((l) => XOAUTH2_LINE.test(l));
  const safeText = safeLines.join('\n');

  const oauth: FindingRef[] = [];
  const byCode = new Map<string, FindingRef>();
  const add = (code: FindingCode, line: string, params: Record<string, string> = {}) => {
    if (byCode.has(code)) return;
    const ref: FindingRef = { code, params: { reply: bound(line), ...params }, evidence: [bound(line)] };
    byCode.set(code, ref);
    oauth.push(ref);
  };
  for (const line of safeLines) {
    for (const m of line.matchAll(/\bAADSTS(\d{5,7})\b/g)) {
      const num = m[1] ?? '';
      const rule = AADSTS.find(([re]) => re.test(num));
      add(
        rule?.[1] ?? 'OAUTH_TOKEN_REQUEST_FAILED',
        line,
        rule?.[1] === 'OAUTH_SIGNIN_NOT_COMPLETED' ? { reason: bound(line) } : {},
      );
    }
    const lower = line.toLowerCase();
    for (const [re, code] of WORDS)
      if (re.test(lower))
        add(code, line, code === 'OAUTH_SIGNIN_NOT_COMPLETED' ? { reason: bound(line) } : {});
  }

  const x = seen[0] ?? null;
  let generic = classify({ text: safeText });
  if (xoauthUsed) {
    // After XOAUTH2, Exchange's 535 5.7.3 says "token refused", not "wrong password".
    generic = generic.map((f) => {
      const ev = f.evidence?.[0] ?? '';
      if (f.code !== 'AUTH_FAILED' || !/\b535\b/.test(ev)) return f;
      return oauthRejected(
        f.params?.reply ?? ev,
        x?.claims ?? null,
        { nowSec, xoauth2User: x?.user },
        x !== null && x.claims === null,
      );
    });
  }
  const claimFindings = x?.claims ? inspectClaims(x.claims, { nowSec, xoauth2User: x.user }) : [];
  const all = [...oauth, ...claimFindings, ...generic];
  const seenCodes = new Set<string>();
  const findings = all.filter((f) => (seenCodes.has(f.code) ? false : (seenCodes.add(f.code), true)));
  return { findings, safeText, xoauth2: x };
}
