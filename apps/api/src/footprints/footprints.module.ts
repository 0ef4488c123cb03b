import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { AccessChangesPublisher } from './access-changes.publisher.js';
import { FootprintAccessService } from './footprint-access.service.js';
import { Footprint } from './footprint.entity.js';
import { FootprintsController } from './footprints.controller.js';
import { FootprintsService } from './footprints.service.js';

/** Owns footprints, their member organisations and membership changes; decides footprint access. */
@Module({
  imports: [TypeOrmModule.forFeature([Footprint, Organisation]), AuthModule, AuditModule],
  controllers: [FootprintsController],
  providers: [FootprintsService, FootprintAccessService, AccessChangesPublisher],
  exports: [FootprintsService, FootprintAccessService, AccessChangesPublisher],
})
export class FootprintsModule {}
