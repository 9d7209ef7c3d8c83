// The app's PdfPrinter over Electron's webContents.printToPDF, without importing electron here: main passes a
// factory that makes a hidden BrowserWindow, e.g.
//   createElectronPdfPrinter((o) => new BrowserWindow(o))
// The window runs with JavaScript off, sandboxed, no Node; the document comes from a data: URL (or, when too long
// for one, a private temp file removed right after printing).
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from './pdf';

/** Longest document sent as a data: URL, in bytes of base64 (Chromium caps navigations at 2 MB). */
export const MAX_DATA_URL_CHARS = 1_500_000;

/** The options our hidden print window is created with (a subset of BrowserWindowConstructorOptions). */
export interface HiddenWindowOptions {
  show: false;
  webPreferences: {
    javascript: false;
    sandbox: true;
    contextIsolation: true;
    nodeIntegration: false;
    webSecurity: true;
    spellcheck: false;
    devTools: false;
  };
}

/** What we use of a BrowserWindow. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: {
    printToPDF(options: {
      pageSize: 'A4';
      printBackground: boolean;
      preferCSSPageSize: boolean;
    }): Promise<Uint8Array>;
  };
  destroy(): void;
}

export const HIDDEN_WINDOW_OPTIONS: HiddenWindowOptions = {
  show: false,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    devTools: false,
  },
};

export function createElectronPdfPrinter(
  newWindow: (options: HiddenWindowOptions) => PrintWindow,
): PdfPrinter {
  return {
    async print(html) {
      const b64 = Buffer.from(html, 'utf8').toString('base64');
      let tempDir: string | undefined;
      const win = newWindow(HIDDEN_WINDOW_OPTIONS);
      try {
        if (b64.length <= MAX_DATA_URL_CHARS) await win.loadURL(`data:text/html;charset=utf-8;base64,${b64}`);
        else {
          tempDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'dmd-print-'));
          const file = path.join(tempDir, 'report.html');
          await fsp.writeFile(file, html, { mode: 0o600 });
          await win.loadURL(pathToFileURL(file).href);
        }
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        if (tempDir) await fsp.rm(tempDir, { recursive: true, force: true });
      }
    },
  };
}
