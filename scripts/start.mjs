// `npm start`: build and run the desktop app. npm ci does not run Electron's download script (package.json
// allowScripts: machines that reach only the npm registry cannot fetch the binary), so fetch it here on first
// start, and say plainly what to do where that is impossible.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Bound on fetching Electron's binary on first start, in milliseconds (it is ~100 MB; offline it fails fast). */
const DOWNLOAD_TIMEOUT_MS = 300_000;

/** One line saying why the download failed, from the installer's output (never its stack trace). */
function reasonOf(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const hit = lines.find((l) => /^(\w*Error|HTTPError|RequestError)\b|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|\b40[34]\b/.test(l) && !/^at\s/.test(l));
  return (hit ?? lines.find((l) => !/^at\s/.test(l)) ?? 'no details').slice(0, 200);
}

function electronPresent() {
  try {
    require('electron'); // resolves to the binary's path; throws while the binary is missing
    return true;
  } catch {
    return false;
  }
}

if (!electronPresent()) {
  let why = 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  if (!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('npm start: downloading the Electron binary (first start only)…');
    // Captured, not inherited: a failed download would otherwise print the installer's stack trace.
    const r = spawnSync(process.execPath, [require.resolve('electron/install.js')], { encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });
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
