// The hardened window, with Electron mocked (its binary is absent here): every webPreferences flag, the
// navigation and new-window denial, vetted openExternal, denied permissions, content from app://.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

const h = vi.hoisted(() => {
  class FakeContents {
    listeners = new Map<string, Listener[]>();
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    url = 'app://renderer/index.html';
    session = {
      permissionRequest: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
      permissionCheck: null as null | (() => boolean),
      setPermissionRequestHandler(fn: (c: unknown, p: string, cb: (ok: boolean) => void) => void) {
        this.permissionRequest = fn;
      },
      setPermissionCheckHandler(fn: () => boolean) {
        this.permissionCheck = fn;
      },
    };
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
    getURL() {
      return this.url;
    }
  }
  const windows: { options: Record<string, unknown>; loaded: string; contents: FakeContents }[] = [];
  class BrowserWindow {
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      windows.push({ options, loaded: '', contents: this.webContents });
    }
    loadURL(url: string) {
      windows.at(-1)!.loaded = url;
      return Promise.resolve();
    }
    once() {}
    show() {}
  }
  return { windows, BrowserWindow, FakeContents, openExternal: vi.fn((_url: string) => Promise.resolve()) };
});

vi.mock('electron', () => ({ BrowserWindow: h.BrowserWindow, shell: { openExternal: h.openExternal } }));

const { createMainWindow, hardenWebContents, secureWebPreferences } =
  await import('../../../src/main/window');
const { appMenuTemplate, DEVELOPER_ROLES } = await import('../../../src/main/app-menu');

function navEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

beforeEach(() => {
  h.windows.length = 0;
  h.openExternal.mockClear();
});

describe('main window', () => {
  it('is created with exactly the secure webPreferences', () => {
    createMainWindow('/app/out/preload/index.cjs');
    expect(h.windows).toHaveLength(1);
    const prefs = h.windows[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toEqual(secureWebPreferences('/app/out/preload/index.cjs', false));
    expect(prefs).toMatchObject({
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
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('has DevTools off unless told it is a development build (packaged: app.isPackaged → devTools false)', () => {
    createMainWindow('/p.cjs');
    createMainWindow('/p.cjs', { devTools: false });
    createMainWindow('/p.cjs', { devTools: true });
    expect(
      h.windows.map((w) => (w.options['webPreferences'] as Record<string, unknown>)['devTools']),
    ).toEqual([false, false, true]);
    expect(secureWebPreferences('/p.cjs', false)).toMatchObject({ devTools: false });
  });

  it.each(['win32', 'darwin', 'linux'] as const)(
    'the %s menu has no DevTools, reload or their shortcuts in a packaged build',
    (platform) => {
      const roles = (items: unknown): string[] =>
        (items as { role?: string; submenu?: unknown }[]).flatMap((i) => [
          ...(i.role ? [i.role] : []),
          ...(Array.isArray(i.submenu) ? roles(i.submenu) : []),
        ]);
      const packaged = roles(appMenuTemplate(platform, false));
      for (const role of DEVELOPER_ROLES) expect(packaged).not.toContain(role);
      expect(packaged).toContain('editMenu'); // copy/paste shortcuts stay
      expect(roles(appMenuTemplate(platform, true))).toEqual(expect.arrayContaining([...DEVELOPER_ROLES]));
    },
  );

  it('loads the app from app://renderer, not file://', () => {
    createMainWindow('/p.cjs');
    expect(h.windows[0]!.loaded).toBe('app://renderer/index.html');
  });

  it('loads the dev server only when one is given', () => {
    createMainWindow('/p.cjs', { devServerUrl: 'http://localhost:5173' });
    expect(h.windows[0]!.loaded).toBe('http://localhost:5173');
  });

  it('denies every permission request and check', () => {
    createMainWindow('/p.cjs');
    const session = h.windows[0]!.contents.session;
    const answers: boolean[] = [];
    session.permissionRequest?.(null, 'media', (v) => answers.push(v));
    session.permissionRequest?.(null, 'notifications', (v) => answers.push(v));
    expect(answers).toEqual([false, false]);
    expect(session.permissionCheck?.()).toBe(false);
  });
});

describe('navigation and new windows', () => {
  const contents = () => {
    const c = new h.FakeContents();
    hardenWebContents(c as never, { externalDomains: () => ['support.ricoh.com'] });
    return c;
  };

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://renderer/other.html',
    'javascript:alert(1)',
    'http://learn.microsoft.com/',
  ])('blocks navigation to %s', (url) => {
    const c = contents();
    const e = navEvent();
    c.emit('will-navigate', e, url);
    expect(e.defaultPrevented).toBe(true);
  });

  it('blocks redirects away from the app and webview attachment', () => {
    const c = contents();
    const r = navEvent();
    c.emit('will-redirect', r, 'https://evil.example/');
    expect(r.defaultPrevented).toBe(true);
    const w = navEvent();
    c.emit('will-attach-webview', w);
    expect(w.defaultPrevented).toBe(true);
  });

  it('denies every new window; vetted https links open in the browser instead', () => {
    const c = contents();
    expect(c.openHandler?.({ url: 'https://learn.microsoft.com/en-us/exchange/mail-flow' })).toEqual({
      action: 'deny',
    });
    expect(c.openHandler?.({ url: 'https://support.ricoh.com/manual' })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'http://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(c.openHandler?.({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(h.openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://learn.microsoft.com/en-us/exchange/mail-flow',
      'https://support.ricoh.com/manual',
    ]);
  });
});
