// What the capture keeps about the device's password: never the password, only whether one was sent, its
// length and the kinds of characters that old firmware is known to mangle (URL/form encoding, quoting).
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
  return {
    mechanism: mechanism.slice(0, 40),
    user: user.slice(0, 320),
    passwordSent: password !== undefined && password !== '',
    // Characters, not bytes: what the technician compares with what was typed on the panel.
    passwordLength: password === undefined ? 0 : [...password].length,
    riskyCharacters: password === undefined ? [] : riskyCharacters(password),
  };
}
