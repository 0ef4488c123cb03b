import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { sectionThemes, type SectionTheme } from '@commonplan/domain';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

export class CreateSectionDto {
  @ApiProperty({ example: 'Faster cancer diagnosis' })
  @IsString({ message: 'title must be text' })
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(200, { message: 'title must be 200 characters or fewer' })
  title!: string;

  @ApiProperty({ enum: sectionThemes })
  @IsIn(sectionThemes, { message: `theme must be one of: ${sectionThemes.join(', ')}` })
  theme!: SectionTheme;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4', { message: 'leadOrganisationId must be an id (a UUID)' })
  leadOrganisationId?: string;

  @ApiPropertyOptional({
    description:
      'Starting text; blank lines separate paragraphs. Written once, when the section is made.',
    example:
      'Where we are: 62-day waits are above the standard.\n\nWhat we will do by 2020/21: ...',
  })
  @IsOptional()
  @IsString({ message: 'text must be text' })
  @MaxLength(20_000, { message: 'text must be 20,000 characters or fewer' })
  text?: string;
}

export class UpdateSectionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'title must be text' })
  @MinLength(2, { message: 'title must be at least 2 characters' })
  @MaxLength(200, { message: 'title must be 200 characters or fewer' })
  title?: string;

  @ApiPropertyOptional({ enum: sectionThemes })
  @IsOptional()
  @IsIn(sectionThemes, { message: `theme must be one of: ${sectionThemes.join(', ')}` })
  theme?: SectionTheme;

  @ApiPropertyOptional({ nullable: true, description: 'null clears the lead organisation' })
  @ValidateIf(
    (dto: UpdateSectionDto) =>
      dto.leadOrganisationId !== null && dto.leadOrganisationId !== undefined,
  )
  @IsUUID('4', { message: 'leadOrganisationId must be an id (a UUID) or null' })
  leadOrganisationId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Every author of the section (replaces the list)',
  })
  @IsOptional()
  @IsArray({ message: 'authorIds must be a list of user ids' })
  @ArrayMaxSize(50, { message: 'authorIds can name at most 50 people' })
  @ArrayUnique({ message: 'authorIds must not name anyone twice' })
  @IsUUID('4', { each: true, message: 'authorIds must be a list of user ids (UUIDs)' })
  authorIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Every reviewer of the section (replaces the list)',
  })
  @IsOptional()
  @IsArray({ message: 'reviewerIds must be a list of user ids' })
  @ArrayMaxSize(50, { message: 'reviewerIds can name at most 50 people' })
  @ArrayUnique({ message: 'reviewerIds must not name anyone twice' })
  @IsUUID('4', { each: true, message: 'reviewerIds must be a list of user ids (UUIDs)' })
  reviewerIds?: string[];

  @ApiPropertyOptional({
    nullable: true,
    example: '2026-12-18',
    description: 'null clears the due date',
  })
  @ValidateIf((dto: UpdateSectionDto) => dto.dueDate !== null && dto.dueDate !== undefined)
  @IsString({ message: 'dueDate must be a date like 2026-12-18, or null' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date like 2026-12-18, or null' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real date like 2026-12-18' })
  dueDate?: string | null;
}

export class ReorderSectionsDto {
  @ApiProperty({ type: [String], description: 'Every section of the plan, in the new order' })
  @IsArray({ message: 'sectionIds must be a list of section ids' })
  @ArrayMaxSize(500, { message: 'sectionIds can hold at most 500 sections' })
  @ArrayUnique({ message: 'sectionIds must not name a section twice' })
  @IsUUID('4', { each: true, message: 'sectionIds must be a list of section ids (UUIDs)' })
  sectionIds!: string[];
}
