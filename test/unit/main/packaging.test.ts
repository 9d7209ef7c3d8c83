// Packaging: electron-builder packs a Linux dir target with `electronDist` pointed at a stand-in Electron (the
// real binary cannot be downloaded here) whose fuse wire is real bytes, then we read what was produced:
// app.asar holds the build output and production dependencies only; the fuses are flipped for production;
// device profiles sit beside the asar; locales are trimmed; the generated icons are well-formed.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePeers } from '../../helpers/peers';

const ROOT = resolve(import.meta.dirname, '../../..');
const require = createRequire(join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** Bound for icon generation + packing on a busy 2-core machine, in ms. */
const PACK_BOUND_MS = 240_000;
const built =
  existsSync(join(ROOT, 'out/main/index.js')) && existsSync(join(ROOT, 'out/renderer/index.html'));

interface Builder {
  build(this: void, opts: Record<string, unknown>): Promise<string[]>;
  Platform: { LINUX: { createTarget(type: string, arch: number): unknown } };
  Arch: { x64: number };
}
interface Asar {
  listPackage(archive: string, opts: { isPack: boolean }): string[];
  extractFile(archive: string, file: string): Buffer;
}
interface Fuses {
  getCurrentFuseWire(this: void, path: string): Promise<Record<string, unknown>>;
}
interface AfterPack {
  checkWire(this: void, wire: Record<string, number>): void;
}

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron 45's default fuse wire (9 fuses, electron/electron build/fuses/fuses.json5): RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, ..., file:// privileges on, WebAssembly trap handlers on (added in 41).
 */
const DEFAULT_WIRE = '101100011';
/** The Electron version the stand-in claims to be (the one package.json installs). */
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;

/** A stand-in Electron dist: a shell script carrying a real fuse wire, plus the files the builder copies. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const exe = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in electron"\n# '),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(`${DEFAULT_WIRE}\n`),
  ]);
  writeFileSync(join(dir, 'electron'), exe);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'resources.pak'), 'stand-in');
  writeFileSync(join(dir, 'resources', 'default_app.asar'), 'stand-in');
  for (const l of ['en-US', 'ja', 'de', 'fr', 'zh-CN']) writeFileSync(join(dir, 'locales', `${l}.pak`), l);
}

let tmp = '';
let appDir = '';
let iconsDir = '';

describePeers(
  'packaged app',
  built ? null : 'the app is not built: run `npm run build` first (npm test builds before testing)',
  () => {
    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'dmd-pack-'));
      iconsDir = join(tmp, 'icons');
      const icons = spawnSync(process.execPath, [join(ROOT, 'build/make-icons.mjs'), iconsDir], {
        encoding: 'utf8',
      });
      expect(icons.status, icons.stderr).toBe(0);
      standInElectron(join(tmp, 'electron-dist'));
      const { build, Platform, Arch } = require('electron-builder') as Builder;
      const config = require(join(ROOT, 'electron-builder.cjs')) as Record<string, Record<string, unknown>>;
      await build({
        projectDir: ROOT,
        targets: Platform.LINUX.createTarget('dir', Arch.x64),
        publish: 'never',
        config: {
          ...config,
          electronDist: join(tmp, 'electron-dist'),
          directories: { ...config['directories'], output: join(tmp, 'dist') },
          linux: { ...config['linux'], target: 'dir', icon: join(iconsDir, 'icons') },
        },
      });
      appDir = join(tmp, 'dist', 'linux-unpacked');
    }, PACK_BOUND_MS);

    afterAll(() => {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    const asarPath = () => join(appDir, 'resources', 'app.asar');
    const entries = () => (require('@electron/asar') as Asar).listPackage(asarPath(), { isPack: false });

    it('app.asar holds the build output and the package manifest', () => {
      const files = new Set(entries());
      for (const f of [
        '/package.json',
        '/out/main/index.js',
        '/out/main/engine-worker.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
      ]) {
        expect(files, f).toContain(f);
      }
      expect(files).toContain(`/${pkg.main}`);
      const manifest = JSON.parse(
        (require('@electron/asar') as Asar).extractFile(asarPath(), 'package.json').toString('utf8'),
      ) as { main: string };
      expect(manifest.main).toBe(pkg.main);
    });

    it('app.asar holds every production dependency and no development dependency', () => {
      const files = entries();
      const topLevel = new Set(
        files
          .filter((f) => /^\/node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(f))
          .map((f) => f.slice('/node_modules/'.length, -'/package.json'.length)),
      );
      for (const dep of Object.keys(pkg.dependencies)) expect(topLevel, dep).toContain(dep);
      for (const dev of Object.keys(pkg.devDependencies)) expect(topLevel, dev).not.toContain(dev);
      for (const tool of [
        'typescript',
        'vite',
        'vitest',
        'electron',
        'esbuild',
        'electron-builder',
        'playwright-core',
      ]) {
        expect(topLevel, tool).not.toContain(tool);
      }
    });

    it('app.asar holds no sources, tests, scripts, source maps or TypeScript files', () => {
      const files = entries();
      const bad = files.filter(
        (f) =>
          /^\/(src|test|scripts|build|resources|bin|out\/cli|\.ci|\.tmp)(\/|$)/.test(f) ||
          /\.(ts|mts|cts|tsx|map)$/.test(f) ||
          /(^|\/)(tsconfig[^/]*\.json|vitest\.config\.ts|electron\.vite\.config\.ts|playwright\.config\.ts|eslint\.config\.js)$/.test(
            f,
          ),
      );
      expect(bad).toEqual([]);
    });

    it('flips the production fuses in the packaged binary', async () => {
      const { getCurrentFuseWire } = require('@electron/fuses') as Fuses;
      const { FUSES, KEPT_DEFAULT_FUSES } = require(join(ROOT, 'build/fuses.cjs')) as Record<
        string,
        Record<string, unknown>
      >;
      const wire = await getCurrentFuseWire(join(appDir, 'device-mail-doctor'));
      const ENABLE = 0x31,
        DISABLE = 0x30;
      expect(Object.keys(wire).filter((k) => /^\d+$/.test(k))).toHaveLength(DEFAULT_WIRE.length);
      for (let i = 0; i < DEFAULT_WIRE.length; i++) {
        const decided = String(i) in FUSES! ? FUSES![String(i)] : KEPT_DEFAULT_FUSES![String(i)];
        expect(decided, `fuse ${i} decided in build/fuses.cjs`).toBeTypeOf('boolean');
        expect(wire[String(i)], `fuse ${i}`).toBe(decided ? ENABLE : DISABLE);
      }
      // The decisions the security checklist names, spelled out (8: WebAssembly trap handlers stay on).
      expect([wire['0'], wire['1'], wire['2'], wire['3'], wire['4'], wire['5'], wire['8']]).toEqual([
        DISABLE,
        ENABLE,
        DISABLE,
        DISABLE,
        ENABLE,
        ENABLE,
        ENABLE,
      ]);
    });

    it('refuses to pack an Electron whose wire has a fuse nobody decided, or a fuse in the wrong state', () => {
      const { checkWire } = require(join(ROOT, 'build/after-pack.cjs')) as AfterPack;
      const wire = (bits: string) =>
        Object.fromEntries([...bits].map((b, i) => [String(i), b.charCodeAt(0)]));
      expect(() => checkWire({ ...wire('010011001'), version: 1 })).not.toThrow();
      expect(() => checkWire(wire('0100110011'))).toThrow(/fuse 9 is not decided/);
      expect(() => checkWire(wire('010011000'))).toThrow(/fuse 8 is off/);
      expect(() => checkWire(wire('110011001'))).toThrow(/fuse 0 is on/);
    });

    it('ships device profiles beside the asar, trims locales and drops the default app', () => {
      const printers = readdirSync(join(appDir, 'resources', 'printers'));
      expect(printers).toEqual(
        expect.arrayContaining(['ricoh.json', 'generic-mfp.json', 'business-application.json']),
      );
      expect(readdirSync(join(appDir, 'locales')).sort()).toEqual(['en-US.pak', 'ja.pak']);
      expect(existsSync(join(appDir, 'resources', 'default_app.asar'))).toBe(false);
    });

    it('generates well-formed PNG, ICO and ICNS icons', () => {
      for (const size of [16, 32, 48, 256, 512]) {
        const png = readFileSync(join(iconsDir, 'icons', `${size}x${size}.png`));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
      const ico = readFileSync(join(iconsDir, 'icon.ico'));
      expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 7]); // icon type, 7 sizes (16–256)
      const icns = readFileSync(join(iconsDir, 'icon.icns'));
      expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
    });
  },
);
