import { DataSource } from 'typeorm';
import {
  deliverDue,
  DemoDriverRow,
  seedDemo,
  signInAgent,
  signInDriver,
} from '../../auth/auth-test-kit';
import { ImageRequestEntity } from '../../database/entities';
import { LifecycleScheduler } from '../../scheduler/lifecycle-scheduler.service';
import { startTestApp, TestApp } from '../../testing/test-app';
import {
  as,
  fileForm,
  insertApplication,
  insertPendingRequests,
  mailsTo,
  restartableSmtp,
  validPhoto,
} from '../lifecycle-test-kit';

const T0 = new Date('2026-01-05T08:00:00Z');

describe('timed transitions: reminder, cancellation, purge (ManualClock, real SMTP)', () => {
  let smtp: Awaited<ReturnType<typeof restartableSmtp>>;
  let test: TestApp;
  let scheduler: LifecycleScheduler;

  beforeAll(async () => {
    smtp = await restartableSmtp();
    test = await startTestApp({ SMTP_URL: smtp.url, SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR: '1000' });
    test.clock.set(new Date(T0.getTime() - 86_400_000 * 400));
    await seedDemo(test);
    scheduler = test.app.get(LifecycleScheduler);
    // The demo's own open requests are long due: remind and cancel them first so the counts below are ours.
    test.clock.set(new Date(T0.getTime() - 86_400_000 * 80));
    await scheduler.tick();
    test.clock.set(new Date(T0.getTime() - 86_400_000 * 40));
    await scheduler.tick();
    test.clock.set(T0);
    await deliverDue(test);
    smtp.messages.length = 0;
  });
  afterAll(async () => {
    await test.close();
    await smtp.stop();
  });

  it('reminds on day 15, cancels on day 45, and a submission on day 44 prevents the cancellation', async () => {
    const nord = await signInAgent(test, 'agent.nord@demo.t3p.example');
    const idle = await insertApplication(test, {
      departement: '59',
      cardType: 'VMDTR',
      lastName: 'Oubli',
    });
    const late = await insertApplication(test, {
      departement: '59',
      cardType: 'VTC',
      lastName: 'Tardif',
    });
    const ids: string[] = [];
    for (const application of [idle, late]) {
      const response = await as(test, nord)(
        `/api/agent/applications/${application.applicationId}/requests`,
        {
          json: { pieces: ['PHOTO'], reasonCode: 'PHOTO_BACKGROUND' },
        },
      );
      expect(response.status).toBe(201);
      ids.push((await response.json()).id);
    }
    await deliverDue(test);

    test.clock.advanceDays(14);
    expect(await scheduler.tick()).toEqual({ reminded: 0, cancelled: 0, purged: 0 });
    test.clock.advanceDays(1);
    expect(await scheduler.tick()).toEqual({ reminded: 2, cancelled: 0, purged: 0 });
    expect(await scheduler.tick()).toEqual({ reminded: 0, cancelled: 0, purged: 0 });
    await deliverDue(test);
    const [reminder] = mailsTo(smtp.messages, idle.email).filter(
      (m) => m.subject === 'Rappel : images toujours attendues pour votre carte VMDTR',
    );
    expect(reminder).toBeDefined();
    for (const part of [reminder.text ?? '', reminder.html || '']) {
      expect(part).toContain('Madame OUBLI Léa');
      expect(part).toContain('5 janvier 2026');
      expect(part).toContain('Le fond de la photo d’identité n’est pas uni et clair.');
      expect(part).toContain('vous disposez de 30 jours, jusqu’au 19 février 2026');
      expect(part).toContain('définitivement annulée');
      expect(part).toContain('Préfecture du Nord');
      expect(part).toContain('35 × 45 mm');
      expect(part).toContain('contact.carte-vmdtr@ingroupe.com');
    }

    test.clock.advanceDays(29); // day 44
    const ref = await test.app
      .get(DataSource)
      .getRepository(ImageRequestEntity)
      .findOneByOrFail({ id: ids[1] });
    const driver = await signInDriver(test, {
      email: late.email,
      reference: ref.accessRef,
    } as DemoDriverRow);
    expect(
      (await as(test, driver)('/api/driver/request/terms', { json: { termsVersion: '2026-11' } }))
        .status,
    ).toBe(204);
    expect(
      (
        await as(test, driver)('/api/driver/request/images/photo', {
          method: 'PUT',
          body: fileForm(await validPhoto()),
        })
      ).status,
    ).toBe(201);
    expect((await as(test, driver)('/api/driver/request/submit', { method: 'POST' })).status).toBe(
      200,
    );

    test.clock.advanceDays(1); // day 45
    expect(await scheduler.tick()).toEqual({ reminded: 0, cancelled: 1, purged: 0 });
    const requests = test.app.get(DataSource).getRepository(ImageRequestEntity);
    expect((await requests.findOneByOrFail({ id: ids[0] })).state).toBe('CANCELLED');
    expect((await requests.findOneByOrFail({ id: ids[1] })).state).toBe('SUBMITTED');
    await deliverDue(test);
    const cancellations = mailsTo(smtp.messages, idle.email).filter(
      (m) => m.subject === 'Annulation de votre demande pour votre carte VMDTR',
    );
    expect(cancellations).toHaveLength(1);
    for (const part of [cancellations[0].text ?? '', cancellations[0].html || '']) {
      expect(part).toContain('définitivement annulée le 19 février 2026');
      expect(part).toContain('rappelé le 20 janvier 2026');
      expect(part).toContain('Faute d’avoir reçu ces images dans le délai');
    }
    expect(
      mailsTo(smtp.messages, late.email).filter((m) => /^Annulation/.test(m.subject ?? '')),
    ).toHaveLength(0);
    const audit = await (
      await as(
        test,
        await signInAgent(test, 'agent.nord@demo.t3p.example'),
      )(`/api/agent/applications/${idle.applicationId}/audit`)
    ).json();
    expect(
      audit.map(
        (entry: { action: string; actorType: string }) => `${entry.action}:${entry.actorType}`,
      ),
    ).toEqual(['REQUEST_CREATED:AGENT', 'REMINDER_SENT:SYSTEM', 'REQUEST_CANCELLED:SYSTEM']);
  });

  it('delivers all 200 emails once when the SMTP server was down during the transitions', async () => {
    await deliverDue(test);
    await smtp.stop();
    const start = test.clock.now();
    const emails = await insertPendingRequests(
      test,
      '62',
      200,
      new Date(start.getTime() - 16 * 86_400_000),
    );
    expect((await scheduler.tick()).reminded).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await deliverDue(test)).sent).toBe(0);
    await smtp.start();
    smtp.messages.length = 0;
    test.clock.advanceMinutes(10);
    let sent = 0;
    for (let round = 0; round < 20; round += 1) {
      const report = await deliverDue(test);
      sent += report.sent;
      if (report.sent === 0 && report.retried === 0) break;
    }
    expect(sent).toBe(200);
    const received = smtp.messages.filter((m) => /^Rappel/.test(m.subject ?? ''));
    expect(received).toHaveLength(200);
    const recipients = new Set(received.map((m) => JSON.stringify(m.to)));
    expect(recipients.size).toBe(200);
    expect(emails.every((email) => [...recipients].some((to) => to.includes(email)))).toBe(true);
  });

  it('purges personal data and images one retention period after the card’s end of validity', async () => {
    const dataSource = test.app.get(DataSource);
    const expired = await insertApplication(test, { departement: '62', lastName: 'Ancien' });
    const p = test.database.settings.DATABASE_URL ? ['$1', '$2'] : ['?', '?'];
    const validUntil = new Date(test.clock.now().getTime() - 364 * 86_400_000);
    await dataSource.query(
      `UPDATE card_application SET card_valid_until = ${p[0]} WHERE id = ${p[1]}`,
      [
        test.database.settings.DATABASE_URL
          ? validUntil
          : validUntil.toISOString().replace('T', ' ').replace('Z', ''),
        expired.applicationId,
      ],
    );
    expect((await scheduler.tick()).purged).toBe(0);
    test.clock.advanceDays(2);
    expect((await scheduler.tick()).purged).toBe(1);
    const [driver] = await dataSource.query(
      `SELECT last_name, email, purged_at FROM driver WHERE id = ${p[0]}`,
      [expired.driverId],
    );
    expect(driver.last_name).toBe('—');
    expect(driver.email).not.toContain('@test.t3p.example');
    expect(driver.purged_at).not.toBeNull();
    // The back-office search column held the same name and email.
    const [application] = await dataSource.query(
      `SELECT search_text FROM card_application WHERE id = ${p[0]}`,
      [expired.applicationId],
    );
    expect(application.search_text).toBe('');
    expect((await scheduler.tick()).purged).toBe(0);
  });
});
