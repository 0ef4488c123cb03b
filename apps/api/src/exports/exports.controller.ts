import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DraftExportSummary } from '@commonplan/domain';
import type { Response } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth, ReqContext } from '../auth/current-auth.decorator.js';
import { uuidParam } from '../common/params.js';
import type { RequestContext } from '../common/request-context.js';
import { DraftsService } from '../drafts/drafts.service.js';
import { RequestExportDto } from './dto/request-export.dto.js';
import { ExportsService } from './exports.service.js';

/** `filename*` as RFC 6266 asks, with a plain ASCII `filename` for old clients. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly drafts: DraftsService,
  ) {}

  @Post('drafts/:draftId/exports')
  @ApiOperation({
    summary:
      'Export a ready draft as DOCX or PDF (anyone who may read it): 201 with the queued export; 200 with the existing one when the draft already has an export in that format',
  })
  async request(
    @CurrentAuth() auth: AuthContext,
    @Param('draftId', uuidParam('draftId')) draftId: string,
    @Body() body: RequestExportDto,
    @ReqContext() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DraftExportSummary> {
    const { draft, planAccess } = await this.drafts.load(auth, draftId, 'draft.read');
    const { draftExport, created } = await this.exports.request(
      draft,
      planAccess,
      body.format,
      context,
    );
    response.status(created ? 201 : 200);
    return draftExport;
  }

  @Get('drafts/:draftId/exports')
  @ApiOperation({ summary: "The draft's exports (at most one per format)" })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('draftId', uuidParam('draftId')) draftId: string,
  ): Promise<DraftExportSummary[]> {
    const { draft } = await this.drafts.load(auth, draftId, 'draft.read');
    return this.exports.list(draft);
  }

  @Get('exports/:exportId/download')
  @ApiOperation({ summary: 'The exported file, as an attachment; 409 until it is ready' })
  async download(
    @CurrentAuth() auth: AuthContext,
    @Param('exportId', uuidParam('exportId')) exportId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { draftExport } = await this.exports.load(auth, exportId);
    const { file, fileName, mimeType } = await this.exports.file(draftExport);
    response
      .status(200)
      .set({
        'content-type': mimeType,
        'content-length': String(file.length),
        'content-disposition': attachment(fileName),
        'cache-control': 'private, no-store',
      })
      .end(file);
  }

  @Post('exports/:exportId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try a failed export again; 409 unless it failed' })
  async retry(
    @CurrentAuth() auth: AuthContext,
    @Param('exportId', uuidParam('exportId')) exportId: string,
    @ReqContext() context: RequestContext,
  ): Promise<DraftExportSummary> {
    const { draftExport, draft, planAccess } = await this.exports.load(auth, exportId);
    return this.exports.retry(draftExport, draft, planAccess, context);
  }
}
