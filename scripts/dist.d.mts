export declare const isOfflineFailure: (output: string) => boolean;
