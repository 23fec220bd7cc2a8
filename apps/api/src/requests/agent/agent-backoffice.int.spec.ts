import { deliverDue, seedDemo, Session, signInAgent } from '../../auth/auth-test-kit';
import { startTestApp, TestApp } from '../../testing/test-app';
import { as, insertApplication, insertPendingRequests } from '../lifecycle-test-kit';

/** The dashboard's reads through the real API: counts, sorted keyset pages, applications, preview, emails. */
describe('back-office dashboard endpoints', () => {
  let test: TestApp;
  let nord: Session;
  let pdc: Session;
  let nordApplication: Awaited<ReturnType<typeof insertApplication>>;

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    test.clock.set(new Date('2026-03-02T09:00:00Z'));
    await seedDemo(test);
    nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    pdc = await signInAgent(test, 'agent.pas-de-calais@demo.t3p.example');
    nordApplication = await insertApplication(test, {
      departement: '59',
      cardType: 'VMDTR',
      lastName: 'Aperçu',
    });
  });
  afterAll(() => test.close());

  it('counts the préfecture’s requests per state, and only its own', async () => {
    const response = await as(test, nord)('/api/agent/dashboard/overview');
    expect(response.status).toBe(200);
    const overview = await response.json();
    expect(overview.prefecture).toEqual({ name: 'Préfecture du Nord', departement: '59' });
    expect(overview.counts).toEqual({
      PENDING: 2,
      REMINDED: 1,
      SUBMITTED: 1,
      VALIDATED: 1,
      REJECTED: 1,
      CANCELLED: 1,
    });
    expect(overview.total).toBe(7);
    expect((await (await as(test, pdc)('/api/agent/dashboard/overview')).json()).total).toBe(3);
  });

  it('pages the list newest or oldest first with a keyset cursor, and filters', async () => {
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor = '';
      for (let page = 0; page < 10; page += 1) {
        const body = await (
          await as(test, nord)(`/api/agent/dashboard/requests?limit=3&sort=${sort}${cursor}`)
        ).json();
        seen.push(...body.items.map((item: { createdAt: string }) => item.createdAt));
        if (!body.nextCursor) break;
        cursor = `&cursor=${body.nextCursor}`;
      }
      return seen;
    };
    const newest = await walk('newest');
    const oldest = await walk('oldest');
    expect(newest).toHaveLength(7);
    expect(oldest).toEqual([...newest].reverse());
    expect(newest).toEqual([...newest].sort().reverse());

    const filtered = await (
      await as(test, nord)('/api/agent/dashboard/requests?state=SUBMITTED&cardType=VMDTR&q=lamb')
    ).json();
    expect(
      filtered.items.map((item: { driver: { lastName: string } }) => item.driver.lastName),
    ).toEqual(['Lambert']);
    expect((await as(test, nord)('/api/agent/dashboard/requests?sort=sideways')).status).toBe(400);
    expect((await as(test, nord)('/api/agent/dashboard/requests?cursor=abc')).status).toBe(400);
    // One route per list: the lifecycle's former copy of it is gone.
    expect((await as(test, nord)('/api/agent/requests')).status).toBe(404);
  });

  it('lists the préfecture’s applications with their open request, searchable', async () => {
    const body = await (await as(test, nord)('/api/agent/dashboard/applications?q=aper')).json();
    expect(body.items).toEqual([
      expect.objectContaining({
        id: nordApplication.applicationId,
        cardType: 'VMDTR',
        openRequestState: null,
      }),
    ]);
    const all = await (await as(test, nord)('/api/agent/dashboard/applications')).json();
    expect(
      all.items.find((item: { driver: { lastName: string } }) => item.driver.lastName === 'Lambert')
        .openRequestState,
    ).toBe('SUBMITTED');
    expect(
      all.items.every((item: { driver: { driverIdentifier: string } }) =>
        item.driver.driverIdentifier.startsWith('59'),
      ),
    ).toBe(true);
  });

  it('previews the request email without creating anything, for its own préfecture only', async () => {
    const url = `/api/agent/applications/${nordApplication.applicationId}/email-preview`;
    const body = {
      pieces: ['SIGNATURE'],
      reasonCode: 'SIGNATURE_ILLEGIBLE',
      reasonText: 'Signez plus grand.',
    };
    const response = await as(test, nord)(url, { json: body });
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview.to).toBe(nordApplication.email);
    expect(preview.subject).toMatch(/VMDTR/);
    expect(preview.text).toContain('La signature est illisible ou trop pâle. Signez plus grand.');
    expect(preview.html).toContain('Préfecture du Nord');
    expect((await as(test, pdc)(url, { json: body })).status).toBe(404);
    expect((await as(test, nord)(url, { json: { pieces: [], reasonCode: 'OTHER' } })).status).toBe(
      400,
    );
    const apps = await (await as(test, nord)('/api/agent/dashboard/applications?q=aper')).json();
    expect(apps.items[0].openRequestState).toBeNull();
  });

  it('gives the delivery state of each email of an application', async () => {
    const created = await as(test, nord)(
      `/api/agent/applications/${nordApplication.applicationId}/requests`,
      {
        json: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
      },
    );
    expect(created.status).toBe(201);
    const url = `/api/agent/applications/${nordApplication.applicationId}/emails`;
    const before = await (await as(test, nord)(url)).json();
    expect(before).toEqual([
      expect.objectContaining({ kind: 'IMAGE_REQUEST', state: 'PENDING', sentAt: null }),
    ]);
    expect(before[0].html).toBeUndefined();
    await deliverDue(test);
    const after = await (await as(test, nord)(url)).json();
    expect(after[0]).toMatchObject({ kind: 'IMAGE_REQUEST', state: 'SENT', attempts: 1 });
    expect((await as(test, pdc)(url)).status).toBe(404);
  });
});

