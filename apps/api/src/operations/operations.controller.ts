import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FailedJobsView } from '@commonplan/domain';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { OperationsService } from './operations.service.js';

@ApiTags('operations')
@Controller('operations')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get('failed-jobs')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'Jobs that failed for good, newest first: queue, job, what it was making and why in a word (instance admins)',
  })
  failedJobs(@CurrentAuth() auth: AuthContext): Promise<FailedJobsView> {
    return this.operations.failedJobs(auth);
  }
}
