export * from './collab-socket.js';
export * from './provider-status.js';
export * from './reconnect-backoff.js';
export * from './section-provider.js';
export * from './unacknowledged-changes.js';
export * from './user-colour.js';
