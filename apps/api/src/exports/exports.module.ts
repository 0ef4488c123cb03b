import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DraftsModule } from '../drafts/drafts.module.js';
import { DraftExportProgressRelay } from './draft-export-progress.relay.js';
import { DraftExport } from './draft-export.entity.js';
import { ExportQueue } from './export-queue.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/**
 * Owns exports of ready drafts (DOCX, PDF) on the API side: asking for one, listing, downloading
 * and retrying them, and relaying the worker's progress to the drafts' watchers. The worker's side
 * is `DraftExportJob`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DraftExport]), DraftsModule, AuditModule],
  controllers: [ExportsController],
  providers: [ExportsService, ExportQueue, DraftExportProgressRelay],
})
export class ExportsModule {}
