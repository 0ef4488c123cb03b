import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { commentBodyMaxLength, commentMaxMentions } from '@commonplan/domain';
import { maxAnchorPositionLength } from '@commonplan/editor';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const anchorMessage =
  'anchor must hold the start and end of the selected text as encoded by the editor';

export class CommentAnchorDto {
  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition for the start of the range' })
  @IsString({ message: anchorMessage })
  @MaxLength(maxAnchorPositionLength, { message: anchorMessage })
  start!: string;

  @ApiProperty({ description: 'base64 of Y.encodeRelativePosition for the end of the range' })
  @IsString({ message: anchorMessage })
  @MaxLength(maxAnchorPositionLength, { message: anchorMessage })
  end!: string;
}

export class CommentBodyDto {
  @ApiProperty({
    description: `Plain text, at most ${commentBodyMaxLength.toLocaleString('en-GB')} characters once trimmed; @Name mentions stay as typed`,
    example: 'Can we say where the 62-day figure comes from? @Priya Shah',
  })
  @IsString({ message: 'body must be text' })
  @Matches(/\S/, { message: 'Write a comment before sending it' })
  @MaxLength(commentBodyMaxLength + 1000, {
    message: `body must be ${commentBodyMaxLength.toLocaleString('en-GB')} characters or fewer`,
  })
  body!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of the footprint members mentioned in the body',
  })
  @IsOptional()
  @IsArray({ message: 'mentionIds must be a list of user ids' })
  @ArrayMaxSize(commentMaxMentions, {
    message: `A comment can mention at most ${commentMaxMentions} people`,
  })
  @ArrayUnique({ message: 'mentionIds must not name anyone twice' })
  @IsUUID('4', { each: true, message: 'mentionIds must be a list of user ids (UUIDs)' })
  mentionIds?: string[];
}

export class CreateCommentThreadDto extends CommentBodyDto {
  @ApiProperty({ type: CommentAnchorDto })
  @IsDefined({ message: anchorMessage })
  @IsObject({ message: anchorMessage })
  @ValidateNested()
  @Type(() => CommentAnchorDto)
  anchor!: CommentAnchorDto;
}
