// Device-supplied text is untrusted: decode it leniently, drop control characters (no ANSI escapes or bidi tricks
// reach a terminal, the UI or an export), collapse whitespace and bound the length.
import { MAX_OBSERVED_CHARS } from '../../shared/identify';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function cleanObserved(input: Buffer | string): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      // Many agents send Latin-1 / Shift_JIS bytes; latin1 keeps every byte visible rather than failing.
      text = input.toString('latin1');
    }
  }
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_OBSERVED_CHARS);
}
