export * from './workspace.js';
export * from './test-database.js';
export * from './api-process.js';
export * from './api-client.js';
export * from './chromium.js';
