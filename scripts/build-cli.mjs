// Bundles the headless CLI (src/cli) into out/cli/index.cjs for the `device-mail-doctor` bin.
// Runs on `npm ci` (prepare) so the bin works on a fresh clone; dependencies stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

// index.cjs: every command. explain.cjs: explain alone (a third of the size), which the launcher picks for
// `explain` so its start-up reads and compiles only what explain uses.
const bundles = [
  ['src/cli/index.ts', 'out/cli/index.cjs'],
  ['src/cli/explain-main.ts', 'out/cli/explain.cjs'],
];
for (const [entry, outfile] of bundles)
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external,
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
