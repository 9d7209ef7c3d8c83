// Preload: named functions over the IPC contract, nothing else. Placeholder until the app issue lands.
import { contextBridge } from 'electron';

const api = {};
contextBridge.exposeInMainWorld('api', api);
export type Api = typeof api;
