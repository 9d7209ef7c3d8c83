import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The diagnosis engine runs in its own process (utilityProcess.fork / child_process.fork).
          'engine-worker': resolve(import.meta.dirname, 'src/main/worker/engine-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require packages: whatever the preload imports is bundled into the one file
      // (today only src/shared/ipc.ts, which imports no package; test/unit/main/preload-bundle.test.ts).
      externalizeDeps: false,
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS bundle that imports only `electron`.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    define,
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; minified it is half the size to load at start.
      minify: true,
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    },
  },
});
