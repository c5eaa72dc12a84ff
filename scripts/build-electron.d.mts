import type { BuildOptions } from 'esbuild';
export declare const preloadOptions: BuildOptions;
export declare function buildElectron(): Promise<void>;
