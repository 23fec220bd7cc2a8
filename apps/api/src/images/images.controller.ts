import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ImageCheckQuery, VERDICT_SCHEMA_REF } from '@t3p/contracts';
import type { Verdict } from '@t3p/image-rules';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, Operation, UPLOAD_BODY, UPLOAD_ERRORS } from '../common/openapi.decorators';
import { Public } from '../common/public.decorator';
import { ImagesService } from './images.service';
import { readSingleFile } from './multipart-file';

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
  @Operation(
    'Vérifie un fichier (photo ou signature) sans rien enregistrer',
    'Checks a file (photo or signature) against the rules, storing nothing.',
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiOkResponse({
    description: 'Le verdict : erreurs bloquantes et avertissements de qualité',
    schema: { $ref: VERDICT_SCHEMA_REF },
  })
  @ApiErrors(UPLOAD_ERRORS)
  async check(@Query() query: ImageCheckQuery, @Req() request: FastifyRequest): Promise<Verdict> {
    return this.images.check(await readSingleFile(request), query.kind);
  }
}
