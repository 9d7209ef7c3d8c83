// electron-builder afterPack hook: flips the production fuses (./fuses.cjs) in the packaged Electron binary, then
// reads the wire back: every fuse must be one we decided (set here or kept at its default on purpose).
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads its hooks with require() */
const { join } = require('node:path');
const { flipFuses, getCurrentFuseWire } = require('@electron/fuses');
const { FUSES, KEPT_DEFAULT_FUSES } = require('./fuses.cjs');

/** Bytes @electron/fuses reports for a fuse that is on / off. */
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

/** Path of the Electron binary (or .app bundle) inside the packed output, per platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

/** Every fuse on the wire is either set by FUSES or listed in KEPT_DEFAULT_FUSES with the state it has. */
function checkWire(wire) {
  const problems = [];
  for (const [index, state] of Object.entries(wire)) {
    if (!/^\d+$/.test(index)) continue;
    const expected = index in FUSES ? FUSES[index] : KEPT_DEFAULT_FUSES[index];
    if (expected === undefined) problems.push(`fuse ${index} is not decided in build/fuses.cjs`);
    else if (state !== (expected ? FUSE_ON : FUSE_OFF))
      problems.push(`fuse ${index} is ${state === FUSE_ON ? 'on' : 'off'}`);
  }
  if (problems.length > 0) throw new Error(`Electron fuses: ${problems.join('; ')}`);
}

exports.default = async function afterPack(context) {
  const isMacArm = context.electronPlatformName === 'darwin' && context.arch === 3; // builder-util Arch.arm64
  const binary = electronBinary(context);
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: isMacArm });
  checkWire(await getCurrentFuseWire(binary));
};
exports.checkWire = checkWire;
