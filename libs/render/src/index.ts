export * from './draft-diff.js';
export * from './render-html.js';
export * from './render-markdown.js';
export * from './render-section.js';
export * from './section-state.js';
export * from './text-blocks.js';
export * from './word-diff.js';
