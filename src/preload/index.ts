// Preload: named functions over the IPC contract, nothing else (no ipcRenderer, no generic invoke).
// Sandboxed, so this is one CommonJS bundle that imports only `electron` (zod is bundled in).
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc';
import { createIpcTransport } from './transport';

const api = buildApi(createIpcTransport(ipcRenderer));
contextBridge.exposeInMainWorld('api', api);

/** The renderer's window.api type is this object's type (also re-exported by ./api-types for the web tsconfig). */
export type Api = typeof api;