/** The CSV export of the filtered list: BOM, French headers, same filters and scoping as the list, streamed in pages. */
describe('back-office CSV export', () => {
  let test: TestApp;
  let nord: Session;
  let pdc: Session;

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    test.clock.set(new Date('2026-03-02T09:00:00Z'));
    await seedDemo(test);
    nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    pdc = await signInAgent(test, 'agent.pas-de-calais@demo.t3p.example');
  });
  afterAll(() => test.close());

  const csv = async (session: Session, query = '') => {
    const response = await as(test, session)(`/api/agent/dashboard/requests.csv${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="demandes-images.csv"',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  };

  it('writes the préfecture’s requests under French headers, and only its own', async () => {
    const lines = await csv(nord);
    expect(lines[0]).toBe(
      'Référence de la demande;Nom;Prénom;Identifiant chauffeur;Numéro de carte;Type de carte;État;Pièces demandées;Motif;Créée le;Relancée le;Envoyée le;Décidée le;Annulée le',
    );
    expect(lines).toHaveLength(1 + 7);
    expect(lines.slice(1).every((line) => line.split(';')[3].startsWith('59'))).toBe(true);
    expect(
      lines.some((line) => line.includes(';Lambert;Hugo;') && line.includes(';VMDTR;À examiner;')),
    ).toBe(true);
    expect(await csv(pdc)).toHaveLength(1 + 3);
  });

  it('applies the list’s filters and search', async () => {
    const lines = await csv(nord, '?state=SUBMITTED&q=lamb');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(';Lambert;Hugo;');
    expect((await as(test, nord)('/api/agent/dashboard/requests.csv?state=NOPE')).status).toBe(400);
    expect((await fetch(`${test.url}/api/agent/dashboard/requests.csv`)).status).toBe(401);
  });

  it('reads page after page: more rows than one page of the export', async () => {
    await insertPendingRequests(test, '59', 1_100, new Date('2026-02-01T09:00:00Z'));
    const lines = await csv(nord, '?state=PENDING');
    // The demo's 2 PENDING requests of the Nord and the 1,100 inserted; every reference once.
    expect(lines).toHaveLength(1 + 2 + 1_100);
    expect(new Set(lines.slice(1).map((line) => line.split(';')[0])).size).toBe(1_102);
  });
});
