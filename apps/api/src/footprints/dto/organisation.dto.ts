import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { organisationKinds, type OrganisationKind } from '@commonplan/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AddOrganisationDto {
  @ApiProperty({ example: 'Royal United Hospitals Bath NHS Foundation Trust' })
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200, { message: 'name must be 200 characters or fewer' })
  name!: string;

  @ApiProperty({ enum: organisationKinds })
  @IsIn(organisationKinds, { message: `kind must be one of: ${organisationKinds.join(', ')}` })
  kind!: OrganisationKind;

  @ApiPropertyOptional({ description: 'NHS Organisation Data Service code', example: 'RD1' })
  @IsOptional()
  @IsString({ message: 'odsCode must be text' })
  @Matches(/^[A-Z0-9]{3,10}$/, {
    message: 'odsCode must be 3 to 10 capital letters or digits, like RD1',
  })
  odsCode?: string;
}
