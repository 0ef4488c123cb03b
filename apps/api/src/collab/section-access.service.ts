import { Injectable } from '@nestjs/common';
import { can } from '@commonplan/domain';
import type { AccessChangedMessage } from '@commonplan/protocol';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { SectionsService } from '../sections/sections.service.js';

export type SectionAccessLevel = AccessChangedMessage['access'];

/**
 * What a person may do with a section's text, decided by the same rules as REST: someone who may
 * not read the section (not a member, or no such section) gets 'none', whatever the reason.
 */
@Injectable()
export class SectionAccessService {
  constructor(private readonly sections: SectionsService) {}

  async accessTo(auth: AuthContext, sectionId: string): Promise<SectionAccessLevel> {
    try {
      const { actor } = await this.sections.load(auth, sectionId, 'section.read');
      return can(actor, 'section.editText') ? 'edit' : 'read';
    } catch (error) {
      if (error instanceof AppError && (error.status === 404 || error.status === 403))
        return 'none';
      throw error;
    }
  }
}
