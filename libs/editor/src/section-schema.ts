import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { sectionContentExtensions } from './editor-extensions.js';

let schema: Schema | undefined;

/** The ProseMirror schema of section text, built once from the shared extensions. */
export function sectionSchema(): Schema {
  schema ??= getSchema(sectionContentExtensions());
  return schema;
}
