// --ca / --relay-ca: a PEM file the technician names, read with the limit enforced while reading (never a
// 668 MB read of /dev/zero before the size is checked). Bad input is a UsageError (exit 2).
import path from 'node:path';
import { FileTooLargeError, readTextBounded } from '../main/fs/read-bounded';
import { UsageError, printable } from './io';

/** Largest certificate file accepted, in bytes (a CA bundle of a few dozen certificates). */
export const MAX_CA_BYTES = 100_000;

export async function readPemFlag(flag: string, file: string): Promise<string> {
  if (file.trim() === '') throw new UsageError(`--${flag} needs a file name`);
  let text: string;
  try {
    text = await readTextBounded(path.resolve(file), MAX_CA_BYTES);
  } catch (e) {
    if (e instanceof FileTooLargeError)
      throw new UsageError(
        `--${flag} ${printable(file)}: larger than ${MAX_CA_BYTES} bytes; not a certificate file`,
      );
    throw new UsageError(
      `--${flag} ${printable(file)}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new UsageError(`--${flag} ${printable(file)}: not a PEM certificate file`);
  return text;
}
