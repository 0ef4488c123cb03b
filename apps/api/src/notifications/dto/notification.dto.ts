import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../common/pagination.dto.js';

export class NotificationsQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Only the ones not yet read' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'unreadOnly must be true or false' })
  unreadOnly?: boolean;
}

export class PlanMuteDto {
  @ApiProperty({
    description: 'true to stop notifications about this plan, false to have them again',
  })
  @IsBoolean({ message: 'muted must be true or false' })
  muted!: boolean;
}
