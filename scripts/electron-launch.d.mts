export declare const ELECTRON_MAIN: string;
export type LaunchPlan = { mode: 'electron'; command: string; args: string[] } | { mode: 'browser'; reason: string };
export declare function launchPlan(input: { root: string; args: string[]; electron: { binary?: string; reason?: string }; built: (path: string) => boolean }): LaunchPlan;
