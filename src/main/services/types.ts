// Types the service modules share: how they push events and what they get injected.
import type { EventChannel, EventPayload } from '../../shared/ipc';

/** Pushes one event to the window (Electron: webContents.send; bridge: Server-Sent Events). */
export type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;
