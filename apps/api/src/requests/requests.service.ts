import { Injectable } from '@nestjs/common';
import type { ApplicationDetail, CardApplicationState, CardType } from '@t3p/contracts';
import { ApiException } from '../common/errors/api-exception';
import { Environment } from '../config/environment';
import { toApplicationDetail } from './application.mapper';
import { RequestsRepository } from './requests.repository';

/** What the Auth module needs to send a driver their sign-in link. */
export interface DriverSignInTarget {
  driverId: string;
  email: string;
  cardType: CardType;
  applicationId: string;
  /** VALIDATED or CANCELLED: the application is closed, no image will be asked any more. */
  applicationState: CardApplicationState;
}

/** Drivers, card applications, image requests and their state machine, the audit trail. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly env: Environment,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.requests.countApplications()) === 0;
  }

  /** The driver behind the reference of a request email; null when unknown or purged. */
  async findDriverByRequestReference(reference: string): Promise<DriverSignInTarget | null> {
    const request = await this.requests.findRequestByAccessRef(reference);
    if (!request) return null;
    const rows = await this.requests.findApplicationOfPrefecture(
      request.prefectureId,
      request.applicationId,
    );
    if (!rows || rows.driver.purgedAt) return null;
    return {
      driverId: rows.driver.id,
      email: rows.driver.email,
      cardType: rows.application.cardType,
      applicationId: rows.application.id,
      applicationState: rows.application.state,
    };
  }

  /** The signed-in driver's own application (détail step). */
  async getDriverApplication(driverId: string): Promise<ApplicationDetail> {
    const rows = await this.requests.findApplicationOfDriver(driverId);
    if (!rows)
      throw ApiException.notFound('Aucune demande de carte n’est associée à votre compte.');
    return toApplicationDetail(rows, this.delays());
  }

  /** One application of the agent's préfecture; any other gives the same 404 as a missing one. */
  async getPrefectureApplication(
    prefectureId: string,
    applicationId: string,
  ): Promise<ApplicationDetail> {
    const rows = await this.requests.findApplicationOfPrefecture(prefectureId, applicationId);
    if (!rows) throw ApiException.notFound('Cette demande de carte est introuvable.');
    return toApplicationDetail(rows, this.delays());
  }

  private delays() {
    return {
      reminderDays: this.env.REMINDER_DELAY_DAYS,
      cancellationDays: this.env.CANCELLATION_DELAY_DAYS,
    };
  }
}
