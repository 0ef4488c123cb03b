export * from './roles.js';
export * from './organisation-kinds.js';
export * from './plan-status.js';
export * from './section-status.js';
export * from './permissions.js';
export * from './slug.js';
export * from './api-types.js';
export * from './demo.js';
