import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { slugPattern } from '@commonplan/domain';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateFootprintDto {
  @ApiProperty({ example: 'Bath, Swindon and Wiltshire' })
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200, { message: 'name must be 200 characters or fewer' })
  name!: string;

  @ApiPropertyOptional({
    description: 'Address of the footprint; made from the name when left out',
  })
  @IsOptional()
  @IsString({ message: 'slug must be text' })
  @MaxLength(80, { message: 'slug must be 80 characters or fewer' })
  @Matches(slugPattern, { message: 'slug must be lower case letters, digits and single hyphens' })
  slug?: string;

  @ApiProperty({ example: 'South' })
  @IsString({ message: 'region must be text' })
  @MinLength(2, { message: 'region must be at least 2 characters' })
  @MaxLength(100, { message: 'region must be 100 characters or fewer' })
  region!: string;

  @ApiProperty({ example: 920000 })
  @IsInt({ message: 'population must be a whole number' })
  @Min(1000, { message: 'population must be at least 1,000' })
  @Max(100_000_000, { message: 'population must be 100,000,000 or less' })
  population!: number;
}

export class UpdateFootprintDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200, { message: 'name must be 200 characters or fewer' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'region must be text' })
  @MinLength(2, { message: 'region must be at least 2 characters' })
  @MaxLength(100, { message: 'region must be 100 characters or fewer' })
  region?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: 'population must be a whole number' })
  @Min(1000, { message: 'population must be at least 1,000' })
  @Max(100_000_000, { message: 'population must be 100,000,000 or less' })
  population?: number;
}
