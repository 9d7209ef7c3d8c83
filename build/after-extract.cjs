// electron-builder afterExtract hook: removes Electron's default_app.asar (the "drag your app here" demo app)
// before the app is copied in. electron-builder 26 removes it only when it downloaded Electron itself; with a
// local `electronDist` folder (offline build machines) it would ship, and its header would enter the asar
// integrity data.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads its hooks with require() */
const { rm } = require('node:fs/promises');
const { join } = require('node:path');

exports.default = async function afterExtract(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const isMac = electronPlatformName === 'darwin' || electronPlatformName === 'mas';
  const resources = isMac
    ? join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
    : join(appOutDir, 'resources');
  await rm(join(resources, 'default_app.asar'), { force: true });
};
