// The renderer's view of window.api: exactly the preload's object type (see src/preload/index.ts), derived
// from the one contract in src/shared/ipc.ts. Import this type in the renderer; never import the preload itself.
import type { Api } from '../shared/ipc';

declare global {
  interface Window {
    readonly api: Api;
  }
}

export type { Api };
