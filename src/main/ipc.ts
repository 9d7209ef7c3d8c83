// Main-side IPC registration: every channel goes through handle(), which checks that the call comes from our
// own window's top frame, validates the arguments (zod, via dispatch) and returns a Result (no throws cross).
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  EVENTS,
  INVOKE,
  fail,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type Result,
} from '../shared/ipc';
import { dispatch, type Handler, type Handlers, type Logger } from './ipc-dispatch';

/** Decides whether a frame URL is our app's own content (see window.ts: isAppUrl). */
export type SenderPolicy = (frameUrl: string) => boolean;

export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  policy: SenderPolicy,
): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // frame navigated away or destroyed
  if (frame.parent !== null) return false; // sub-frames never talk to main
  return policy(frame.url);
}

export interface IpcRegistry {
  handle<C extends InvokeChannel>(channel: C, fn: Handler<C>): void;
  handleAll(handlers: Handlers): void;
  /** Removes every handler registered here. */
  dispose(): void;
}

export function createIpcRegistry(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  policy: SenderPolicy,
  log: Logger = () => {},
): IpcRegistry {
  const registered = new Set<InvokeChannel>();
  const handle = <C extends InvokeChannel>(channel: C, fn: Handler<C>): void => {
    // One channel, one handler: a partial map of this channel only, dispatched like every other.
    const only = { [channel]: fn } as unknown as Handlers;
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, policy)) {
        log(`ipc ${channel}: refused a sender outside the app (${describeUrl(event.senderFrame?.url)})`);
        return fail('forbidden-sender', 'This request did not come from the app window.');
      }
      return dispatch(only, channel, args, log);
    });
    registered.add(channel);
  };
  return {
    handle,
    handleAll(handlers) {
      for (const channel of Object.keys(INVOKE) as InvokeChannel[]) {
        handle(channel, handlers[channel] as Handler<typeof channel>);
      }
    },
    dispose() {
      for (const channel of registered) ipcMain.removeHandler(channel);
      registered.clear();
    },
  };
}

/** Sends a typed event to a window (skipped if it is gone). */
export function sendEvent<C extends EventChannel>(
  target: WebContents | null,
  channel: C,
  payload: EventPayload<C>,
): void {
  if (!target || target.isDestroyed() || !Object.hasOwn(EVENTS, channel)) return;
  target.send(channel, payload);
}

/** Origin only: a full URL could carry user data. */
function describeUrl(url: string | undefined): string {
  if (!url) return 'no frame';
  try {
    return new URL(url).origin;
  } catch {
    return 'unparseable URL';
  }
}
