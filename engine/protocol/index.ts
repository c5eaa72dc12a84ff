export * from './limits.js';
export * from './commands.js';
export * from './results.js';
export * from './messages.js';
export * from './view.js';
export * from './audience.js';
export * from './join-code.js';
export * from './audience-view.js';
