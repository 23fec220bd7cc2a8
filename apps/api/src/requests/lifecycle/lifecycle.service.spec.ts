import 'reflect-metadata';
import type { ApiErrorCode } from '@t3p/contracts';
import { ManualClock } from '../../common/clock';
import { ApiException } from '../../common/errors/api-exception';
import { loadEnvironment } from '../../config/environment';
import type { Principal } from '../../auth/access.decorators';
import type { ImageRequestEntity } from '../../database/entities';
import type { ImagesService, MultipartUpload } from '../../images/images.service';
import type { LifecycleEmailsService } from '../../notifications/lifecycle-emails.service';
import { DriverRequestService } from '../driver/driver-request.service';
import { LifecycleService } from './lifecycle.service';
import type { RequestQueriesRepository } from '../request-queries.repository';
import type {
  RequestContext,
  RequestTransitionsRepository,
  TransitionScope,
} from './request-transitions.repository';

/** Unit tests with fakes of the repositories: the rules that need no database. */
const context = (patch: Partial<ImageRequestEntity> = {}): RequestContext =>
  ({
    request: {
      id: 'r1',
      applicationId: 'a1',
      prefectureId: 'p1',
      cardType: 'VTC',
      accessRef: 'ref',
      photoRequested: true,
      signatureRequested: false,
      reasonText: 'floue',
      state: 'PENDING',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      remindedAt: null,
      termsAcceptedAt: null,
      ...patch,
    },
    application: {
      id: 'a1',
      state: 'AWAITING_IMAGES',
      driver: { civility: 'M', lastName: 'Dupont', firstName: 'Olivier', email: 'o@example.org' },
      prefecture: { name: 'Préfecture du Nord' },
    },
  }) as unknown as RequestContext;

function build(found: RequestContext | null, scopeWins = true) {
  const scope = {
    decideRequest: jest.fn(async () => scopeWins),
    context: jest.fn(async () => ({
      ...found,
      request: { ...found?.request, state: 'VALIDATED' },
    })),
    setApplicationState: jest.fn(async () => undefined),
    audit: jest.fn(async () => undefined),
    manager: {},
  } as unknown as TransitionScope;
  const transitions = {
    run: jest.fn(async (work: (s: TransitionScope) => unknown) => work(scope)),
  } as unknown as RequestTransitionsRepository;
  const queries = {
    findOfPrefecture: jest.fn(async () => found),
  } as unknown as RequestQueriesRepository;
  const emails = {
    paymentRequest: jest.fn(async () => undefined),
  } as unknown as LifecycleEmailsService;
  const env = loadEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const images = {
    receiveDraft: jest.fn(),
    setStateInTransaction: jest.fn(async () => 1),
    deleteDraftsInTransaction: jest.fn(async () => 0),
  } as unknown as ImagesService;
  const lifecycle = new LifecycleService(
    transitions,
    queries,
    emails,
    images,
    new ManualClock(),
    env,
  );
  return { lifecycle, driver: new DriverRequestService(lifecycle, images), scope, emails, images };
}

const codeOf = async (promise: Promise<unknown>): Promise<[number, ApiErrorCode | string]> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) return [error.getStatus(), error.code];
    throw error;
  }
  throw new Error('expected an ApiException');
};
const agent = { agentId: 'g1', prefectureId: 'p1' };
/** A signed-in driver whose guard read this request. */
const driverWith = (found: RequestContext): Principal => ({
  sessionId: 's1',
  role: 'DRIVER',
  subjectId: 'd1',
  csrfToken: 'c',
  identity: { firstName: 'Olivier', lastName: 'Dupont' },
  driverRequest: found.request,
});

