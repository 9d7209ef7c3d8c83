// Reading and writing one report file. Reading never throws for bad content: it returns why the file is not a
// usable report, and the store decides (quarantine a damaged file; leave a newer version's file alone).
import * as fsp from 'node:fs/promises';
import { FileTooLargeError, readTextBounded } from '../fs/read-bounded';
import {
  decodeReport,
  REPORT_CODEC,
  type DecodeResult,
  type Report,
  type ReportCodec,
} from '../../shared/report';

/** Largest report file we read, in bytes: far above a real visit (transcripts are bounded), guards memory. */
export const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;

export type LoadResult<T> = DecodeResult<T> | { ok: false; kind: 'missing'; reason: string };

export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Reads, parses, migrates and validates one report file with the given codec (defaults to this version's). */
export async function loadReportFile<T extends { schemaVersion: number } = Report>(
  file: string,
  codec: ReportCodec<T> = REPORT_CODEC as unknown as ReportCodec<T>,
): Promise<LoadResult<T>> {
  let text: string;
  try {
    const st = await fsp.stat(file);
    if (!st.isFile()) return { ok: false, kind: 'invalid', reason: 'not a regular file' };
    if (st.size > MAX_REPORT_FILE_BYTES)
      return { ok: false, kind: 'invalid', reason: `file too large (${st.size} bytes)` };
    text = await readTextBounded(file, MAX_REPORT_FILE_BYTES);
  } catch (err) {
    if (err instanceof FileTooLargeError)
      return { ok: false, kind: 'invalid', reason: `file too large (over ${err.maxBytes} bytes)` };
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', reason: 'no such report' };
    return { ok: false, kind: 'invalid', reason: `cannot read (${code ?? 'error'})` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      kind: 'invalid',
      reason: text.trim() === '' ? 'empty file' : 'not valid JSON (truncated or damaged)',
    };
  }
  return decodeReport(raw, codec);
}
