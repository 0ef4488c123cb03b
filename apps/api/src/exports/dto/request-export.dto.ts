import { ApiProperty } from '@nestjs/swagger';
import { exportFormats, type ExportFormat } from '@commonplan/domain';
import { IsIn } from 'class-validator';

export class RequestExportDto {
  @ApiProperty({ enum: exportFormats, example: 'pdf' })
  @IsIn(exportFormats, { message: `format must be one of: ${exportFormats.join(', ')}` })
  format!: ExportFormat;
}
