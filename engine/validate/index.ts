export * from './located-error.js';
export * from './yaml-source.js';
export * from './library.js';
