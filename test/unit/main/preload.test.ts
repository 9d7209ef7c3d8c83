// The preload with Electron mocked: it exposes exactly one object, `api`, of named functions built from the
// contract (snapshot of the names, so the surface never grows by accident), and never leaks ipcRenderer or the
// Electron event to the page.
import { describe, expect, it, vi } from 'vitest';
import { API_NAMES, EVENTS, INVOKE } from '../../../src/shared/ipc';

type Listener = (event: unknown, payload: unknown) => void;

const h = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) },
    ipcRenderer: {
      invoke: vi.fn((...args: unknown[]) => Promise.resolve({ ok: true, value: args })),
      on: vi.fn((channel: string, fn: Listener) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn));
      }),
      removeListener: vi.fn((channel: string, fn: Listener) => listeners.get(channel)?.delete(fn)),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: h.contextBridge, ipcRenderer: h.ipcRenderer }));

await import('../../../src/preload/index');
const api = h.exposed.get('api') as Record<string, (...a: unknown[]) => unknown>;

describe('preload', () => {
  it('exposes one object, window.api, and nothing else', () => {
    expect([...h.exposed.keys()]).toEqual(['api']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('exposes exactly these named functions (snapshot)', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "appInfo",
        "captureSave",
        "captureSessions",
        "captureStart",
        "captureStop",
        "diagnoseCancel",
        "diagnoseStart",
        "identifyCancel",
        "identifyRun",
        "labScenarios",
        "labStart",
        "labStop",
        "listInterfaces",
        "oauthAppSignIn",
        "oauthCancel",
        "oauthInspect",
        "oauthSignIn",
        "onCaptureEvent",
        "onDiagnoseEvent",
        "onDiagnoseFailed",
        "onOauthEvent",
        "openExternal",
        "profilesImport",
        "profilesList",
        "reportAddRun",
        "reportCreate",
        "reportDelete",
        "reportExport",
        "reportList",
        "reportOpen",
        "reportRestore",
        "reportSave",
        "reportTicketText",
        "secretForget",
        "secretRecall",
        "secretRemember",
      ]
    `);
    expect(Object.keys(api).sort()).toEqual(API_NAMES);
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  });

  it('never exposes ipcRenderer or a generic invoke/send/on', () => {
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync', 'removeListener']) {
      expect(api).not.toHaveProperty(name);
    }
  });

  it('each function invokes its own channel with its arguments', async () => {
    for (const [channel, d] of Object.entries(INVOKE)) {
      h.ipcRenderer.invoke.mockClear();
      await api[d.name]!({ probe: channel });
      expect(h.ipcRenderer.invoke).toHaveBeenCalledWith(channel, { probe: channel });
    }
  });

  it('listeners get the payload only (never the Electron event) and unsubscribe', () => {
    for (const [channel, d] of Object.entries(EVENTS)) {
      const got: unknown[][] = [];
      const off = api[d.name]!((...args: unknown[]) => got.push(args)) as () => void;
      const registered = [...(h.listeners.get(channel) ?? [])];
      expect(registered).toHaveLength(1);
      registered[0]!({ sender: 'secret-electron-event' }, { runId: 'r1' });
      expect(got).toEqual([[{ runId: 'r1' }]]);
      off();
      expect(h.listeners.get(channel)?.size).toBe(0);
    }
  });
});
