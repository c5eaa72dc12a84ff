import type { FuseV1Config } from '@electron/fuses';
declare function afterPack(context: unknown): Promise<void>;
declare namespace afterPack {
  function fuseConfigFor(platform: string): FuseV1Config;
}
export = afterPack;
