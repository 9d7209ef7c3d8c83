// Times as people read them (glossary): local time with its offset, e.g. "2026-12-02 09:51 (UTC+09:00)". Never raw
// ISO-8601 UTC in human text. The offset is the one in force at that instant on this machine (or the one given,
// which tests use to stay independent of the machine's zone).

const pad = (n: number) => String(n).padStart(2, '0');

/** "UTC+09:00" for an offset east of UTC in minutes (JS's getTimezoneOffset() is the opposite sign). */
export function offsetLabel(eastMinutes: number): string {
  const sign = eastMinutes < 0 ? '-' : '+';
  const abs = Math.abs(eastMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * `2026-12-02 09:51 (UTC+09:00)`. A timestamp that does not parse is shown as it is (cut), never as "Invalid Date".
 * `eastMinutes` fixes the offset (tests, or a report read in another zone); default: this machine's at that instant.
 */
export function formatLocalTime(iso: string, eastMinutes?: number): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso.slice(0, 40);
  const east = eastMinutes ?? -at.getTimezoneOffset();
  const local = new Date(at.getTime() + east * 60_000);
  const day = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} (${offsetLabel(east)})`;
}
