// The one way to turn evidence into findings: a server reply, a socket/TLS/DNS error (or nodemailer's), or free
// text (a log line, a device's screen) goes in; findings come out, primary first. Every rule lives in rules.ts
// (replies, texts and error codes, one table file). classify-text.ts reads replies and text; classify-error.ts
// reads error objects and hands any reply or message it carries to classify-text (no cycle).
import type { FindingRef } from '../model';
import { classifyError } from './classify-error';
import { classifyText } from './classify-text';

export type ClassifyInput = { reply: string } | { error: unknown } | { text: string };

/** Findings for a reply, an error or a text (a bare string is text). Unknown errors give no findings. */
export function classify(input: ClassifyInput | string): FindingRef[] {
  if (typeof input === 'string') return classifyText(input);
  if ('error' in input) return classifyError(input.error);
  return classifyText('reply' in input ? input.reply : input.text);
}
