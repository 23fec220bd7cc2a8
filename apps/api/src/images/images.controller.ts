import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ImageCheckQuery } from '@t3p/contracts';
import type { Verdict } from '@t3p/image-rules';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/public.decorator';
import { ImagesService } from './images.service';
import { readSingleFile } from './multipart-file';
import { VERDICT_SCHEMA } from './verdict.openapi';

@ApiTags('images')
@Controller('images')
export class ImagesController {
  constructor(private readonly images: ImagesService) {}

  /**
   * Public on purpose: it stores nothing and reveals nothing but the verdict of the caller's own
   * file; its cost is bounded by the upload cap and the measurement's own limits.
   */
  @Post('check')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Vérifie un fichier (photo ou signature) sans rien enregistrer' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ description: 'Le verdict : erreurs bloquantes et avertissements de qualité', schema: VERDICT_SCHEMA })
  async check(@Query() query: ImageCheckQuery, @Req() request: FastifyRequest): Promise<Verdict> {
    return this.images.check(await readSingleFile(request), query.kind);
  }
}
