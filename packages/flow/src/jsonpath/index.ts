export * from './namespaces.js';
export * from './parse.js';