describe('LifecycleService (fakes)', () => {
  it('answers 404 for a request of another préfecture', async () => {
    const { lifecycle } = build(null);
    expect(
      await codeOf(
        lifecycle.review(agent, 'r1', { decisions: [{ piece: 'PHOTO', outcome: 'VALIDATED' }] }),
      ),
    ).toEqual([404, 'NOT_FOUND']);
  });

  it('wants exactly one decision per requested image', async () => {
    const { lifecycle, scope } = build(context({ state: 'SUBMITTED' }));
    const decisions = [
      { piece: 'PHOTO' as const, outcome: 'VALIDATED' as const },
      { piece: 'SIGNATURE' as const, outcome: 'VALIDATED' as const },
    ];
    expect(await codeOf(lifecycle.review(agent, 'r1', { decisions }))).toEqual([
      422,
      'DECISIONS_INCOMPLETE',
    ]);
    expect(scope.decideRequest).not.toHaveBeenCalled();
  });

  it('turns a lost race into a 409 and writes nothing else', async () => {
    const { lifecycle, scope, emails } = build(context({ state: 'SUBMITTED' }), false);
    expect(
      await codeOf(
        lifecycle.review(agent, 'r1', { decisions: [{ piece: 'PHOTO', outcome: 'VALIDATED' }] }),
      ),
    ).toEqual([409, 'STATE_CONFLICT']);
    expect(scope.audit).not.toHaveBeenCalled();
    expect(emails.paymentRequest).not.toHaveBeenCalled();
  });

  it('validates: request and application VALIDATED, audit, payment email', async () => {
    const { lifecycle, scope, emails } = build(context({ state: 'SUBMITTED' }));
    const result = await lifecycle.review(agent, 'r1', {
      decisions: [{ piece: 'PHOTO', outcome: 'VALIDATED' }],
    });
    expect(result.request.state).toBe('VALIDATED');
    expect(scope.decideRequest).toHaveBeenCalledWith('r1', 'VALIDATED', expect.any(Date), {
      photo: null,
      signature: null,
    });
    expect(scope.setApplicationState).toHaveBeenCalledWith(['a1'], 'VALIDATED', expect.any(Date));
    expect(scope.audit).toHaveBeenCalledWith([
      expect.objectContaining({
        action: 'REQUEST_VALIDATED',
        actorId: 'g1',
        fromState: 'SUBMITTED',
      }),
    ]);
    expect(emails.paymentRequest).toHaveBeenCalledTimes(1);
  });

  it('refuses outdated terms', async () => {
    const { lifecycle } = build(context());
    expect(await codeOf(lifecycle.acceptTerms(driverWith(context()), '2000-01'))).toEqual([
      409,
      'TERMS_OUTDATED',
    ]);
  });
});

describe('DriverRequestService.upload (fakes)', () => {
  /** A multipart body nobody may read: the checks come first. */
  const unreadUpload: MultipartUpload = {
    isMultipart: () => {
      throw new Error('the body was read');
    },
    parts: () => {
      throw new Error('the body was read');
    },
  };

  it('refuses a closed request, a piece not requested, and terms not accepted, before reading or measuring anything', async () => {
    const cancelled = build(null);
    expect(
      await codeOf(
        cancelled.driver.upload(driverWith(context({ state: 'CANCELLED' })), 'PHOTO', unreadUpload),
      ),
    ).toEqual([409, 'REQUEST_CANCELLED']);
    const photoOnly = build(null);
    expect(
      await codeOf(
        photoOnly.driver.upload(
          driverWith(context({ termsAcceptedAt: new Date() })),
          'SIGNATURE',
          unreadUpload,
        ),
      ),
    ).toEqual([409, 'PIECE_NOT_REQUESTED']);
    const noTerms = build(null);
    expect(
      await codeOf(noTerms.driver.upload(driverWith(context()), 'PHOTO', unreadUpload)),
    ).toEqual([409, 'TERMS_NOT_ACCEPTED']);
    for (const { images } of [cancelled, photoOnly, noTerms])
      expect(images.receiveDraft).not.toHaveBeenCalled();
  });
});
