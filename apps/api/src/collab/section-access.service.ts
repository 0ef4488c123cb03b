import { Injectable } from '@nestjs/common';
import { can, canSeeFootprint } from '@commonplan/domain';
import type { AccessChangedMessage } from '@commonplan/protocol';
import type { AuthContext } from '../auth/auth-context.js';
import { SectionsService } from '../sections/sections.service.js';

export type SectionAccessLevel = AccessChangedMessage['access'];

/**
 * What a person may do with a section's text, decided by the same rules as REST (`can` with the
 * person's role in the section's footprint): someone who may not read the section (not a member,
 * or no such section) gets 'none', whatever the reason.
 */
@Injectable()
export class SectionAccessService {
  constructor(private readonly sections: SectionsService) {}

  async accessTo(auth: AuthContext, sectionId: string): Promise<SectionAccessLevel> {
    const actor = await this.sections.actorFor(auth, sectionId);
    if (!actor || !canSeeFootprint(actor) || !can(actor, 'section.read')) return 'none';
    return can(actor, 'section.editText') ? 'edit' : 'read';
  }
}
