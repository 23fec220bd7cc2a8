import { Injectable } from '@nestjs/common';
import type {
  AuditEntryView,
  Piece,
  RequestListQuery,
  RequestPage,
  ReviewableRequest,
} from '@t3p/contracts';
import { ApiException } from '../../common/errors/api-exception';
import { ImagesService, toImageSummary } from '../../images/images.service';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { RequestQueriesRepository } from '../request-queries.repository';
import { decodeCursor, encodeCursor, toAuditView, toListItem } from '../request.mapper';

const DEFAULT_PAGE = 20;

/** What an agent reads: their préfecture's requests (keyset pages), one request, the audit trail. */
@Injectable()
export class AgentRequestsService {
  constructor(
    private readonly queries: RequestQueriesRepository,
    private readonly lifecycle: LifecycleService,
    private readonly images: ImagesService,
  ) {}

  /** One page of the préfecture's requests, newest first unless asked otherwise (the dashboard's sort). */
  async list(
    prefectureId: string,
    query: RequestListQuery,
    direction: 'ASC' | 'DESC' = 'DESC',
  ): Promise<RequestPage> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    if (query.cursor && !after)
      throw ApiException.badRequest('Le curseur de pagination n’est pas valide.', 'BAD_CURSOR');
    const limit = query.limit ?? DEFAULT_PAGE;
    const rows = await this.queries.list(
      prefectureId,
      {
        state: query.state,
        cardType: query.cardType,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        q: query.q?.trim() || undefined,
        hasWarnings: query.hasWarnings,
      },
      after,
      limit + 1,
      direction,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toListItem(row, this.lifecycle.delays())),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ createdAt: last.request.createdAt, id: last.request.id })
          : null,
    };
  }

  async get(prefectureId: string, requestId: string): Promise<ReviewableRequest> {
    const context = await this.queries.findOfPrefecture(prefectureId, requestId);
    if (!context) throw ApiException.notFound('Cette demande d’images est introuvable.');
    const images = await this.images.imagesOf(requestId);
    return {
      ...toListItem(context, this.lifecycle.delays()),
      // Drafts are the driver's work in progress: an agent sees images once submitted.
      images: images
        .filter((image) => image.state !== 'DRAFT')
        .map((image) => ({
          ...toImageSummary(image),
          rejectionReason: image.rejectionReason,
          decidedAt: image.decidedAt ? image.decidedAt.toISOString() : null,
        })),
    };
  }

  async image(
    prefectureId: string,
    requestId: string,
    piece: Piece,
  ): Promise<{ contentType: string; bytes: Buffer }> {
    const context = await this.queries.findOfPrefecture(prefectureId, requestId);
    const images = context ? await this.images.imagesOf(requestId) : [];
    const image = images.find(
      (candidate) => candidate.piece === piece && candidate.state !== 'DRAFT',
    );
    const shown = image ? await this.images.displayImage(requestId, piece) : null;
    if (!shown) throw ApiException.notFound('Cette image est introuvable.');
    return shown;
  }

  /** What the préfecture's agents did on its requests lately (for the team's « Qui a fait quoi »). */
  agentActions(prefectureId: string, limit: number) {
    return this.queries.agentActions(prefectureId, limit);
  }

  async audit(prefectureId: string, applicationId: string): Promise<AuditEntryView[]> {
    if (!(await this.queries.applicationOfPrefectureExists(prefectureId, applicationId))) {
      throw ApiException.notFound('Cette demande de carte est introuvable.');
    }
    return (await this.queries.auditTrail(applicationId)).map(({ entry, agent }) =>
      toAuditView(entry, agent),
    );
  }
}
