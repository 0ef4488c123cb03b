import { initialContentUpdate, paragraphsToJson } from '@commonplan/editor';
import type { EntityManager } from 'typeorm';
import { SectionUpdate } from './section-update.entity.js';

/** Splits plain starting text into paragraphs at blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

/**
 * Writes a new section's starting text as the first row of its update log. Done once, on the
 * server, when the section is created: clients never fill a document because it looks empty.
 */
export async function writeStartingText(
  manager: EntityManager,
  sectionId: string,
  paragraphs: string[],
  userId: string | null,
): Promise<void> {
  if (paragraphs.length === 0) return;
  const update = initialContentUpdate(paragraphsToJson(paragraphs));
  await manager.insert(SectionUpdate, { sectionId, update: Buffer.from(update), userId });
}
