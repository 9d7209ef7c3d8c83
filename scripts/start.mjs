// `npm start`: build and run the desktop app. npm ci does not run Electron's download script (package.json
// allowScripts: machines that reach only the npm registry cannot fetch the binary), so fetch it here on first
// start, and say plainly what to do where that is impossible.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronPresent() {
  try {
    require('electron'); // resolves to the binary's path; throws while the binary is missing
    return true;
  } catch {
    return false;
  }
}

if (!electronPresent()) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.error('npm start: the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set.');
  } else {
    console.log('npm start: downloading the Electron binary (first start only)…');
    spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });
  }
  if (!electronPresent()) {
    console.error(
      'The Electron binary is not available on this machine, so the window cannot open.\n' +
        'Everything else works without it: `npm run demo` (diagnose the built-in lab), `npx device-mail-doctor --help`.',
    );
    process.exit(1);
  }
}

const r = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
