// The Electron entry (src/main/index.ts) with Electron mocked: it registers the app:// scheme before ready,
// serves only app://renderer/ with the CSP, hardens every web contents, registers exactly the contract's
// channels behind the sender check, and opens one window with the secure webPreferences. Also the hidden
// print window used for PDF exports: JavaScript off, sandboxed, isolated, no Node.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { INVOKE } from '../../../src/shared/ipc';
import { HIDDEN_WINDOW_OPTIONS } from '../../../src/main/export/pdf-electron';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/app-assets';

const ROOT = resolve(import.meta.dirname, '../../..');
type Fn = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const appListeners = new Map<string, Fn[]>();
  const calls: string[] = [];
  const windows: {
    options: Record<string, unknown>;
    contents: { listeners: Map<string, Fn[]>; openHandler: Fn | null };
  }[] = [];
  class BrowserWindow {
    webContents: {
      listeners: Map<string, Fn[]>;
      openHandler: Fn | null;
      session: Record<string, Fn>;
      on: Fn;
      setWindowOpenHandler: Fn;
      getURL: Fn;
    };
    constructor(options: Record<string, unknown>) {
      const contents = {
        listeners: new Map<string, Fn[]>(),
        openHandler: null as Fn | null,
        session: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} },
        on: (...args: unknown[]) => {
          const [name, fn] = args as [string, Fn];
          contents.listeners.set(name, [...(contents.listeners.get(name) ?? []), fn]);
        },
        setWindowOpenHandler: (...args: unknown[]) => {
          contents.openHandler = args[0] as Fn;
        },
        getURL: () => 'app://renderer/index.html',
      };
      this.webContents = contents;
      windows.push({ options, contents });
    }
    loadURL() {
      return Promise.resolve();
    }
    once() {}
    on() {}
  }
  return {
    appListeners,
    calls,
    windows,
    BrowserWindow,
    handlers: new Map<string, Fn>(),
    protocolHandler: null as null | ((req: Request) => Promise<Response>),
    schemes: [] as unknown[],
    menus: [] as unknown[],
    userData: '',
  };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    quit: () => h.calls.push('quit'),
    on: (name: string, fn: Fn) => h.appListeners.set(name, [...(h.appListeners.get(name) ?? []), fn]),
    whenReady: () => {
      h.calls.push('whenReady');
      return Promise.resolve();
    },
    getPath: () => h.userData,
    getAppPath: () => ROOT,
    getSystemLocale: () => 'ja-JP',
  },
  BrowserWindow: h.BrowserWindow,
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => h.menus.push(m) },
  ipcMain: {
    handle: (c: string, fn: Fn) => h.handlers.set(c, fn),
    removeHandler: (c: string) => h.handlers.delete(c),
  },
  shell: { openExternal: () => Promise.resolve() },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => {
      h.calls.push('registerSchemes');
      h.schemes.push(...s);
    },
    handle: (_scheme: string, fn: (req: Request) => Promise<Response>) => {
      h.protocolHandler = fn;
    },
  },
  safeStorage: { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' },
  utilityProcess: { fork: () => ({ on() {}, postMessage() {}, kill() {} }) },
  dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
}));

h.userData = mkdtempSync(join(tmpdir(), 'dmd-main-'));
process.env['DMD_REPORTS_DIR'] = join(h.userData, 'reports');
await import('../../../src/main/index');
await new Promise((r) => setTimeout(r, 50)); // let whenReady().then(start) run
afterAll(() => {
  delete process.env['DMD_REPORTS_DIR'];
  rmSync(h.userData, { recursive: true, force: true });
});

describe('main entry wiring', () => {
  it('registers the privileged app:// scheme before waiting for ready', () => {
    expect(h.calls.indexOf('registerSchemes')).toBeLessThan(h.calls.indexOf('whenReady'));
    expect(h.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('registers exactly the contract channels, each behind the sender check', async () => {
    expect([...h.handlers.keys()].sort()).toEqual(Object.keys(INVOKE).sort());
    const foreign = await h.handlers.get('app:info')!({
      senderFrame: { url: 'https://evil.example/', parent: null },
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const own = await h.handlers.get('app:info')!({
      senderFrame: { url: 'app://renderer/index.html', parent: null },
    });
    expect(own).toMatchObject({
      ok: true,
      value: { runtime: 'electron', osLocale: 'ja-JP', suggestedLang: 'ja' },
    });
    // basic_text on Linux: remembering secrets is refused.
    const remember = await h.handlers.get('secrets:remember')!(
      { senderFrame: { url: 'app://renderer/', parent: null } },
      { key: 'k', secret: 's' },
    );
    expect(remember).toMatchObject({ ok: false, error: { code: 'insecure-backend' } });
  });

  it('opens one window with the secure webPreferences and the preload bundle', () => {
    expect(h.windows).toHaveLength(1);
    expect(h.windows[0]!.options['webPreferences']).toMatchObject({
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/) as unknown,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: true, // not packaged here (the mock's app.isPackaged is false); packaged builds: window.test.ts
    });
    expect(h.menus).toHaveLength(1);
  });

  it('hardens every web contents created later (navigation, new windows, webviews)', () => {
    const created = h.appListeners.get('web-contents-created') ?? [];
    expect(created).toHaveLength(1);
    const contents = new h.BrowserWindow({}).webContents;
    created[0]!({}, contents);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const e = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    for (const fn of contents.listeners.get('will-navigate') ?? []) fn(e, 'https://evil.example/');
    expect(e.prevented).toBe(true);
    expect(contents.listeners.has('will-attach-webview')).toBe(true);
  });

  it('serves app://renderer/ only, with the CSP, and nothing outside the build', async () => {
    const handler = h.protocolHandler!;
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://renderer/../../package.json'))).status).toBe(404);
    expect((await handler(new Request('app://renderer/%2e%2e/%2e%2e/package.json'))).status).toBe(404);
    if (existsSync(join(ROOT, 'out/renderer/index.html'))) {
      const page = await handler(new Request('app://renderer/index.html'));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('prints PDFs in a hidden window with JavaScript off, sandboxed and without Node', () => {
    expect(HIDDEN_WINDOW_OPTIONS).toEqual({
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
    });
  });
});
