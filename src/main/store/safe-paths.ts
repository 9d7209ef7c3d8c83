// File names and paths built from user input (report ids, export names) are sanitised, and every path the store
// touches must resolve inside its folder: `../`, absolute paths, drive letters and device names are refused.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { REPORT_ID_PATTERN } from '../../shared/report-id';
import { StoreError } from './store-error';

/** Longest file-name stem we produce, in characters (well under every OS's 255-byte limit even in UTF-8 Japanese). */
export const MAX_FILE_STEM_CHARS = 60;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// Path separators, characters Windows forbids, C0/C1 controls, bidi and zero-width format characters.
const UNSAFE_CHARS =
  /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/** A safe file-name stem (no extension) from free text such as "Contoso 本社 / 2F". Never empty. */
export function sanitizeFileStem(input: string, fallback = 'report'): string {
  let s = input.normalize('NFC').replace(UNSAFE_CHARS, '_').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  s = Array.from(s)
    .slice(0, MAX_FILE_STEM_CHARS)
    .join('')
    .replace(/[.\s]+$/g, '');
  if (s === '' || /^_+$/.test(s)) s = fallback;
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** `root/name`, refused unless it stays strictly inside root. */
export function resolveInside(root: string, name: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, name);
  const rel = path.relative(base, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new StoreError('outside', 'that name would point outside the reports folder');
  }
  return full;
}

/** Validates a report id typed by a user (CLI argument, IPC) before it becomes a file name. */
export function checkReportId(id: string): string {
  if (!REPORT_ID_PATTERN.test(id))
    throw new StoreError('invalid-id', 'not a report id (letters, digits, - and _ only)');
  return id;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** New report id: sortable by creation time (UTC), unique by 48 random bits. */
export function newReportId(now: Date): string {
  const d = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const t = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `r${d}-${t}-${randomBytes(6).toString('hex')}`;
}
