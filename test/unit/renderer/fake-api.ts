// An in-memory window.api for jsdom tests: built with the real contract's buildApi over a scripted transport,
// so names and channels are the production ones. (End-to-end tests use the real main-process services.)
import { buildApi, type Api, type EventChannel, type InvokeChannel } from '../../../src/shared/ipc';
import type { LoadedProfileFile } from '../../../src/shared/profiles-resolve';
import { parseProfileData } from '../../../src/shared/profiles';
import ricoh from '../../../resources/printers/ricoh.json';
import generic from '../../../resources/printers/generic-mfp.json';
import apps from '../../../resources/printers/business-application.json';

/** Thrown by a scripted handler: the bridge answers with this error exactly, as main would. */
export class IpcFailure extends Error {
  constructor(
    readonly ipcError: { code: string; message: string; issues?: { path: string; message: string }[] },
  ) {
    super(ipcError.message);
  }
}

export interface FakeBridge {
  api: Api;
  calls: { channel: InvokeChannel; args: readonly unknown[] }[];
  emit: (channel: EventChannel, payload: unknown) => void;
  handlers: Partial<Record<InvokeChannel, (args: readonly unknown[]) => unknown>>;
}

export function bundledFiles(): LoadedProfileFile[] {
  return [generic, apps, ricoh].map((data, i) => {
    const parsed = parseProfileData(data);
    if (!parsed.ok) throw new Error(`bundled profile ${i} invalid: ${JSON.stringify(parsed.errors)}`);
    return { path: `${parsed.profile.id}.json`, origin: 'builtin' as const, profile: parsed.profile };
  });
}

export function fakeBridge(overrides: FakeBridge['handlers'] = {}): FakeBridge {
  const listeners = new Map<EventChannel, Set<(p: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  const handlers: FakeBridge['handlers'] = {
    'app:info': () => ({
      name: 'Device Mail Doctor',
      version: '0.1.0',
      platform: 'linux',
      arch: 'x64',
      osLocale: 'ja-JP',
      suggestedLang: 'ja',
      runtime: 'bridge',
      secretStorage: { available: false, backend: 'basic_text', encrypted: false },
    }),
    'net:interfaces': () => [
      {
        name: 'eth0',
        address: '192.168.1.20',
        family: 'IPv4',
        internal: false,
        cidr: '192.168.1.20/24',
        mac: '00:00:00:00:00:00',
      },
    ],
    'profiles:list': () => ({ files: bundledFiles(), problems: [], replaced: [] }),
    'lab:scenarios': () => ['healthy', 'wrong-password', 'silent-port'],
    ...overrides,
  };
  const bridge: FakeBridge = {
    calls,
    handlers,
    emit: (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload)),
    api: buildApi({
      invoke: (channel, args) => {
        calls.push({ channel, args });
        const h = handlers[channel];
        if (!h)
          return Promise.resolve({
            ok: false,
            error: { code: 'unavailable', message: `${channel} is not scripted in this test` },
          });
        try {
          return Promise.resolve({ ok: true, value: h(args) });
        } catch (err) {
          // A handler may throw an IpcFailure to answer with main's exact error (code, message, issues).
          if (err instanceof IpcFailure) return Promise.resolve({ ok: false, error: err.ipcError });
          return Promise.resolve({ ok: false, error: { code: 'internal', message: String(err) } });
        }
      },
      subscribe: (channel, listener) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
      },
    }),
  };
  return bridge;
}

export function install(bridge: FakeBridge): void {
  (globalThis as { api?: Api }).api = bridge.api;
}
