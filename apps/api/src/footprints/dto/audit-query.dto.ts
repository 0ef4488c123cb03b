import { ApiPropertyOptional } from '@nestjs/swagger';
import { activityKinds, type ActivityKind } from '@commonplan/domain';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto.js';

export class AuditQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ example: 'plan.created' })
  @IsOptional()
  @IsString({ message: 'action must be text' })
  @MaxLength(64, { message: 'action must be 64 characters or fewer' })
  @Matches(/^[a-z_.]+$/, { message: 'action must look like plan.created' })
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4', { message: 'actorId must be an id (a UUID)' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'Only what happened to this plan and its sections' })
  @IsOptional()
  @IsUUID('4', { message: 'planId must be an id (a UUID)' })
  planId?: string;

  @ApiPropertyOptional({ enum: activityKinds })
  @IsOptional()
  @IsIn(activityKinds, { message: `kind must be one of: ${activityKinds.join(', ')}` })
  kind?: ActivityKind;
}
