// The sandboxed preload is one bundle with everything it imports inside (electron-vite: externalizeDeps false).
// It must carry no validation library and nothing from the lab: the contract (src/shared/ipc.ts) is names and
// types only, and main validates. Bundled here with esbuild the way electron-vite bundles it (CommonJS, only
// `electron` external); the metafile lists every module that ended up in the output.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

/** The modules (repo-relative paths) a bundle of `entry` contains, and the packages it still requires. */
async function bundleInputs(entry: string): Promise<{ inputs: string[]; requires: string[] }> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return {
    inputs: Object.keys(result.metafile.inputs).sort(),
    requires: [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort(),
  };
}

/** Inputs that must not be in the preload: any package but electron (zod above all) and any src/lab module. */
function forbidden(inputs: readonly string[]): string[] {
  return inputs.filter((p) => p.includes('node_modules/') || p.startsWith('src/lab/'));
}

describe('preload bundle', () => {
  it('contains only the preload and the contract: no zod, no package, nothing from src/lab', async () => {
    const { inputs, requires } = await bundleInputs('src/preload/index.ts');
    expect(forbidden(inputs)).toEqual([]);
    expect(inputs.some((p) => p.includes('zod'))).toBe(false);
    expect(inputs).toContain('src/shared/ipc.ts');
    expect(inputs.every((p) => p.startsWith('src/preload/') || p.startsWith('src/shared/'))).toBe(true);
    expect(requires).toEqual(['electron']);
  });

  it('would see zod if the contract pulled it in (the schemas main validates with do)', async () => {
    const { inputs } = await bundleInputs('src/main/ipc-schemas.ts');
    expect(forbidden(inputs).some((p) => p.includes('node_modules/zod/'))).toBe(true);
  });
});
