import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  consultationDecisions,
  consultationResponseStatuses,
  type ConsultationDecision,
  type ConsultationResponseStatus,
} from '@commonplan/domain';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto.js';

export class SetConsultationDatesDto {
  @ApiProperty({ example: '2026-12-01', description: 'First day responses are taken (England)' })
  @IsString({ message: 'opensOn must be a date, YYYY-MM-DD' })
  opensOn!: string;

  @ApiProperty({ example: '2027-01-31', description: 'Last day responses are taken (England)' })
  @IsString({ message: 'closesOn must be a date, YYYY-MM-DD' })
  closesOn!: string;
}

const sectionFilter = /^(whole|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export class ResponseFilterQuery {
  @ApiPropertyOptional({ enum: consultationResponseStatuses })
  @IsOptional()
  @IsIn(consultationResponseStatuses, {
    message: `status must be one of ${consultationResponseStatuses.join(', ')}`,
  })
  status?: ConsultationResponseStatus;

  @ApiPropertyOptional({ description: 'A section id, or `whole` for responses on the whole draft' })
  @IsOptional()
  @Matches(sectionFilter, { message: 'section must be a section id or "whole"' })
  section?: string;
}

export class ListResponsesQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: consultationResponseStatuses })
  @IsOptional()
  @IsIn(consultationResponseStatuses, {
    message: `status must be one of ${consultationResponseStatuses.join(', ')}`,
  })
  status?: ConsultationResponseStatus;

  @ApiPropertyOptional({ description: 'A section id, or `whole` for responses on the whole draft' })
  @IsOptional()
  @Matches(sectionFilter, { message: 'section must be a section id or "whole"' })
  section?: string;
}

export class DecideResponseDto {
  @ApiProperty({ enum: consultationDecisions })
  @IsIn(consultationDecisions, { message: 'decision must be accept or reject' })
  decision!: ConsultationDecision;
}
