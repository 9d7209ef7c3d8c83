// `npm start`: build and run the desktop app. npm ci does not fetch Electron's binary (Electron 42+ has no
// install script; machines that reach only the npm registry cannot fetch it anyway), so fetch it here on first
// start, and say plainly what to do where that is impossible.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Bound on fetching Electron's binary on first start, in milliseconds (it is ~100 MB; offline it fails fast). */
const DOWNLOAD_TIMEOUT_MS = 300_000;

/** One line saying why the download failed, from the installer's output (never its stack trace). */
function reasonOf(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const hit = lines.find(
    (l) =>
      /^(\w*Error|HTTPError|RequestError)\b|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|\b40[34]\b/.test(l) &&
      !/^at\s/.test(l),
  );
  return (hit ?? lines.find((l) => !/^at\s/.test(l)) ?? 'no details').slice(0, 200);
}

/**
 * Whether Electron's binary is on disk. Not `require('electron')`: since Electron 42 that call downloads the binary
 * itself (electron/electron docs/breaking-changes.md, 42.0), printing an installer's stack trace when it cannot.
 */
function electronPresent() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const exe = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return exe !== '' && existsSync(join(dir, 'dist', exe));
  } catch {
    return false;
  }
}

if (!electronPresent()) {
  let why = 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  if (!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('npm start: downloading the Electron binary (first start only)…');
    // Captured, not inherited: a failed download would otherwise print the installer's stack trace.
    const r = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
      encoding: 'utf8',
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    why = r.error ? r.error.message : reasonOf(`${r.stderr ?? ''}\n${r.stdout ?? ''}`);
  }
  if (!electronPresent()) {
    console.error(
      `npm start: the window cannot open because Electron's binary is not installed (${why}).\n` +
        'To fix: run `npm start` again where github.com is reachable, or set ELECTRON_MIRROR to a mirror you can reach.\n' +
        'Everything else works without it: `npm run demo` (diagnose the practice lab), `npx device-mail-doctor --help`.',
    );
    process.exit(1);
  }
}

const r = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
