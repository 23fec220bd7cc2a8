import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CURRENT_TERMS_VERSION,
  REQUEST_REASONS,
  type ApiErrorCode,
  type CreateImageRequestBody,
  type EmailPreview,
  type ImageDecision,
  type ImageRequestView,
  type Piece,
  type ReviewRequestBody,
  type ReviewResult,
} from '@t3p/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/access.decorators';
import { Clock } from '../../common/clock';
import { ApiException } from '../../common/errors/api-exception';
import { Environment, publicUrlOf } from '../../config/environment';
import { ImageRequestEntity } from '../../database/entities';
import { ImagesService } from '../../images/images.service';
import {
  LifecycleEmailsService,
  type LifecycleEmailFacts,
  type RejectedPiece,
} from '../../notifications/lifecycle-emails.service';
import { RequestQueriesRepository } from '../request-queries.repository';
import { deadlineOf, Delays, piecesOf, toRequestView } from '../request.mapper';

const DAY = 86_400_000;
import { isUniqueViolation } from '../../database/raw-rows';
import {
  RequestContext,
  RequestTransitionsRepository,
  TransitionScope,
} from './request-transitions.repository';

export const conflict = (message: string, code: ApiErrorCode = 'STATE_CONFLICT') =>
  ApiException.conflict(message, code);

const ALREADY_OPEN =
  'Une demande d’images est déjà en cours pour cette demande de carte : attendez qu’elle soit close.';

