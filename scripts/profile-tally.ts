// Prints, per vendor, how many profile claims a vendor document backs vs. "check on the device".
// Run: node --import tsx scripts/profile-tally.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfileFile } from '../src/shared/profiles';
import { formatTally, tallyFile } from '../src/shared/profile-tally';

const dir = join(import.meta.dirname, '..', 'resources', 'printers');
const tallies = readdirSync(dir)
  .filter((n) => n.endsWith('.json') && n !== 'schema.json')
  .sort()
  .map((n) => {
    const r = parseProfileFile(readFileSync(join(dir, n), 'utf8'));
    if (!r.ok) throw new Error(`${n}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    return tallyFile(r.profile);
  });
process.stdout.write(`${formatTally(tallies)}\n`);
