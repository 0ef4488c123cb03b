import { ApiProperty } from '@nestjs/swagger';
import { draftLabelMaxLength } from '@commonplan/domain';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class RequestDraftDto {
  @ApiProperty({ example: 'Board pack, March', maxLength: draftLabelMaxLength })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'label must be text' })
  @MinLength(1, { message: 'label must say what the draft is for' })
  @MaxLength(draftLabelMaxLength, {
    message: `label must be ${draftLabelMaxLength} characters or fewer`,
  })
  label!: string;
}

export class CompareDraftsQuery {
  @ApiProperty({ description: 'Id of the older draft' })
  @IsUUID('4', { message: 'from must be a draft id (a UUID)' })
  from!: string;

  @ApiProperty({ description: 'Id of the newer draft' })
  @IsUUID('4', { message: 'to must be a draft id (a UUID)' })
  to!: string;
}
