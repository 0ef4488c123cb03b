import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { footprintRoles, type FootprintRole } from '@commonplan/domain';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { maxPasswordLength, minPasswordLength } from '../../auth/password.js';

export class CreateInvitationDto {
  @ApiProperty({ example: 'jo.bloggs@nhs.net' })
  @IsString({ message: 'email must be text' })
  @MaxLength(320, { message: 'email must be 320 characters or fewer' })
  @IsEmail({}, { message: 'email must be an email address, like name@example.nhs.uk' })
  email!: string;

  @ApiProperty({ enum: footprintRoles })
  @IsIn(footprintRoles, { message: `role must be one of: ${footprintRoles.join(', ')}` })
  role!: FootprintRole;

  @ApiPropertyOptional({ description: 'The member organisation the person works for' })
  @IsOptional()
  @IsUUID('4', { message: 'organisationId must be an id (a UUID)' })
  organisationId?: string;
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({ description: 'Needed when the person has no account yet' })
  @IsOptional()
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200, { message: 'name must be 200 characters or fewer' })
  name?: string;

  @ApiProperty({ format: 'password', minLength: minPasswordLength })
  @IsString({ message: 'password must be text' })
  @MinLength(minPasswordLength, {
    message: `password must be at least ${minPasswordLength} characters`,
  })
  @MaxLength(maxPasswordLength, {
    message: `password must be ${maxPasswordLength} characters or fewer`,
  })
  password!: string;
}
