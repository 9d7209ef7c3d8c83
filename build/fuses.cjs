// Electron fuses for the packaged app (flipped in the binary by after-pack.cjs; the packaging test reads them
// back). Each one closes a way to run code or read the app that a shipped diagnostic tool never needs.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads its hooks with require() */
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** @type {import('@electron/fuses').FuseV1Config} */
const FUSES = {
  version: FuseVersion.V1,
  // @electron/fuses 1.x (the line whose engines accept Node 20; electron-builder 26 uses it too) knows the first
  // 8 fuses; Electron 41+ has a 9th. Strict mode would refuse the longer wire, so the library flips these 8 and
  // after-pack.cjs checks every later fuse against KEPT_DEFAULT_FUSES: a fuse nobody decided still fails the pack.
  strictlyRequireAllFuses: false,
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain node
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS cannot inject code
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect cannot attach a debugger
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // app content is served from app://, not file://
};

/**
 * Fuses past the ones @electron/fuses 1.x can set, decided here and left at Electron's default, which is the value
 * we want (index → expected state, true = on). The wire order is Electron's build/fuses/fuses.json5.
 */
const KEPT_DEFAULT_FUSES = {
  // wasm_trap_handlers (Electron 41+, default on): WebAssembly bounds checks by guard pages; turning it off only
  // costs speed, and the app runs no WebAssembly of its own. Kept on.
  8: true,
};

module.exports = { FUSES, KEPT_DEFAULT_FUSES };
