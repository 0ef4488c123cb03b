import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  approvalOutcomes,
  reviewDecisions,
  reviewNoteMaxLength,
  type ApprovalOutcome,
  type ReviewDecision,
} from '@commonplan/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

const noteMessage = `note must be ${reviewNoteMaxLength} characters or fewer`;

export class RequestReviewDto {
  @ApiProperty({ description: 'The reviewers asked: members who are reviewers or leads' })
  @IsArray({ message: 'reviewerIds must be a list of ids' })
  @ArrayMinSize(1, { message: 'Choose at least one reviewer' })
  @ArrayMaxSize(20, { message: 'Ask at most 20 reviewers at once' })
  @ArrayUnique({ message: 'Name each reviewer once' })
  @IsUUID('4', { each: true, message: 'each of reviewerIds must be an id (a UUID)' })
  reviewerIds!: string[];

  @ApiPropertyOptional({ description: 'What the reviewers should look at' })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(reviewNoteMaxLength, { message: noteMessage })
  note?: string;
}

export class DecideReviewDto {
  @ApiProperty({ enum: reviewDecisions })
  @IsIn(reviewDecisions, { message: `decision must be one of: ${reviewDecisions.join(', ')}` })
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'Required when asking for changes: what to change' })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(reviewNoteMaxLength, { message: noteMessage })
  note?: string;
}

export class ReconsiderApprovalDto {
  @ApiProperty({ enum: approvalOutcomes })
  @IsIn(approvalOutcomes, { message: `outcome must be one of: ${approvalOutcomes.join(', ')}` })
  outcome!: ApprovalOutcome;

  @ApiPropertyOptional({ description: 'Required when withdrawing: why' })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(reviewNoteMaxLength, { message: noteMessage })
  note?: string;
}
