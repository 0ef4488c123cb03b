import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'lead@demo.commonplan.test' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'email must be text' })
  @MaxLength(320, { message: 'email must be 320 characters or fewer' })
  @IsEmail({}, { message: 'email must be an email address, like name@example.nhs.uk' })
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'Enter your password' })
  @MaxLength(200, { message: 'password must be 200 characters or fewer' })
  password!: string;
}
