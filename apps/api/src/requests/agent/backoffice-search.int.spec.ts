import { seedDemo, Session, signInAgent } from '../../auth/auth-test-kit';
import { startTestApp, TestApp } from '../../testing/test-app';
import { as, insertApplication } from '../lifecycle-test-kit';

interface Item {
  id: string;
  driver: { lastName: string; firstName: string; driverIdentifier: string };
}

/**
 * The back-office search through the real API, on the engine of the run (SQLite, or PostgreSQL
 * with its pg_trgm index): accents and case ignored, partial words, identifiers, exact first.
 */
describe('back-office search', () => {
  let test: TestApp;
  let nord: Session;
  let pdc: Session;
  const created: Record<
    string,
    Awaited<ReturnType<typeof insertApplication>> & { requestId: string }
  > = {};

  const ask = async (session: Session, applicationId: string) => {
    const response = await as(test, session)(`/api/agent/applications/${applicationId}/requests`, {
      json: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BLURRY' },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const search = async (q: string, session = nord) => {
    const response = await as(
      test,
      session,
    )(`/api/agent/dashboard/requests?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Item[] }).items;
  };
  const names = (items: Item[]) => items.map((item) => item.driver.lastName).sort();

  beforeAll(async () => {
    test = await startTestApp({ SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    test.clock.set(new Date('2026-03-02T09:00:00Z'));
    await seedDemo(test);
    nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    pdc = await signInAgent(test, 'agent.pas-de-calais@demo.t3p.example');
    for (const [key, lastName, email] of [
      ['accent', 'Lefèvre-Hébert', 'l.hebert@test.t3p.example'],
      ['plain', 'Lefevre', 'jean.lefevre@test.t3p.example'],
      ['oe', 'Cœurdevey', 'c.coeur@test.t3p.example'],
    ] as const) {
      const application = await insertApplication(test, { departement: '59', lastName, email });
      created[key] = { ...application, requestId: await ask(nord, application.applicationId) };
    }
  });
  afterAll(() => test.close());

  it('ignores accents and case, and matches part of a name', async () => {
    expect(names(await search('LEFEVRE'))).toEqual(['Lefevre', 'Lefèvre-Hébert']);
    expect(names(await search('lefèvre'))).toEqual(['Lefevre', 'Lefèvre-Hébert']);
    expect(names(await search('hebe'))).toEqual(['Lefèvre-Hébert']);
    expect(names(await search('ÉBERT'))).toEqual(['Lefèvre-Hébert']);
    expect(names(await search('coeurdev'))).toEqual(['Cœurdevey']);
    // Several words: each must match, in any order (first name Léa from the test kit).
    expect(names(await search('lea hebert'))).toEqual(['Lefèvre-Hébert']);
    expect(names(await search('lamb'))).toEqual(['Lambert']);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('finds a driver identifier, a card number, an email or a request id, the exact one first', async () => {
    const target = created['plain'];
    const byIdentifier = await search(target.driverIdentifier);
    expect(byIdentifier[0].id).toBe(target.requestId);
    expect((await search(`${target.driverIdentifier}01`)).map((item) => item.id)).toEqual([
      target.requestId,
    ]);
    expect((await search(target.email.toUpperCase())).map((item) => item.id)).toEqual([
      target.requestId,
    ]);
    expect((await search(target.requestId)).map((item) => item.id)).toEqual([target.requestId]);
    // A part of an identifier: every Nord identifier starts with 59; the exact one is not among them.
    const partial = await search('59');
    expect(partial.length).toBeGreaterThan(3);
    expect(partial.every((item) => item.driver.driverIdentifier.includes('59'))).toBe(true);
    // The start of a card number or of an email (B-tree prefixes), case ignored.
    expect((await search(`${target.driverIdentifier}0`)).map((item) => item.id)).toEqual([
      target.requestId,
    ]);
    expect(
      (await search(target.email.slice(0, target.email.indexOf('@') + 1).toUpperCase())).map(
        (item) => item.id,
      ),
    ).toEqual([target.requestId]);
  });

  it('ranks the exact identifier first even when a newer row only contains it', async () => {
    const older = created['accent'];
    // A newer request whose email holds the older driver's identifier: a partial match, newer, yet second.
    test.clock.advanceMinutes(1);
    const newer = await insertApplication(test, {
      departement: '59',
      lastName: 'Autre',
      email: `${older.driverIdentifier}@test.t3p.example`,
    });
    const newerRequest = await ask(nord, newer.applicationId);
    expect((await search(older.driverIdentifier)).map((item) => item.id)).toEqual([
      older.requestId,
      newerRequest,
    ]);
    // Sorted oldest first, the exact one still comes first; the next page goes on after the partial ones.
    const oldest = await as(
      test,
      nord,
    )(`/api/agent/dashboard/requests?sort=oldest&limit=3&q=${older.driverIdentifier}`);
    expect(((await oldest.json()) as { items: Item[] }).items.map((item) => item.id)).toEqual([
      older.requestId,
      newerRequest,
    ]);
  });

  it('keeps to the agent’s préfecture', async () => {
    expect(await search('lefevre', pdc)).toEqual([
      expect.objectContaining({ driver: expect.objectContaining({ lastName: 'Lefèvre' }) }),
    ]);
    expect(await search(created['plain'].requestId, pdc)).toEqual([]);
    expect(await search(created['plain'].driverIdentifier, pdc)).toEqual([]);
  });

  it('searches the applications the same way', async () => {
    const response = await as(
      test,
      nord,
    )(`/api/agent/dashboard/applications?q=${encodeURIComponent('LEFÈVRE')}`);
    const body = (await response.json()) as { items: { driver: { lastName: string } }[] };
    expect(body.items.map((item) => item.driver.lastName).sort()).toEqual([
      'Lefevre',
      'Lefèvre-Hébert',
    ]);
  });
});
