import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AcceptTermsBody,
  DriverRequestView,
  ImageRefusal,
  ImageRequestView,
  StoredImageSummary,
} from '@t3p/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, DriverOnly, Principal } from '../../auth/access.decorators';
import {
  ApiErrors,
  Operation,
  PieceParam,
  UPLOAD_BODY,
  UPLOAD_ERRORS,
  VALIDATION,
} from '../../common/openapi.decorators';
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
  @Operation(
    'La demande d’images du chauffeur connecté : pièces, motif, échéance, CGU, brouillons',
    'The signed-in driver’s image request: pieces, reason, deadline, terms, drafts.',
  )
  @ApiOkResponse({ type: DriverRequestView })
  @ApiErrors({ 404: ['NOT_FOUND'] })
  view(@CurrentPrincipal() principal: Principal): Promise<DriverRequestView> {
    return this.requests.view(principal);
  }

  @Post('terms')
  @DriverOnly()
  @HttpCode(204)
  @Operation(
    'Étape « Engagement » : accepte les CGU (date et version enregistrées)',
    '“Engagement” step: accepts the terms (date and version recorded).',
  )
  @ApiNoContentResponse({ description: 'Conditions acceptées' })
  @ApiErrors({
    400: VALIDATION,
    404: ['NOT_FOUND'],
    409: ['TERMS_OUTDATED', 'REQUEST_ALREADY_SUBMITTED', 'REQUEST_CANCELLED', 'REQUEST_CLOSED'],
  })
  acceptTerms(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AcceptTermsBody,
  ): Promise<void> {
    return this.lifecycle.acceptTerms(principal, body.termsVersion);
  }

  @Put('images/:piece')
  @DriverOnly()
  @Operation(
    'Dépose la photo ou la signature : 201 et l’image gardée, ou 422 et le verdict de chaque règle',
    'Uploads the photo or the signature: 201 and the kept image, or 422 and the verdict of every rule (nothing kept).',
  )
  @PieceParam()
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({
    type: StoredImageSummary,
    description: 'Fichier conforme : gardé en brouillon jusqu’à « Valider »',
  })
  @ApiUnprocessableEntityResponse({
    type: ImageRefusal,
    description:
      'Fichier non conforme : rien n’est gardé, le verdict dit pourquoi (code IMAGE_INVALID)',
  })
  @ApiErrors({
    ...UPLOAD_ERRORS,
    400: [...UPLOAD_ERRORS[400], 'BAD_REQUEST'],
    404: ['NOT_FOUND'],
    409: [
      'PIECE_NOT_REQUESTED',
      'TERMS_NOT_ACCEPTED',
      'REQUEST_ALREADY_SUBMITTED',
      'REQUEST_CANCELLED',
      'REQUEST_CLOSED',
    ],
  })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Param('piece') path: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StoredImageSummary | ImageRefusal> {
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
      message:
        'Ce fichier ne respecte pas toutes les règles : il n’a pas été gardé. Le détail de chaque règle suit.',
      verdict: outcome.verdict,
      requestId: String(request.id),
    };
  }

  @Get('images/:piece')
  @DriverOnly()
  @Operation(
    'L’image déposée pour une pièce, pour l’afficher',
    'The image uploaded for a piece, to show it (never cached).',
  )
  @PieceParam()
  @ApiProduces('image/jpeg', 'application/pdf')
  @ApiOkResponse({
    description: 'Les octets de l’image',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrors({ 400: ['BAD_REQUEST'], 404: ['NOT_FOUND'] })
  async image(
    @CurrentPrincipal() principal: Principal,
    @Param('piece') path: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const shown = await this.requests.image(principal, pieceOfPath(path));
    void reply
      .header('content-type', shown.contentType)
      .header('cache-control', 'private, no-store');
    return shown.bytes;
  }

  @Delete('images')
  @DriverOnly()
  @HttpCode(204)
  @Operation(
    '« Annuler » : efface les images déposées et non encore envoyées',
    '“Annuler”: deletes the uploaded images not yet submitted.',
  )
  @ApiNoContentResponse({ description: 'Brouillons effacés' })
  @ApiErrors({
    404: ['NOT_FOUND'],
    409: ['REQUEST_ALREADY_SUBMITTED', 'REQUEST_CANCELLED', 'REQUEST_CLOSED'],
  })
  discard(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.lifecycle.discardDrafts(principal);
  }

  @Post('submit')
  @DriverOnly()
  @HttpCode(200)
  @Operation(
    '« Valider » : envoie les images à la préfecture (chaque pièce demandée doit avoir une image valide)',
    '“Valider”: submits the images to the préfecture (every requested piece needs a valid image).',
  )
  @ApiOkResponse({ type: ImageRequestView })
  @ApiErrors({
    404: ['NOT_FOUND'],
    409: ['TERMS_NOT_ACCEPTED', 'REQUEST_ALREADY_SUBMITTED', 'REQUEST_CANCELLED', 'REQUEST_CLOSED'],
    422: ['IMAGES_MISSING'],
  })
  submit(@CurrentPrincipal() principal: Principal): Promise<ImageRequestView> {
    return this.lifecycle.submit(principal);
  }
}
