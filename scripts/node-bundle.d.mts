import type { BuildOptions } from 'esbuild';
export declare const nodeBundle: BuildOptions;
export declare const WORKER_ENTRIES: Record<string, string>;
export declare function workerEntryPoints(root?: string): Record<string, string>;
