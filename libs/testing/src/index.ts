export * from './workspace.ts';
export * from './test-database.ts';
export * from './api-process.ts';
export * from './api-client.ts';
export * from './chromium.ts';
export * from './smtp-sink.ts';
export * from './factories.ts';
export * from './fault-proxy.ts';
