// Writes resources/printers/schema.json from the zod schema in src/shared/profiles.ts (the source of truth), so
// editors can validate profile files as they are written. Cross-field rules (unique ids, source references)
// cannot be expressed in JSON Schema: parseProfileFile still checks them.
// Usage: node --import tsx scripts/gen-profile-schema.mjs [--check]   (--check: exit 1 if the file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { profileJsonSchemaText } = await import('../src/shared/profiles-json-schema.ts');
const target = join(root, 'resources', 'printers', 'schema.json');
const text = profileJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${target} is stale: run node --import tsx scripts/gen-profile-schema.mjs`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