/**
 * The state machine of image requests (shared/spec/lifecycle.md) for the transitions people make:
 * an agent creates or reviews, a driver accepts the terms, discards or submits. Each transition
 * is one conditional update; its audit entry and its email are written in the same transaction.
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly transitions: RequestTransitionsRepository,
    private readonly queries: RequestQueriesRepository,
    private readonly emails: LifecycleEmailsService,
    private readonly images: ImagesService,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  delays(): Delays {
    return {
      reminderDays: this.env.REMINDER_DELAY_DAYS,
      cancellationDays: this.env.CANCELLATION_DELAY_DAYS,
    };
  }

  /** The facts of the lifecycle emails for one request. */
  emailFacts({ request, application }: RequestContext): LifecycleEmailFacts {
    return {
      civility: application.driver.civility,
      lastName: application.driver.lastName,
      firstName: application.driver.firstName,
      cardType: request.cardType,
      prefectureName: application.prefecture.name,
      pieces: piecesOf(request),
      reason: request.reasonText,
      requestedAt: request.createdAt,
      portalLink: `${publicUrlOf(this.env)}/connexion/${encodeURIComponent(request.accessRef)}`,
    };
  }

  emailTarget({ request, application }: RequestContext) {
    return { to: application.driver.email, requestId: request.id, applicationId: application.id };
  }

  /** An agent asks for new images; 409 when a request is already open. */
  async createRequest(
    agent: { agentId: string; prefectureId: string },
    applicationId: string,
    body: CreateImageRequestBody,
  ): Promise<ImageRequestView> {
    const reasonText =
      body.reasonCode === 'OTHER'
        ? (body.reasonText ?? '').trim()
        : [REQUEST_REASONS[body.reasonCode], body.reasonText?.trim()].filter(Boolean).join(' ');
    try {
      return await this.transitions.run(async (scope) => {
        const now = this.clock.now();
        const application = await scope.applicationOfPrefecture(applicationId, agent.prefectureId);
        if (!application) throw ApiException.notFound('Cette demande de carte est introuvable.');
        return this.openRequest(scope, {
          applicationId,
          prefectureId: agent.prefectureId,
          cardType: application.cardType,
          applicationState: application.state,
          pieces: body.pieces,
          reasonCode: body.reasonCode,
          reasonText,
          agentId: agent.agentId,
          previousRequestId: null,
          now,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(ALREADY_OPEN, 'REQUEST_ALREADY_OPEN');
      throw error;
    }
  }

  /** Inserts a PENDING request, moves the application to AWAITING_IMAGES, audits, queues the email. */
  private async openRequest(
    scope: TransitionScope,
    input: {
      applicationId: string;
      prefectureId: string;
      cardType: ImageRequestEntity['cardType'];
      applicationState: string;
      pieces: Piece[];
      reasonCode: string;
      reasonText: string;
      agentId: string;
      previousRequestId: string | null;
      now: Date;
      /** A follow-up of a rejection: its email says what was refused and why. */
      rejected?: RejectedPiece[];
    },
  ): Promise<ImageRequestView> {
    if (input.applicationState === 'CANCELLED' || input.applicationState === 'VALIDATED') {
      throw conflict(
        input.applicationState === 'CANCELLED'
          ? 'Cette demande de carte est annulée : aucune image ne peut plus être demandée.'
          : 'Cette demande de carte est déjà validée : aucune image ne peut plus être demandée.',
        'APPLICATION_CLOSED',
      );
    }
    if (!input.previousRequestId && (await this.queries.hasOpenRequest(input.applicationId))) {
      throw conflict(ALREADY_OPEN, 'REQUEST_ALREADY_OPEN');
    }
    const request: ImageRequestEntity = {
      id: randomUUID(),
      applicationId: input.applicationId,
      prefectureId: input.prefectureId,
      cardType: input.cardType,
      accessRef: randomBytes(24).toString('base64url'),
      photoRequested: input.pieces.includes('PHOTO'),
      signatureRequested: input.pieces.includes('SIGNATURE'),
      reasonCode: input.reasonCode,
      reasonText: input.reasonText,
      state: 'PENDING',
      createdByAgentId: input.agentId,
      previousRequestId: input.previousRequestId,
      createdAt: input.now,
      remindedAt: null,
      submittedAt: null,
      decidedAt: null,
      cancelledAt: null,
      termsAcceptedAt: null,
      termsVersion: null,
    };
    await scope.insertRequest(request);
    await scope.setApplicationState([input.applicationId], 'AWAITING_IMAGES', input.now);
    await scope.audit([
      {
        applicationId: input.applicationId,
        requestId: request.id,
        actorType: 'AGENT',
        actorId: input.agentId,
        action: 'REQUEST_CREATED',
        fromState: null,
        toState: 'PENDING',
        reason: input.reasonText,
        at: input.now,
      },
    ]);
    const context = await scope.context(request.id);
    if (!context) throw new Error('The request just inserted is missing');
    const facts = {
      ...this.emailFacts(context),
      deadline: deadlineOf(request, this.delays()) ?? input.now,
    };
    if (input.rejected)
      await this.emails.rejection(scope.manager, this.emailTarget(context), {
        ...facts,
        rejected: input.rejected,
      });
    else await this.emails.imageRequest(scope.manager, this.emailTarget(context), facts);
    return toRequestView(request, this.delays());
  }

  /** The agent's review: every requested image validated → VALIDATED; any rejected → REJECTED + a new request. */
  /** The request of the agent's préfecture and its decisions, one per requested image (else 404 / 422). */
  private async decisionsOn(
    agent: { prefectureId: string },
    requestId: string,
    body: ReviewRequestBody,
  ) {
    const found = await this.queries.findOfPrefecture(agent.prefectureId, requestId);
    if (!found) throw ApiException.notFound('Cette demande d’images est introuvable.');
    const requested = piecesOf(found.request);
    const decided = body.decisions.map((decision) => decision.piece);
    if (
      new Set(decided).size !== decided.length ||
      decided.length !== requested.length ||
      !requested.every((p) => decided.includes(p))
    ) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'DECISIONS_INCOMPLETE',
        'Donnez exactement une décision pour chaque image demandée, ni plus ni moins.',
      );
    }
    const rejected = body.decisions.filter((decision) => decision.outcome === 'REJECTED');
    return {
      found,
      rejected,
      reasonOf: (decision: ImageDecision): RejectedPiece => ({
        piece: decision.piece,
        reason: decision.reason?.trim() ?? '',
      }),
    };
  }

  /**
   * The email these decisions would send the driver — the rejection with its new request — as
   * it would be written now (the new request's personal link is drawn only when it is created);
   * nothing is recorded or sent. 422 when no image is refused (the driver then gets « demande validée »).
   */
  async reviewEmailPreview(
    agent: { prefectureId: string },
    requestId: string,
    body: ReviewRequestBody,
  ): Promise<EmailPreview> {
    const { found, rejected, reasonOf } = await this.decisionsOn(agent, requestId, body);
    if (rejected.length === 0) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'NOTHING_REJECTED',
        'Aucune image n’est refusée : le chauffeur recevra le courriel « demande validée ».',
      );
    }
    const now = this.clock.now();
    const { reminderDays, cancellationDays } = this.delays();
    const rendered = this.emails.rejectionPreview({
      ...this.emailFacts(found),
      pieces: rejected.map((decision) => decision.piece),
      reason: rejected.map((decision) => decision.reason?.trim()).join(' '),
      requestedAt: now,
      portalLink: `${publicUrlOf(this.env)}/connexion/…`,
      deadline: new Date(now.getTime() + (reminderDays + cancellationDays) * DAY),
      rejected: rejected.map(reasonOf),
    });
    return { to: found.application.driver.email, ...rendered };
  }

  async review(
    agent: { agentId: string; prefectureId: string },
    requestId: string,
    body: ReviewRequestBody,
  ): Promise<ReviewResult> {
    const { found, rejected, reasonOf } = await this.decisionsOn(agent, requestId, body);
    const validated = body.decisions.filter((decision) => decision.outcome === 'VALIDATED');
    const to = rejected.length > 0 ? 'REJECTED' : 'VALIDATED';
    return this.transitions.run(async (scope) => {
      const now = this.clock.now();
      const codeOf = (piece: Piece) => {
        const decision = rejected.find((candidate) => candidate.piece === piece);
        return decision ? (decision.reasonCode ?? 'OTHER') : null;
      };
      if (
        !(await scope.decideRequest(requestId, to, now, {
          photo: codeOf('PHOTO'),
          signature: codeOf('SIGNATURE'),
        }))
      ) {
        const fresh = await scope.context(requestId);
        if (found.request.state === 'SUBMITTED' && fresh?.request.state === 'SUBMITTED') {
          throw conflict(
            'Les images envoyées pour cette demande sont introuvables : aucune décision ne peut être enregistrée sans elles. Signalez-le à l’assistance technique.',
            'SUBMITTED_IMAGES_MISSING',
          );
        }
        throw conflict(
          found.request.state === 'SUBMITTED'
            ? 'Cette demande vient d’être examinée par quelqu’un d’autre : rechargez la page.'
            : 'Seule une demande dont les images ont été envoyées peut être examinée.',
        );
      }
      if (validated.length) {
        await this.images.setStateInTransaction(scope.manager, requestId, {
          from: 'SUBMITTED',
          to: 'VALIDATED',
          pieces: validated.map((d) => d.piece),
          decision: { at: now },
        });
      }
      for (const decision of rejected) {
        await this.images.setStateInTransaction(scope.manager, requestId, {
          from: 'SUBMITTED',
          to: 'REJECTED',
          pieces: [decision.piece],
          decision: { at: now, rejectionReason: decision.reason?.trim() ?? null },
        });
      }
      const reason = rejected.map((decision) => decision.reason?.trim()).join(' ');
      await scope.audit([
        {
          applicationId: found.application.id,
          requestId,
          actorType: 'AGENT',
          actorId: agent.agentId,
          action: to === 'VALIDATED' ? 'REQUEST_VALIDATED' : 'REQUEST_REJECTED',
          fromState: 'SUBMITTED',
          toState: to,
          reason: to === 'REJECTED' ? reason : null,
          at: now,
        },
      ]);
      const request = { ...found.request, state: to, decidedAt: now } as ImageRequestEntity;
      if (to === 'VALIDATED') {
        await scope.setApplicationState([found.application.id], 'VALIDATED', now);
        await this.emails.paymentRequest(scope.manager, this.emailTarget(found), {
          ...this.emailFacts(found),
          validatedAt: now,
        });
        return { request: toRequestView(request, this.delays()), followUp: null };
      }
      const followUp = await this.openRequest(scope, {
        applicationId: found.application.id,
        prefectureId: found.request.prefectureId,
        cardType: found.request.cardType,
        applicationState: found.application.state,
        pieces: rejected.map((decision) => decision.piece),
        reasonCode: 'OTHER',
        reasonText: reason,
        agentId: agent.agentId,
        previousRequestId: requestId,
        now,
        rejected: rejected.map(reasonOf),
      });
      return { request: toRequestView(request, this.delays()), followUp };
    });
  }

  /** "Engagement": stores the date and the version of the terms accepted. */
  async acceptTerms(principal: Principal, termsVersion: string): Promise<void> {
    if (termsVersion !== CURRENT_TERMS_VERSION) {
      throw conflict(
        'Les conditions d’utilisation ont changé : rechargez la page pour lire la version en vigueur.',
        'TERMS_OUTDATED',
      );
    }
    const request = this.openRequestOf(principal);
    await this.transitions.run(async (scope) => {
      const now = this.clock.now();
      if (!(await scope.acceptTerms(request.id, now, termsVersion)))
        throw this.closedError({ request });
      await scope.audit([
        {
          applicationId: request.applicationId,
          requestId: request.id,
          actorType: 'DRIVER',
          actorId: principal.subjectId,
          action: 'TERMS_ACCEPTED',
          fromState: request.state,
          toState: request.state,
          reason: `Version ${termsVersion}`,
          at: now,
        },
      ]);
    });
  }

  /** "Annuler" of the confirmation dialog: the drafts of this pass are dropped. */
  async discardDrafts(principal: Principal): Promise<void> {
    const request = this.openRequestOf(principal);
    await this.transitions.run(async (scope) => {
      // Locks the row without changing its state (a reminder may have moved it meanwhile).
      if (!(await scope.lockOpenForUpload(request.id))) {
        throw this.closedError({ request });
      }
      await this.images.deleteDraftsInTransaction(scope.manager, [request.id]);
    });
  }

  /**
   * "Valider": every requested piece must have a valid draft; → SUBMITTED + the receipt email.
   * The receipt's facts (driver, préfecture) are read once the submission is won, in its transaction.
   */
  async submit(principal: Principal): Promise<ImageRequestView> {
    const request = this.openRequestOf(principal);
    return this.transitions.run(async (scope) => {
      const now = this.clock.now();
      const won = await scope.submitRequest(request.id, now);
      const context = await scope.context(request.id);
      if (!won) {
        if (!context || !['PENDING', 'REMINDED'].includes(context.request.state))
          throw this.closedError(context ?? { request });
        if (!context.request.termsAcceptedAt) {
          throw conflict(
            'Acceptez d’abord les conditions d’utilisation (étape « Engagement »).',
            'TERMS_NOT_ACCEPTED',
          );
        }
        throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'IMAGES_MISSING',
          'Il manque une image demandée : déposez une image valide pour chaque pièce avant de valider.',
        );
      }
      if (!context) throw new Error('Submitted request vanished in its own transaction');
      await this.images.setStateInTransaction(scope.manager, request.id, {
        from: 'DRAFT',
        to: 'SUBMITTED',
      });
      await scope.setApplicationState([request.applicationId], 'UNDER_REVIEW', now);
      await scope.audit([
        {
          applicationId: request.applicationId,
          requestId: request.id,
          actorType: 'DRIVER',
          actorId: principal.subjectId,
          action: 'REQUEST_SUBMITTED',
          fromState: request.state,
          toState: 'SUBMITTED',
          reason: null,
          at: now,
        },
      ]);
      await this.emails.receipt(scope.manager, this.emailTarget(context), {
        ...this.emailFacts(context),
        submittedAt: now,
      });
      return toRequestView({ ...request, state: 'SUBMITTED', submittedAt: now }, this.delays());
    });
  }

  /** The driver's request (as the guard read it) when it still accepts uploads; else a clear 404 or 409. */
  openRequestOf(principal: Principal): ImageRequestEntity {
    const request = principal.driverRequest;
    if (!request)
      throw ApiException.notFound('Aucune demande d’images n’est associée à votre compte.');
    if (request.state !== 'PENDING' && request.state !== 'REMINDED')
      throw this.closedError({ request });
    return request;
  }

  /** An upload whose write found the request closed meanwhile (cancelled, submitted…): 409, nothing kept. */
  async uploadLostError(request: ImageRequestEntity): Promise<ApiException> {
    const now = await this.queries.findRequest(request.id);
    const closed = this.closedError({ request: now ?? { ...request, state: 'CANCELLED' } });
    return conflict(`Votre fichier n’a pas été gardé. ${closed.message}`, closed.code);
  }

  closedError({ request }: { request: ImageRequestEntity }): ApiException {
    switch (request.state) {
      case 'SUBMITTED':
        return conflict(
          'Vos images ont déjà été envoyées : la préfecture les examine.',
          'REQUEST_ALREADY_SUBMITTED',
        );
      case 'CANCELLED':
        return conflict(
          'Votre demande de carte a été annulée faute d’images reçues dans le délai : le dépôt n’est plus possible.',
          'REQUEST_CANCELLED',
        );
      case 'VALIDATED':
        return conflict(
          'Votre demande est déjà validée : il n’y a plus d’image à déposer.',
          'REQUEST_CLOSED',
        );
      default:
        return conflict(
          'Cette demande d’images est close : il n’y a plus d’image à déposer.',
          'REQUEST_CLOSED',
        );
    }
  }
}
