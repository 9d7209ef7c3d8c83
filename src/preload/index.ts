// Preload: named functions over the IPC contract, nothing else (no ipcRenderer, no generic invoke).
// Sandboxed, so this is one CommonJS bundle that imports only `electron`; the contract it bundles is names and
// types only (no validation library: main validates; test/unit/main/preload-bundle.test.ts keeps it so).
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc';
import { createIpcTransport } from './transport';

const api = buildApi(createIpcTransport(ipcRenderer));
contextBridge.exposeInMainWorld('api', api);

/** The renderer's window.api type is this object's type (also re-exported by ./api-types for the web tsconfig). */
export type Api = typeof api;
