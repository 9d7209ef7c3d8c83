// The Electron adapter is thin; the Electron binary is not available here, so this checks the contract it
// relies on with a recording stand-in: hidden, JavaScript-off, sandboxed window; A4; window always destroyed.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createElectronPdfPrinter,
  MAX_DATA_URL_CHARS,
  type HiddenWindowOptions,
  type PrintWindow,
} from '../../../src/main/export/pdf-electron';

function recorder(fail = false) {
  const calls: {
    opts?: HiddenWindowOptions;
    url?: string;
    html?: string;
    destroyed: boolean;
    tempExisted?: boolean;
  } = { destroyed: false };
  const factory = (opts: HiddenWindowOptions): PrintWindow => {
    calls.opts = opts;
    return {
      loadURL: (url) => {
        calls.url = url;
        if (url.startsWith('data:'))
          calls.html = Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8');
        else {
          const file = fileURLToPath(url);
          calls.tempExisted = existsSync(file);
          calls.html = readFileSync(file, 'utf8');
        }
        return Promise.resolve();
      },
      webContents: {
        printToPDF: () =>
          fail
            ? Promise.reject(new Error('print failed'))
            : Promise.resolve(new Uint8Array(Buffer.from('%PDF-1.7'))),
      },
      destroy: () => {
        calls.destroyed = true;
      },
    };
  };
  return { calls, factory };
}

describe('Electron PDF adapter', () => {
  it('prints from a hidden, script-less, sandboxed window via a data: URL and destroys it', async () => {
    const { calls, factory } = recorder();
    const bytes = await createElectronPdfPrinter(factory).print('<p>日本語</p>');
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7');
    expect(calls.opts?.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(calls.opts?.show).toBe(false);
    expect(calls.url?.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(calls.html).toBe('<p>日本語</p>');
    expect(calls.destroyed).toBe(true);
  });

  it('uses a private temp file for documents too long for a data: URL, removed afterwards, even on failure', async () => {
    const { calls, factory } = recorder(true);
    const big = `<pre>${'x'.repeat(MAX_DATA_URL_CHARS)}</pre>`;
    await expect(createElectronPdfPrinter(factory).print(big)).rejects.toThrow('print failed');
    expect(calls.url?.startsWith('file:')).toBe(true);
    expect(calls.tempExisted).toBe(true);
    expect(calls.html).toBe(big);
    expect(existsSync(fileURLToPath(calls.url ?? 'file:///nonexistent'))).toBe(false);
    expect(calls.destroyed).toBe(true);
  });
});
