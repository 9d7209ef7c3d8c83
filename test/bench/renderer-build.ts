// Builds the renderer exactly as electron-vite's `renderer` section says (plugins, define, root), into a folder
// of our choosing — so the benchmark and local e2e runs never overwrite out/ that other work depends on.
//   node --import tsx test/bench/renderer-build.ts [OUT_DIR]   (default .tmp/renderer-build)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type InlineConfig } from 'vite';
import electronViteConfig from '../../electron.vite.config';

const ROOT = resolve(import.meta.dirname, '../..');

/** Electron N ships Chrome 2N+64 (38→140 … 44→152: electron-vite's own table follows this rule). */
function electronChromeTarget(): string {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  };
  return `chrome${Number(pkg.version.split('.')[0]) * 2 + 64}`;
}

export async function buildRenderer(outDir: string): Promise<string> {
  const all = electronViteConfig as { renderer?: InlineConfig };
  const renderer = all.renderer ?? {};
  await build({
    ...renderer,
    configFile: false,
    // electron-vite loads the page from file:// in production: relative asset URLs.
    base: './',
    logLevel: 'warn',
    // electron-vite's renderer defaults (minify off unless the config says so; target = Electron's Chrome).
    build: {
      minify: false,
      target: electronChromeTarget(),
      modulePreload: { polyfill: false },
      ...renderer.build,
      outDir: resolve(outDir),
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
    },
  });
  return resolve(outDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildRenderer(process.argv[2] ?? resolve(ROOT, '.tmp/renderer-build'));
  console.log(out);
}
