// The preload's transport over Electron IPC. Listeners never see the Electron event (it carries `sender`),
// and each subscription returns its own unsubscribe function.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ApiTransport } from '../shared/ipc';

/** The two ipcRenderer methods the transport needs (an interface so tests need no Electron). */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createIpcTransport(ipc: IpcRendererLike): ApiTransport {
  return {
    invoke: (channel, args) => ipc.invoke(channel, ...args) as Promise<unknown>,
    subscribe(channel, listener) {
      const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
}
