// Where reports live when nobody says otherwise: the same per-user folder Electron's app.getPath('userData')
// gives the app (so the CLI and the app share reports), plus `reports`. DMD_REPORTS_DIR overrides it.
import os from 'node:os';
import path from 'node:path';

/** Folder name under the OS's per-user application data folder (Electron uses the package name). */
export const APP_DATA_NAME = 'device-mail-doctor';

export function defaultReportsDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (env.DMD_REPORTS_DIR) return path.resolve(env.DMD_REPORTS_DIR);
  let base: string;
  if (platform === 'win32') base = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else base = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(base, APP_DATA_NAME, 'reports');
}
