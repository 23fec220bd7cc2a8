import { Injectable } from '@nestjs/common';
import {
  REQUEST_REASONS,
  type ApplicationPage,
  type ApplicationSearchQuery,
  type CreateImageRequestBody,
  type DashboardOverview,
  type DashboardQuery,
  type EmailDeliveryView,
  type EmailPreview,
  type RequestPage,
} from '@t3p/contracts';
import { Clock } from '../../common/clock';
import { ApiException } from '../../common/errors/api-exception';
import { Environment, publicUrlOf } from '../../config/environment';
import { OutboxService } from '../../notifications/outbox.service';
import { LifecycleEmailsService } from '../../notifications/lifecycle-emails.service';
import { AgentBackofficeRepository } from './agent-backoffice.repository';
import { AgentRequestsService } from './agent-requests.service';
import { RequestCountsService } from './request-counts.service';
import { CSV_BOM, CSV_HEADER, csvLine, csvRow } from './requests-csv';
import { decodeCursor, encodeCursor, type Delays } from '../request.mapper';

const DEFAULT_PAGE = 20;
const EXPORT_PAGE = 500;
const DAY = 86_400_000;

const cursorOf = (cursor: string | undefined) => {
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after)
    throw ApiException.badRequest('Le curseur de pagination n’est pas valide.', 'BAD_CURSOR');
  return after;
};

/** The back-office's dashboard: counts, sorted keyset pages, applications, email preview and delivery. */
@Injectable()
export class AgentBackofficeService {
  constructor(
    private readonly repository: AgentBackofficeRepository,
    private readonly agentRequests: AgentRequestsService,
    private readonly counts: RequestCountsService,
    private readonly outbox: OutboxService,
    private readonly lifecycleEmails: LifecycleEmailsService,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  private delays(): Delays {
    return {
      reminderDays: this.env.REMINDER_DELAY_DAYS,
      cancellationDays: this.env.CANCELLATION_DELAY_DAYS,
    };
  }

  async overview(prefectureId: string): Promise<DashboardOverview> {
    const [prefecture, counts] = await Promise.all([
      this.repository.prefecture(prefectureId),
      this.counts.countsOf(prefectureId),
    ]);
    if (!prefecture) throw ApiException.notFound('Cette préfecture est introuvable.');
    return {
      prefecture: { name: prefecture.name, departement: prefecture.departement },
      counts: counts.byState,
      countsByCardType: counts.byCardType,
      total: counts.total,
    };
  }

  list(prefectureId: string, query: DashboardQuery): Promise<RequestPage> {
    return this.agentRequests.list(prefectureId, query, query.sort === 'oldest' ? 'ASC' : 'DESC');
  }

  /**
   * The filtered list as CSV, streamed: keyset pages of 500 read one after the other (the same
   * query, filters and préfecture scoping as the list), each written before the next is read.
   */
  async *exportCsv(prefectureId: string, query: DashboardQuery): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(CSV_HEADER);
    let cursor: string | undefined;
    do {
      const page = await this.list(prefectureId, { ...query, cursor, limit: EXPORT_PAGE });
      yield page.items.map(csvRow).join('');
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async applications(
    prefectureId: string,
    query: ApplicationSearchQuery,
  ): Promise<ApplicationPage> {
    const after = cursorOf(query.cursor);
    const rows = await this.repository.applications(
      prefectureId,
      query.q?.trim() || undefined,
      after,
      DEFAULT_PAGE + 1,
    );
    const page = rows.slice(0, DEFAULT_PAGE);
    const last = page[page.length - 1];
    return {
      items: page.map(({ application, openState }) => ({
        id: application.id,
        cardType: application.cardType,
        cardNumber: application.cardNumber,
        state: application.state,
        createdAt: application.createdAt.toISOString(),
        driver: {
          driverIdentifier: application.driver?.driverIdentifier ?? '',
          civility: application.driver?.civility ?? '',
          lastName: application.driver?.lastName ?? '',
          firstName: application.driver?.firstName ?? '',
        },
        openRequestState: openState,
      })),
      nextCursor:
        rows.length > DEFAULT_PAGE && last
          ? encodeCursor({ createdAt: last.application.createdAt, id: last.application.id })
          : null,
    };
  }

  /** The « demande d’images » email as the driver would receive it if the request were created now. */
  async preview(
    prefectureId: string,
    applicationId: string,
    body: CreateImageRequestBody,
  ): Promise<EmailPreview> {
    const application = await this.repository.applicationOfPrefecture(prefectureId, applicationId);
    if (!application?.driver || !application.prefecture)
      throw ApiException.notFound('Cette demande de carte est introuvable.');
    const reason =
      body.reasonCode === 'OTHER'
        ? (body.reasonText ?? '').trim()
        : [REQUEST_REASONS[body.reasonCode], body.reasonText?.trim()].filter(Boolean).join(' ');
    const now = this.clock.now();
    const { reminderDays, cancellationDays } = this.delays();
    const rendered = this.lifecycleEmails.imageRequestPreview({
      civility: application.driver.civility,
      lastName: application.driver.lastName,
      firstName: application.driver.firstName,
      cardType: application.cardType,
      prefectureName: application.prefecture.name,
      pieces: body.pieces,
      reason,
      requestedAt: now,
      // The personal reference is only drawn when the request is created.
      portalLink: `${publicUrlOf(this.env)}/connexion/…`,
      deadline: new Date(now.getTime() + (reminderDays + cancellationDays) * DAY),
    });
    return { to: application.driver.email, ...rendered };
  }

  async emails(prefectureId: string, applicationId: string): Promise<EmailDeliveryView[]> {
    if (!(await this.repository.applicationOfPrefecture(prefectureId, applicationId))) {
      throw ApiException.notFound('Cette demande de carte est introuvable.');
    }
    return (await this.outbox.emailsOfApplication(applicationId)).map((email) => ({
      id: email.id,
      kind: email.kind,
      requestId: email.requestId,
      subject: email.subject,
      state: email.state,
      attempts: email.attempts,
      createdAt: email.createdAt.toISOString(),
      sentAt: email.sentAt ? email.sentAt.toISOString() : null,
    }));
  }
}
