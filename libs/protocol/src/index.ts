export * from './collab-events.js';
export * from './collab-errors.js';
export * from './collab-payloads.js';
export * from './draft-events.js';
