// Electron fuses for the packaged app (flipped in the binary by after-pack.cjs; the packaging test reads them
// back). Each one closes a way to run code or read the app that a shipped diagnostic tool never needs.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads its hooks with require() */
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** @type {import('@electron/fuses').FuseV1Config} */
const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true, // a new fuse in a future Electron must be decided here, not inherited
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain node
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS cannot inject code
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect cannot attach a debugger
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // app content is served from app://, not file://
};

module.exports = { FUSES };
