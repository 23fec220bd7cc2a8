import { Injectable, Logger } from '@nestjs/common';
import {
  searchTextOf,
  type CardApplicationState,
  type ImageRequestState,
  type Piece,
  type StoredImageState,
} from '@t3p/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { Environment, publicUrlOf } from '../config/environment';
import {
  AgentEntity,
  AuditEntryEntity,
  CardApplicationEntity,
  DriverEntity,
  ImageRequestEntity,
  PrefectureEntity,
} from '../database/entities';
import { DEMO_AGENTS, DEMO_DRIVERS, DEMO_PREFECTURES, DemoDriver } from './demo-data';
import { DemoDataRepository } from './demo-data.repository';
import { LifecycleEmailsService } from '../notifications/lifecycle-emails.service';
import { ImagesService } from '../images/images.service';
import { demoImages } from './demo-images';

const DAY = 86_400_000;

const applicationStateFor = (state: ImageRequestState): CardApplicationState =>
  state === 'VALIDATED'
    ? 'VALIDATED'
    : state === 'CANCELLED'
      ? 'CANCELLED'
      : state === 'SUBMITTED'
        ? 'UNDER_REVIEW'
        : 'AWAITING_IMAGES';

@Injectable()
export class DemoDataService {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    private readonly repository: DemoDataRepository,
    private readonly clock: Clock,
    private readonly emails: LifecycleEmailsService,
    private readonly images: ImagesService,
    private readonly env: Environment,
  ) {}

  /**
   * Fills an empty database with the demo data set; leaves any other database alone.
   * With `requestEmails`, each driver's current request also gets its « demande d’images » email in
   * the outbox (the demo of `npm start` and the browser tests start from its link); tests that count
   * the outbox's rows seed without.
   */
  async seedIfEmpty(options: { requestEmails?: boolean } = {}): Promise<boolean> {
    if (!(await this.repository.isEmpty())) return false;
    await this.repository.inTransaction(async (manager) => {
      const now = this.clock.now().getTime();
      const prefectureIds = new Map<string, string>();
      for (const prefecture of DEMO_PREFECTURES) {
        const id = randomUUID();
        prefectureIds.set(prefecture.key, id);
        await manager.insert(PrefectureEntity, {
          id,
          departement: prefecture.departement,
          name: prefecture.name,
        });
      }
      const agentIds = new Map<string, string>();
      for (const agent of DEMO_AGENTS) {
        const id = randomUUID();
        agentIds.set(agent.prefecture, agentIds.get(agent.prefecture) ?? id);
        await manager.insert(AgentEntity, {
          id,
          prefectureId: prefectureIds.get(agent.prefecture),
          email: agent.email,
          firstName: agent.firstName,
          lastName: agent.lastName,
          active: true,
          role: agent.role,
        });
      }
      for (const driver of DEMO_DRIVERS) {
        await this.insertDriver(
          manager,
          driver,
          prefectureIds.get(driver.prefecture) as string,
          agentIds.get(driver.prefecture) ?? null,
          now,
          options.requestEmails ?? false,
        );
      }
    });
    this.logger.log(
      `Demo data created: ${DEMO_DRIVERS.length} drivers, ${DEMO_AGENTS.length} agents`,
    );
    return true;
  }

  private async insertDriver(
    manager: import('typeorm').EntityManager,
    driver: DemoDriver,
    prefectureId: string,
    agentId: string | null,
    now: number,
    requestEmails: boolean,
  ) {
    const departement =
      DEMO_PREFECTURES.find((p) => p.key === driver.prefecture)?.departement ?? '00';
    const driverIdentifier = `${departement}${driver.year}${driver.number}`;
    const driverId = randomUUID();
    await manager.insert(DriverEntity, {
      id: driverId,
      driverIdentifier,
      civility: driver.civility,
      lastName: driver.lastName,
      firstName: driver.firstName,
      email: driver.email,
      addressLine1: driver.address.line1,
      addressLine2: null,
      postalCode: driver.address.postalCode,
      city: driver.address.city,
      purgedAt: null,
    });
    const last = driver.requests[driver.requests.length - 1];
    const applicationId = randomUUID();
    await manager.insert(CardApplicationEntity, {
      id: applicationId,
      driverId,
      prefectureId,
      cardType: driver.cardType,
      cardNumber: `${driverIdentifier}01`,
      searchText: searchTextOf({
        ...driver,
        driverIdentifier,
        cardNumber: `${driverIdentifier}01`,
      }),
      // An application with no request yet is under the préfecture's review.
      state: last ? applicationStateFor(last.state) : 'UNDER_REVIEW',
      cardValidUntil: null,
    });
    let previousRequestId: string | null = null;
    for (const request of driver.requests) {
      const createdAt = new Date(now - request.daysAgo * DAY);
      const id = randomUUID();
      const reminded = request.state === 'REMINDED' || request.state === 'CANCELLED';
      const submitted = ['SUBMITTED', 'VALIDATED', 'REJECTED'].includes(request.state);
      const decided = request.state === 'VALIDATED' || request.state === 'REJECTED';
      const accessRef = randomBytes(24).toString('base64url');
      const pieces: Piece[] = [
        ...(request.photo ? (['PHOTO'] as const) : []),
        ...(request.signature ? (['SIGNATURE'] as const) : []),
      ];
      await manager.insert(ImageRequestEntity, {
        id,
        applicationId,
        prefectureId,
        cardType: driver.cardType,
        accessRef,
        photoRequested: request.photo,
        signatureRequested: request.signature,
        reasonCode: 'OTHER',
        reasonText: request.reason,
        state: request.state,
        createdByAgentId: agentId,
        previousRequestId,
        createdAt,
        remindedAt: reminded ? new Date(createdAt.getTime() + 15 * DAY) : null,
        submittedAt: submitted ? new Date(createdAt.getTime() + 2 * DAY) : null,
        decidedAt: decided ? new Date(createdAt.getTime() + 3 * DAY) : null,
        cancelledAt:
          request.state === 'CANCELLED' ? new Date(createdAt.getTime() + 45 * DAY) : null,
        termsAcceptedAt: submitted ? new Date(createdAt.getTime() + 2 * DAY) : null,
        termsVersion: submitted ? '2026-11' : null,
        // The demo's one refusal is of a photo too dark (the next request's reason): « visage mal éclairé ».
        photoRejectionCode: request.state === 'REJECTED' && request.photo ? 'PHOTO_LIGHTING' : null,
        signatureRejectionCode: request.state === 'REJECTED' && request.signature ? 'OTHER' : null,
      });
      await manager.insert(AuditEntryEntity, {
        id: randomUUID(),
        applicationId,
        requestId: id,
        actorType: agentId ? 'AGENT' : 'SYSTEM',
        actorId: agentId,
        action: 'REQUEST_CREATED',
        fromState: null,
        toState: 'PENDING',
        reason: request.reason,
        at: createdAt,
      });
      if (submitted) {
        // The images the driver sent (drawn, valid): the agent's review shows them.
        const drawn = await demoImages();
        for (const piece of pieces) {
          await this.images.storeInTransaction(manager, {
            requestId: id,
            piece,
            bytes: piece === 'PHOTO' ? drawn.photo : drawn.signature,
            state: request.state as StoredImageState,
            uploadedAt: new Date(createdAt.getTime() + 2 * DAY),
            decidedAt: decided ? new Date(createdAt.getTime() + 3 * DAY) : null,
            rejectionReason:
              request.state === 'REJECTED'
                ? (driver.requests[driver.requests.indexOf(request) + 1]?.reason ?? request.reason)
                : undefined,
          });
        }
      }
      previousRequestId = id;
      if (requestEmails && request === last) {
        // The request email of each driver's current request, as the agent's creation would have
        // queued it: the demo (and the browser tests) start from the link it carries.
        await this.emails.imageRequest(
          manager,
          { to: driver.email, requestId: id, applicationId },
          {
            civility: driver.civility,
            lastName: driver.lastName,
            firstName: driver.firstName,
            cardType: driver.cardType,
            prefectureName: DEMO_PREFECTURES.find((p) => p.key === driver.prefecture)?.name ?? '',
            pieces,
            reason: request.reason,
            requestedAt: createdAt,
            portalLink: `${publicUrlOf(this.env)}/connexion/${encodeURIComponent(accessRef)}`,
            deadline: new Date(
              createdAt.getTime() +
                (this.env.REMINDER_DELAY_DAYS + this.env.CANCELLATION_DELAY_DAYS) * DAY,
            ),
          },
        );
      }
    }
  }
}
