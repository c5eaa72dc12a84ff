export * from './common.js';
export * from './duration.js';
export * from './condition.js';
export * from './artifact.js';
export * from './plan.js';
export * from './scenario.js';
export * from './script.js';
