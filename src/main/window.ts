// The hardened BrowserWindow (Electron's security checklist): isolated, sandboxed, no Node, no navigation,
// no new windows, external links only when vetted, permissions denied, content from app:// with a CSP.
import { BrowserWindow, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_ORIGIN, DEFAULT_EXTERNAL_DOMAINS, isAppUrl, vetExternalUrl } from './url-policy';

/** Window size in device-independent pixels: comfortable at 1366×768, usable down to 1024×768. */
export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1000, minHeight: 680 } as const;

/**
 * The only webPreferences any window of ours gets (a test asserts each one). DevTools only in development: in a
 * packaged build they would let anyone at the customer's laptop run script with the preload's IPC in reach.
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export interface HardenOptions {
  /** DevTools allowed (development only: `!app.isPackaged`); off when not given. */
  devTools?: boolean;
  /** Extra documentation domains allowed for openExternal (vendor hosts from profile sources). */
  externalDomains?: () => readonly string[];
  devServerUrl?: string;
  log?: (message: string) => void;
}

/** Opens a link in the OS browser only if it is a vetted https URL; returns whether it was opened. */
export function openExternalVetted(url: string, opts: HardenOptions = {}): boolean {
  const extra = opts.externalDomains?.() ?? [];
  const vetted = vetExternalUrl(url, [...DEFAULT_EXTERNAL_DOMAINS, ...extra]);
  if (!vetted.ok) {
    opts.log?.(`openExternal refused: ${vetted.reason}`);
    return false;
  }
  void shell.openExternal(vetted.url);
  return true;
}

/** Navigation and new-window denial for any web contents (also applied via app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, opts: HardenOptions = {}): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalVetted(url, opts); // a target=_blank doc link opens in the browser if vetted
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, opts.devServerUrl) && url === contents.getURL()) return; // reload of the same page
    event.preventDefault();
    opts.log?.('navigation blocked');
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, opts.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Deny every permission (camera, notifications, geolocation...): the app needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createMainWindow(preload: string, opts: HardenOptions = {}): BrowserWindow {
  const win = new BrowserWindow({
    ...WINDOW_SIZE,
    show: false,
    title: 'Device Mail Doctor',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload, opts.devTools === true),
  });
  hardenWebContents(win.webContents, opts);
  denyPermissions(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
