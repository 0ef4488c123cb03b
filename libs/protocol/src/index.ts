export * from './collab-events.js';
export * from './collab-errors.js';
export * from './collab-payloads.js';
export * from './collab-parser.js';
export * from './draft-events.js';
