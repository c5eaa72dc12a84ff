// electron-builder afterPack hook: flips Electron's fuses in the packaged binary with
// @electron/fuses, before signing and before the installer is made. CommonJS because
// electron-builder require()s hooks.
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/**
 * The fuses of a Firedrill build for a platform. Embedded asar integrity is on where
 * electron-builder writes the asar's hash into the app (macOS Info.plist, Windows resources);
 * Electron does not support it on Linux.
 * @param {string} platform "linux" | "win32" | "darwin" | "mas"
 */
function fuseConfigFor(platform) {
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'mas' || platform === 'win32',
    // macOS arm64 binaries must be re-signed ad hoc after their bytes change.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
  };
}

/** The Electron binary inside the packaged app. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const name = packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${name}.app`);
  if (platform === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  await flipFuses(electronBinary(context), fuseConfigFor(context.electronPlatformName));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseConfigFor = fuseConfigFor;
