export declare const simulationWorkerEntry: Record<string, string>;
export declare function buildCli(): Promise<void>;
