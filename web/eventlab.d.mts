// Types for eventlab.mjs: TypeScript looks for .d.mts beside an .mjs file. The declarations
// live in eventlab.d.ts (for .js-style imports and the docs); this re-exports them.
export * from './eventlab.js';
