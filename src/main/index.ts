// Electron main: wiring only (docs/architecture.md). Everything it serves is the Electron-free services object;
// what is Electron-specific (safeStorage, utilityProcess, app:// protocol, windows) comes from small adapters.
import { app, BrowserWindow, ipcMain, Menu, shell } from 'electron';
import { join } from 'node:path';
import { startLab } from '../lab';
import { APP_VERSION } from '../shared/version';
import { registerAppScheme, serveAppScheme } from './adapters/app-protocol';
import { saveDialogTarget } from './adapters/dialogs';
import { appMenuTemplate } from './app-menu';
import { safeStorageCipher } from './adapters/safe-storage';
import { utilityWorkerLauncher } from './adapters/utility-launcher';
import { createIpcRegistry, sendEvent } from './ipc';
import { createServices, type Services } from './services';
import { createProfileBackend } from './services/profiles';
import type { Emit } from './services/types';
import { isAppUrl } from './url-policy';
import { createMainWindow, hardenWebContents } from './window';
import { createEngineRunner } from './worker/engine-runner';
import { createElectronPdfPrinter } from './export/pdf-electron';
import { defaultReportsDir } from './store/default-dir';

/** electron-vite's dev server (development only); production loads app://renderer/. */
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const here = import.meta.dirname;
const log = (message: string) => console.warn(`[main] ${message}`);

registerAppScheme();
/** A second copy only focuses the first one (two copies would fight over capture ports and the secret vault). */
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
/** Vendor documentation hosts from the loaded profiles (links to them may open in the browser). */
let docDomains: readonly string[] = [];
/** DevTools (and their menu items and shortcuts) only while developing, never in a packaged build. */
const devTools = !app.isPackaged;
const hardening = { devServerUrl, devTools, log, externalDomains: () => docDomains };

// Every web contents, whatever creates it, gets the navigation and new-window denial.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardening));

function start(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, devTools)));
  serveAppScheme(join(here, '../renderer'));
  const userData = app.getPath('userData');
  const emit: Emit = (channel, payload) => sendEvent(mainWindow?.webContents ?? null, channel, payload);
  const profiles = createProfileBackend({
    builtinDir: app.isPackaged
      ? join(process.resourcesPath, 'printers')
      : join(app.getAppPath(), 'resources', 'printers'),
    userDir: join(userData, 'profiles'),
  });
  services = createServices({
    identity: {
      name: 'Device Mail Doctor',
      version: APP_VERSION,
      osLocale: app.getSystemLocale(),
      runtime: 'electron',
    },
    secretsFile: join(userData, 'secrets.json'),
    cipher: safeStorageCipher(),
    engine: createEngineRunner(utilityWorkerLauncher(join(here, 'engine-worker.js')), { prewarm: true }),
    startLab,
    profiles,
    reports: {
      // Same folder as the CLI's `report` command, so both see the same visits.
      dir: defaultReportsDir(),
      exportTarget: saveDialogTarget(() => mainWindow),
      pdf: createElectronPdfPrinter((options) => new BrowserWindow(options)),
    },
    openUrl: (url) => shell.openExternal(url),
    emit,
  });
  createIpcRegistry(ipcMain, (url) => isAppUrl(url, devServerUrl), log).handleAll(services);
  void profiles.sourceDomains().then((d) => (docDomains = d));
  mainWindow = createMainWindow(join(here, '../preload/index.cjs'), hardening);
  mainWindow.on('closed', () => (mainWindow = null));
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void services?.dispose());
app.whenReady().then(
  () => primary && start(),
  (err: unknown) => {
    log(`startup failed: ${err instanceof Error ? err.message : String(err)}`);
    app.quit();
  },
);
