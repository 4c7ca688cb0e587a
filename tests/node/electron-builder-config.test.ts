/**
 * The packaging config, checked since it cannot be run here (electron-builder downloads
 * Electron): it must pass electron-builder's own schema, build the installers the clinic uses,
 * keep better-sqlite3 outside the asar, point at the bundles the build makes, and burn in the
 * security fuses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

// Both come with electron-builder; neither ships types.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  icon: string;
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  nsis: { oneClick: boolean; allowToChangeInstallationDirectory: boolean };
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  electronFuses?: Record<string, boolean>;
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // …which does refuse a misspelt key, so the check above means something.
    await expect(validateConfiguration({ ...config, asarUnpak: [] }, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('names the app and writes the installers to release/', () => {
    expect(config.appId).toBe('com.frontdesk.console');
    expect(config.productName).toBe('FrontDesk');
    expect(packageJson.productName).toBe(config.productName);
    expect(config.directories.output).toBe('release');
  });

  it('builds an NSIS installer for 64-bit Windows that asks where to install', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
  });

  it('builds an AppImage and a .deb for Linux, filed under Office, with a maintainer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S+ <[^>]+@[^>]+>/);
  });

  it('packs the bundles without source maps, in an asar with better-sqlite3 unpacked and not rebuilt', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', '!dist/**/*.map', 'package.json', 'node_modules/better-sqlite3/**']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // Its prebuilt Node-API binary loads in Electron as it is (STACK.md): no rebuild for Electron's ABI.
    expect(config.npmRebuild).toBe(false);
  });

  it('starts the app from the main bundle the build makes', () => {
    // tests/node/shell.test.ts builds and runs that bundle; here: it is the entry, and it is packed.
    expect(packageJson.main).toBe('dist/main.cjs');
    expect(config.files).toContain('dist/**/*');
  });

  it('burns the security fuses into the Electron binary, every one electron-builder knows set on purpose', () => {
    // The secure value of each fuse (https://www.electronjs.org/docs/latest/tutorial/fuses).
    const secure: Record<string, boolean> = {
      // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node; the app forks nothing
      // (the integrity check runs in a worker thread, not a child process).
      runAsNode: false,
      // The session's cookies and storage encrypted at rest with the OS keychain.
      enableCookieEncryption: true,
      // NODE_OPTIONS and --inspect would let anyone at the PC inject code into the main process.
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // The app is loaded only from app.asar, and only when its hash matches the one signed in.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer uses app://, never file://.
      grantFileProtocolExtraPrivileges: false,
    };
    expect(config.electronFuses).toEqual(secure);
    // Every fuse in electron-builder's schema is either above or reviewed as not about security.
    const schema = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const notSecurity = ['loadBrowserProcessSpecificV8Snapshot', 'resetAdHocDarwinSignature'];
    expect(Object.keys(schema.definitions.FuseOptionsV1.properties).filter((fuse) => !notSecurity.includes(fuse)).sort()).toEqual(Object.keys(secure).sort());
  });

  it('has a 512×512 icon in build/', () => {
    for (const icon of [config.icon, config.win.icon, config.linux.icon]) expect(icon).toBe('build/icon.png');
    expect(config.directories.buildResources).toBe('build');
    const png = PNG.sync.read(readFileSync(join(root, config.icon)));
    expect([png.width, png.height]).toEqual([512, 512]);
  });
});
