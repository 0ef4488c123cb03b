import { ApiProperty } from '@nestjs/swagger';
import { footprintRoles, type FootprintRole } from '@commonplan/domain';
import { IsIn } from 'class-validator';

export class ChangeRoleDto {
  @ApiProperty({ enum: footprintRoles })
  @IsIn(footprintRoles, { message: `role must be one of: ${footprintRoles.join(', ')}` })
  role!: FootprintRole;
}
