import { ApiProperty } from '@nestjs/swagger';
import {
  draftScheduleLabelMaxLength,
  draftScheduleTimePattern,
  weekdays,
  type Weekday,
} from '@commonplan/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class DraftScheduleDto {
  @ApiProperty({ example: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] })
  @IsArray({ message: 'days must be a list of days of the week, such as ["monday", "friday"]' })
  @ArrayMinSize(1, { message: 'days must name at least one day of the week' })
  @ArrayMaxSize(7, { message: 'days must name each day of the week at most once' })
  @ArrayUnique({ message: 'days must name each day of the week at most once' })
  @IsIn(weekdays, {
    each: true,
    message: `days must be days of the week, written ${weekdays.join(', ')}`,
  })
  days!: Weekday[];

  @ApiProperty({ example: '18:00', description: 'Time of day in UK time (Europe/London), HH:MM' })
  @IsString({ message: 'time must be a time of day such as 18:00' })
  @Matches(draftScheduleTimePattern, {
    message: 'time must be a time of day on the 24-hour clock, as HH:MM, such as 18:00',
  })
  time!: string;

  @ApiProperty({ description: 'Make a draft only when the plan changed since its last draft' })
  @IsBoolean({ message: 'onlyIfChanged must be true or false' })
  onlyIfChanged!: boolean;

  @ApiProperty({ description: 'false to keep the schedule but make no drafts for now' })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;

  @ApiProperty({ example: 'Scheduled draft, {date}', maxLength: draftScheduleLabelMaxLength })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'labelPattern must be text' })
  @MinLength(1, {
    message: 'labelPattern must say what the drafts are, such as "Scheduled draft, {date}"',
  })
  @MaxLength(draftScheduleLabelMaxLength, {
    message: `labelPattern must be ${draftScheduleLabelMaxLength} characters or fewer`,
  })
  labelPattern!: string;
}
