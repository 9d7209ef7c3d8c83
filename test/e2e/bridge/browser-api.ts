// Runs in the page before the app's own script (the e2e bridge injects it): builds window.api from the SAME
// contract as the Electron preload (buildApi), over HTTP POST for invokes and Server-Sent Events for events.
import '../../../src/renderer/src/zod-jitless'; // the page's CSP has no 'unsafe-eval' (as in the app)
import { EVENTS, buildApi, type ApiTransport, type EventChannel } from '../../../src/shared/ipc';

declare const __BRIDGE_TOKEN__: string;

// Browser globals, declared minimally: this file is type-checked with the node tsconfig (no DOM lib there).
interface BrowserEventSource {
  addEventListener(type: string, listener: (e: { data?: string }) => void): void;
}
const { EventSource } = globalThis as unknown as { EventSource: new (url: string) => BrowserEventSource };

/** How long an invoke waits for the event stream to be open (so no event of a run it starts is missed), in ms. */
const EVENTS_READY_WAIT_MS = 3_000;

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource('/__bridge/events');
const ready = new Promise<void>((resolve) => {
  source.addEventListener('open', () => resolve());
  setTimeout(resolve, EVENTS_READY_WAIT_MS);
});
for (const channel of Object.keys(EVENTS)) {
  source.addEventListener(channel, (e) => {
    const payload: unknown = JSON.parse(e.data ?? 'null');
    for (const l of listeners.get(channel) ?? []) l(payload);
  });
}

const transport: ApiTransport = {
  async invoke(channel, args) {
    await ready;
    const res = await fetch(`/__bridge/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bridge-token': __BRIDGE_TOKEN__ },
      body: JSON.stringify({ args }),
    });
    return await res.json();
  },
  subscribe(channel: EventChannel, listener) {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  },
};

Object.defineProperty(globalThis, 'api', {
  value: buildApi(transport),
  writable: false,
  configurable: false,
  enumerable: true,
});
