export * from './editor-extensions.js';
export * from './section-schema.js';
export * from './section-content.js';
export * from './comment-anchor.js';
export * from './section-text.js';
export * from './safe-link-address.js';
export * from './schema-misfits.js';
export * from './section-nesting.js';
