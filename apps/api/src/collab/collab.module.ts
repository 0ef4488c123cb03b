import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SectionsModule } from '../sections/sections.module.js';
import { CollabAccessEvents } from './collab-access-events.service.js';
import { CollabAwareness } from './collab-awareness.service.js';
import { CollabFanout } from './collab-fanout.service.js';
import { CollabHandshake } from './collab-handshake.service.js';
import { CollabUpdates } from './collab-updates.service.js';
import { CollabGateway } from './collab.gateway.js';
import { SectionAccessService } from './section-access.service.js';
import { SectionCompaction } from './section-compaction.service.js';
import { SectionDocuments } from './section-documents.service.js';
import { SectionRooms } from './section-rooms.js';
import { SectionUpdateLog } from './section-update-log.js';

/**
 * Owns real-time co-editing of section text: the socket handshake, joining sections, the Yjs sync
 * protocol, presence, the durable update log with group commit, compaction, and keeping several
 * instances in step through Redis. Exports the documents (for reading text as it is now) and the
 * section rooms (for telling everyone in a section about a change).
 */
@Module({
  imports: [AuthModule, SectionsModule],
  providers: [
    CollabHandshake,
    SectionAccessService,
    SectionUpdateLog,
    SectionCompaction,
    SectionDocuments,
    CollabUpdates,
    CollabAwareness,
    CollabFanout,
    CollabAccessEvents,
    SectionRooms,
    CollabGateway,
  ],
  exports: [SectionDocuments, SectionRooms],
})
export class CollabModule {}
