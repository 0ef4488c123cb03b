import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  planKinds,
  planningYearPattern,
  planStatuses,
  slugPattern,
  type PlanKind,
  type PlanStatus,
} from '@commonplan/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const yearMessage = (field: string) => `${field} must be a planning year like 2016/17`;

export class CreatePlanDto {
  @ApiProperty({ example: 'Bath, Swindon and Wiltshire Sustainability and Transformation Plan' })
  @IsString({ message: 'title must be text' })
  @MinLength(3, { message: 'title must be at least 3 characters' })
  @MaxLength(200, { message: 'title must be 200 characters or fewer' })
  title!: string;

  @ApiPropertyOptional({
    description: 'Address of the plan within the footprint; made from the title when left out',
  })
  @IsOptional()
  @IsString({ message: 'slug must be text' })
  @MaxLength(80, { message: 'slug must be 80 characters or fewer' })
  @Matches(slugPattern, { message: 'slug must be lower case letters, digits and single hyphens' })
  slug?: string;

  @ApiProperty({ enum: planKinds })
  @IsIn(planKinds, { message: `kind must be one of: ${planKinds.join(', ')}` })
  kind!: PlanKind;

  @ApiProperty({ example: '2016/17' })
  @IsString({ message: yearMessage('periodStart') })
  @Matches(planningYearPattern, { message: yearMessage('periodStart') })
  periodStart!: string;

  @ApiProperty({ example: '2020/21' })
  @IsString({ message: yearMessage('periodEnd') })
  @Matches(planningYearPattern, { message: yearMessage('periodEnd') })
  periodEnd!: string;
}

export class UpdatePlanDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'title must be text' })
  @MinLength(3, { message: 'title must be at least 3 characters' })
  @MaxLength(200, { message: 'title must be 200 characters or fewer' })
  title?: string;

  @ApiPropertyOptional({ enum: planKinds })
  @IsOptional()
  @IsIn(planKinds, { message: `kind must be one of: ${planKinds.join(', ')}` })
  kind?: PlanKind;

  @ApiPropertyOptional({ example: '2016/17' })
  @IsOptional()
  @IsString({ message: yearMessage('periodStart') })
  @Matches(planningYearPattern, { message: yearMessage('periodStart') })
  periodStart?: string;

  @ApiPropertyOptional({ example: '2020/21' })
  @IsOptional()
  @IsString({ message: yearMessage('periodEnd') })
  @Matches(planningYearPattern, { message: yearMessage('periodEnd') })
  periodEnd?: string;
}

export class ChangePlanStatusDto {
  @ApiProperty({ enum: planStatuses })
  @IsIn(planStatuses, { message: `status must be one of: ${planStatuses.join(', ')}` })
  status!: PlanStatus;
}
