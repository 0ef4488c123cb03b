import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SectionsModule } from '../sections/sections.module.js';
import { CollabAccessEvents } from './collab-access-events.service.js';
import { CollabAwareness } from './collab-awareness.service.js';
import { CollabFanout } from './collab-fanout.service.js';
import { CollabHandshake } from './collab-handshake.service.js';
import { CollabMetrics } from './collab-metrics.js';
import { CollabUpdates } from './collab-updates.service.js';
import { CollabGateway } from './collab.gateway.js';
import { SectionAccessService } from './section-access.service.js';
import { SectionCompaction } from './section-compaction.service.js';
import { SectionDocuments } from './section-documents.service.js';
import { SectionUpdateLog } from './section-update-log.js';
import { RealtimeRooms } from './realtime-rooms.service.js';
import { SectionTextReader } from './section-text-reader.service.js';

/**
 * Owns real-time co-editing of section text: the socket handshake, joining sections, the Yjs sync
 * protocol, presence, the durable update log with group commit, compaction, and keeping several
 * instances in step through Redis. Other features read section text through SectionTextReader (or
 * the open document through SectionDocuments) and speak to people through RealtimeRooms.
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
    CollabGateway,
    CollabMetrics,
    RealtimeRooms,
    SectionTextReader,
  ],
  exports: [SectionDocuments, RealtimeRooms, SectionTextReader, CollabMetrics],
})
export class CollabModule {}
