// Prints, per vendor, how many profile claims a vendor's own document backs vs. "check on the device".
// Usage: node --import tsx scripts/profile-tally.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parseProfileFile } = await import('../src/shared/profiles.ts');
const { formatTally, tallyFile } = await import('../src/shared/profile-tally.ts');

const dir = join(root, 'resources', 'printers');
const tallies = readdirSync(dir)
  .filter((n) => n.endsWith('.json') && n !== 'schema.json')
  .sort()
  .map((n) => {
    const r = parseProfileFile(readFileSync(join(dir, n), 'utf8'));
    if (!r.ok) throw new Error(`${n}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    return tallyFile(r.profile);
  });
process.stdout.write(`${formatTally(tallies)}\n`);
