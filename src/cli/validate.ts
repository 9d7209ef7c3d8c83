// Flag values checked before anything runs: an empty or malformed value is bad input (exit 2) and never reaches a
// probe, a file or the report store. Shared by every command; the table test (test/integration/cli/flags-table)
// walks each command's flags through them.
import { isIP } from 'node:net';
import { checkReportId } from '../main/store/safe-paths';
import { UsageError, printable } from './io';

/** One DNS label: letters (any script, for IDN), digits, hyphens; not starting or ending with a hyphen. */
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.?$`, 'u');
/** local@domain: no spaces, angle brackets or quotes; the local part may be non-ASCII (SMTPUTF8). */
const ADDRESS = /^[^\s@<>"(),;:\\[\]]{1,64}@[^\s@<>"(),;:\\[\]]{1,253}$/u;

export { rejectEmptyArgs } from './empty-args';

/** A server name or IP address; "[IPv6]" is accepted and unwrapped, anything else malformed is bad input. */
/** CR, LF or NUL in a value that may reach an SMTP line is refused with the engine's own words. */
function noControls(flag: string, s: string): void {
  if (/[\r\n\0]/.test(s)) throw new UsageError(`--${flag} must not contain CR, LF or NUL`);
}

export function hostValue(flag: string, s: string): string {
  noControls(flag, s);
  const bracketed = /^\[(.*)\]$/.exec(s);
  if (bracketed) {
    if (isIP(bracketed[1] ?? '') !== 6)
      throw new UsageError(`--${flag}: "${printable(s)}" is not an IPv6 address in brackets`);
    return bracketed[1] ?? '';
  }
  if (isIP(s) !== 0 || HOST_NAME.test(s)) return s;
  throw new UsageError(
    `--${flag} must be a server name like smtp.office365.com or an IP address (got "${printable(s)}")`,
  );
}

/** A domain name like contoso.com. */
export function domainValue(flag: string, s: string): string {
  noControls(flag, s);
  if (isIP(s) === 0 && HOST_NAME.test(s) && s.includes('.')) return s;
  throw new UsageError(`--${flag} must be a domain name like contoso.com (got "${printable(s)}")`);
}

/** A mail address like scanner@contoso.com (non-ASCII allowed: it then needs SMTPUTF8). */
export function addressValue(flag: string, s: string): string {
  noControls(flag, s);
  const domain = s.slice(s.lastIndexOf('@') + 1);
  if (ADDRESS.test(s) && (HOST_NAME.test(domain) || /^\[[0-9A-Fa-f:.]+\]$/.test(domain))) return s;
  throw new UsageError(`--${flag} must be a mail address like scanner@contoso.com (got "${printable(s)}")`);
}

/** A sign-in name: a UPN (mail address form) or a plain user name, one line without spaces. */
export function userValue(flag: string, s: string): string {
  noControls(flag, s);
  if (/^[^\s\u0000-\u001f\u007f]{1,320}$/u.test(s)) return s;
  throw new UsageError(
    `--${flag} must be the sign-in name (UPN), e.g. scanner@contoso.com (got "${printable(s)}")`,
  );
}

/** A report id (the report's file name): letters, digits, - and _ only — never a path. */
export function reportIdValue(flag: string, s: string): string {
  try {
    return checkReportId(s);
  } catch {
    throw new UsageError(
      `--${flag} must be a report id from "report list" (letters, digits, - and _), not a path (got "${printable(s)}")`,
    );
  }
}

/** A calendar date YYYY-MM-DD that exists (2026-13-45 does not). */
export function dateValue(flag: string, s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (
    !m ||
    !d ||
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  ) {
    throw new UsageError(`--${flag} must be a date YYYY-MM-DD (got "${printable(s)}")`);
  }
  return s;
}
