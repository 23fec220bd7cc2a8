import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptTermsBody, type DriverRequestView, type ImageRequestView, type StoredImageSummary } from '@t3p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, DriverOnly, Principal } from '../../auth/access.decorators';
import { DriverRequestService } from './driver-request.service';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { pieceOfPath } from '../piece-param';

@ApiTags('chauffeur')
@Controller('driver/request')
export class DriverRequestController {
  constructor(
    private readonly requests: DriverRequestService,
    private readonly lifecycle: LifecycleService,
  ) {}

  @Get()
  @DriverOnly()
  @ApiOperation({ summary: 'La demande d’images du chauffeur connecté : pièces, motif, échéance, CGU, brouillons' })
  view(@CurrentPrincipal() principal: Principal): Promise<DriverRequestView> {
    return this.requests.view(principal);
  }

  @Post('terms')
  @DriverOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Étape « Engagement » : accepte les CGU (date et version enregistrées)' })
  acceptTerms(@CurrentPrincipal() principal: Principal, @Body() body: AcceptTermsBody): Promise<void> {
    return this.lifecycle.acceptTerms(principal, body.termsVersion);
  }

  @Put('images/:piece')
  @DriverOnly()
  @ApiOperation({ summary: 'Dépose la photo ou la signature : 201 et l’image gardée, ou 422 et le verdict de chaque règle' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param('piece') path: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StoredImageSummary | Record<string, unknown>> {
    const piece = pieceOfPath(path);
    const outcome = await this.requests.upload(principal, piece, request);
    if (outcome.valid) {
      void reply.status(201);
      return outcome.image;
    }
    void reply.status(422);
    return {
      statusCode: 422,
      code: 'IMAGE_INVALID',
      message: 'Ce fichier ne respecte pas toutes les règles : il n’a pas été gardé. Le détail de chaque règle suit.',
      verdict: outcome.verdict,
      requestId: String(request.id),
    };
  }

  @Get('images/:piece')
  @DriverOnly()
  @ApiOperation({ summary: 'L’image déposée pour une pièce, pour l’afficher' })
  async image(
    @CurrentPrincipal() principal: Principal,
    @Param('piece') path: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const shown = await this.requests.image(principal, pieceOfPath(path));
    void reply.header('content-type', shown.contentType).header('cache-control', 'private, no-store');
    return shown.bytes;
  }

  @Delete('images')
  @DriverOnly()
  @HttpCode(204)
  @ApiOperation({ summary: '« Annuler » : efface les images déposées et non encore envoyées' })
  discard(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.lifecycle.discardDrafts(principal);
  }

  @Post('submit')
  @DriverOnly()
  @HttpCode(200)
  @ApiOperation({ summary: '« Valider » : envoie les images à la préfecture (chaque pièce demandée doit avoir une image valide)' })
  submit(@CurrentPrincipal() principal: Principal): Promise<ImageRequestView> {
    return this.lifecycle.submit(principal);
  }
}
