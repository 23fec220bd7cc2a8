import { DataSource } from 'typeorm';
import { json, seedDemo, startSmtpServer } from '../auth/auth-test-kit';
import { startTestApp, TestApp } from '../testing/test-app';
import { OutboxDeliveryService } from './outbox-delivery.service';

const emailState = async (test: TestApp) =>
  (
    await test.app
      .get(DataSource)
      .query(
        'SELECT state, attempts, last_error AS "lastError", sent_at AS "sentAt" FROM outbox_email',
      )
  )[0];

async function queueOneLink(test: TestApp) {
  const dupont = (await seedDemo(test)).driver('olivier.dupont@demo.t3p.example');
  expect(
    (
      await fetch(
        `${test.url}/api/auth/driver/sign-in-links`,
        json({ reference: dupont.reference }),
      )
    ).status,
  ).toBe(202);
}

describe('outbox delivery', () => {
  it('without SMTP_URL outside production, marks emails SENT as captured (readable in the dev mailbox)', async () => {
    const test = await startTestApp();
    try {
      await queueOneLink(test);
      expect(await emailState(test)).toMatchObject({ state: 'PENDING', attempts: 0 });
      expect(await test.app.get(OutboxDeliveryService).deliverDue()).toEqual({
        sent: 1,
        retried: 0,
        failed: 0,
      });
      expect(await emailState(test)).toMatchObject({ state: 'SENT', attempts: 1 });
      const mailbox = await (await fetch(`${test.url}/api/dev/mailbox`)).json();
      expect(mailbox[0]).toMatchObject({ kind: 'SIGN_IN_LINK', state: 'SENT' });
      // Nothing left to do on the next tick.
      expect(await test.app.get(OutboxDeliveryService).deliverDue()).toEqual({
        sent: 0,
        retried: 0,
        failed: 0,
      });
    } finally {
      await test.close();
    }
  });

  it('retries with back-off while the SMTP server is down and gives up after N attempts', async () => {
    const smtp = await startSmtpServer();
    const url = smtp.url;
    await smtp.close();
    const test = await startTestApp({ SMTP_URL: url, OUTBOX_MAX_ATTEMPTS: '3' });
    const worker = test.app.get(OutboxDeliveryService);
    try {
      await queueOneLink(test);
      expect(await worker.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
      const first = await emailState(test);
      expect(first).toMatchObject({ state: 'PENDING', attempts: 1 });
      expect(first.lastError).toMatch(/ECONNREFUSED/);
      expect(first.lastError).not.toContain('@');
      // Not due again before its back-off (30 s).
      expect(await worker.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
      test.clock.advanceMinutes(1);
      expect(await worker.deliverDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
      test.clock.advanceMinutes(2);
      expect(await worker.deliverDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
      expect(await emailState(test)).toMatchObject({ state: 'FAILED', attempts: 3 });
    } finally {
      await test.close();
    }
  });

  it('delivers to the SMTP server when it answers, once, even when two ticks overlap in one process', async () => {
    const smtp = await startSmtpServer();
    const test = await startTestApp({ SMTP_URL: smtp.url });
    try {
      await queueOneLink(test);
      const worker = test.app.get(OutboxDeliveryService);
      const reports = await Promise.all([worker.deliverDue(), worker.deliverDue()]);
      expect(reports[0].sent).toBe(1);
      expect(smtp.messages).toHaveLength(1);
      expect(await emailState(test)).toMatchObject({ state: 'SENT' });
    } finally {
      await test.close();
      await smtp.close();
    }
  });

  it('gives every email a Message-ID derived from its outbox row, the same when it is sent again after a crash', async () => {
    const smtp = await startSmtpServer();
    const test = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Service des cartes T3P <ne-pas-repondre@cartes-t3p.example>',
    });
    const worker = test.app.get(OutboxDeliveryService);
    const dataSource = test.app.get(DataSource);
    try {
      await queueOneLink(test);
      expect((await worker.deliverDue()).sent).toBe(1);
      const [{ id }] = await dataSource.query('SELECT id FROM outbox_email');
      expect(smtp.messages.map((message) => message.messageId)).toEqual([
        `<outbox-${id}@cartes-t3p.example>`,
      ]);
      // A worker that died between the SMTP answer and its record: the row is still claimed, its lease over.
      const past = new Date(test.clock.now().getTime() - 1000);
      await dataSource
        .createQueryBuilder()
        .update('outbox_email')
        .set({ state: 'SENDING', claimedBy: 'dead-worker', sentAt: null, nextAttemptAt: past })
        .execute();
      expect((await worker.deliverDue()).sent).toBe(1);
      expect(smtp.messages).toHaveLength(2);
      expect(smtp.messages[1].messageId).toBe(smtp.messages[0].messageId);
      expect(smtp.messages[1].subject).toBe(smtp.messages[0].subject);
    } finally {
      await test.close();
      await smtp.close();
    }
  });
});
