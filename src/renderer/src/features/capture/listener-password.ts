// The listener password the technician reads out and types into the device (relay-through with the technician's
// own sign-in): strong, but easy to type on a printer's panel — lower-case letters and digits without look-alikes
// (0/o, 1/l/i), in groups of four. 16 symbols from 31 ≈ 79 bits. Memory only: never persisted, saved or exported.

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Symbols in a generated password (four groups of four). */
export const LISTENER_PASSWORD_SYMBOLS = 16;
/** Shortest listener password accepted (the capture:start schema's minimum). */
export const MIN_LISTENER_PASSWORD = 8;
/** Largest byte value kept by rejection sampling (a multiple of the alphabet size: no bias). */
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

export function generateListenerPassword(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const out: string[] = [];
  // Bounded: each round keeps each byte with probability 248/256, so a handful of rounds always suffices.
  for (let round = 0; round < 16 && out.length < LISTENER_PASSWORD_SYMBOLS; round++) {
    for (const byte of random(new Uint8Array(LISTENER_PASSWORD_SYMBOLS * 2))) {
      if (byte < UNBIASED_LIMIT && out.length < LISTENER_PASSWORD_SYMBOLS)
        out.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  if (out.length < LISTENER_PASSWORD_SYMBOLS)
    throw new Error('the random source kept returning out-of-range bytes');
  return out.join('').replace(/(.{4})(?=.)/g, '$1-');
}
