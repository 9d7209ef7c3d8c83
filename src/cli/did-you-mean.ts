// "Did you mean" for a mistyped flag or command: the closest known name by edit distance, when it is close
// enough to be a typo (not a different word). Known flags are read from the command's own --help text, so the
// suggestion can never name a flag the command does not have.

/** Most edits (insert, delete, substitute, swap) between a typo and the name it meant. */
const MAX_TYPO_EDITS = 2;

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), bounded inputs only. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[m] as number[])[n] as number;
}

/** The known name closest to `typed`, or null when none is within a typo's reach. */
export function closest(typed: string, known: readonly string[]): string | null {
  const t = typed.slice(0, 64);
  // A cut-short flag ("--timeout" for "--timeout-ms") is the commonest slip; it wins when it fits one name only.
  const longer = known.filter((name) => t.length >= 4 && name.startsWith(t));
  if (longer.length === 1) return longer[0] ?? null;
  let best: { name: string; dist: number } | null = null;
  for (const name of known) {
    const dist = editDistance(t, name);
    if (dist <= MAX_TYPO_EDITS && dist < t.length && (best === null || dist < best.dist))
      best = { name, dist };
  }
  return best?.name ?? null;
}

/** `--flag` names mentioned in a help text. */
export function flagsInHelp(help: string): string[] {
  return [...new Set([...help.matchAll(/(?:^|[\s[(|])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1] as string))];
}

/** The unknown option in one of Node's parseArgs errors ("Unknown option '--tymeout'"), if any. */
export function unknownOptionOf(message: string): string | null {
  return /Unknown option '(-{1,2}[^']{1,64})'/.exec(message)?.[1] ?? null;
}
