// Bundles the headless CLI (src/cli) into out/cli/index.cjs for the `device-mail-doctor` bin.
// Runs on `npm ci` (prepare) so the bin works on a fresh clone; dependencies stay external.
import { build } from 'esbuild';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

// explain's index of the built-in panel codes (src/cli/vendor-codes-quick.ts): each profile file's name, size and
// modification time with its raw panelCodes, so explain need not read and parse ~300 KB of profiles at start-up.
// explain trusts it only while every file is unchanged; a file that does not parse is recorded so that it sends
// explain to the validated loader, as reading it would.
{
  const dir = 'resources/printers';
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((name) => {
      const st = statSync(join(dir, name));
      let panelCodes;
      try {
        panelCodes = JSON.parse(readFileSync(join(dir, name), 'utf8')).panelCodes;
      } catch {
        panelCodes = 'unreadable';
      }
      return {
        name,
        size: st.size,
        mtimeMs: st.mtimeMs,
        ...(panelCodes === undefined ? {} : { panelCodes }),
      };
    });
  writeFileSync('out/cli/panel-codes.json', JSON.stringify({ version: 1, files }));
}
