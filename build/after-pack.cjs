// electron-builder afterPack hook: flips the production fuses (./fuses.cjs) in the packaged Electron binary.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads its hooks with require() */
const { join } = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { FUSES } = require('./fuses.cjs');

/** Path of the Electron binary (or .app bundle) inside the packed output, per platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

exports.default = async function afterPack(context) {
  const isMacArm = context.electronPlatformName === 'darwin' && context.arch === 3; // builder-util Arch.arm64
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: isMacArm });
};
