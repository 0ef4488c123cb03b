import { ApiProperty } from '@nestjs/swagger';
import {
  maxPasswordLength,
  minPasswordLength,
  type ChangePasswordRequest,
} from '@commonplan/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword must be text' })
  @MinLength(1, { message: 'Enter your current password' })
  @MaxLength(maxPasswordLength, {
    message: `currentPassword must be ${maxPasswordLength} characters or fewer`,
  })
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: minPasswordLength, maxLength: maxPasswordLength })
  @IsString({ message: 'newPassword must be text' })
  newPassword!: string;
}
