// What the capture keeps about the device's password: never the password, only whether one was sent, its
// length and the kinds of characters that old firmware is known to mangle (URL/form encoding, quoting).
import { decodeToken } from '../../shared/oauth/claims';
import type { CapturedAuth } from '../../shared/capture';

const RISKY: readonly [string, RegExp][] = [
  ['non-ascii', /[^\x20-\x7e]/],
  ['&', /&/],
  ['%', /%/],
  ['+', /\+/],
  ['space', / /],
  ['quote', /["']/],
  ['backslash', /\\/],
];

export function riskyCharacters(password: string): string[] {
  return RISKY.filter(([, re]) => re.test(password)).map(([name]) => name);
}

export function authFacts(mechanism: string, user: string, password: string | undefined): CapturedAuth {
  if (mechanism.toUpperCase() === 'XOAUTH2') return xoauth2Facts(user, password);
  return {
    mechanism: mechanism.slice(0, 40),
    user: user.slice(0, 320),
    passwordSent: password !== undefined && password !== '',
    // Characters, not bytes: what the technician compares with what was typed on the panel.
    passwordLength: password === undefined ? 0 : [...password].length,
    riskyCharacters: password === undefined ? [] : riskyCharacters(password),
  };
}

/** XOAUTH2: the token's claims (audience, scopes/roles, expiry, tenant, user, app) instead of password facts. */
function xoauth2Facts(user: string, token: string | undefined): CapturedAuth {
  const d = token ? decodeToken(token) : null;
  const c = d?.ok ? d.claims : null;
  return {
    mechanism: 'XOAUTH2',
    user: user.slice(0, 320),
    passwordSent: token !== undefined && token !== '',
    // The token's length (never the token): a truncated token from a short firmware field shows here.
    passwordLength: token === undefined ? 0 : token.length,
    riskyCharacters: [],
    oauth: {
      readable: c !== null,
      kind: c?.kind ?? 'unknown',
      aud: c?.aud.slice(0, 10) ?? [],
      scp: c?.scp ?? [],
      roles: c?.roles ?? [],
      exp: c?.exp ?? null,
      tid: c?.tid ?? null,
      upn: c?.upn ?? null,
      appid: c?.appid ?? null,
    },
  };
}
