import { simpleParser, ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { DemoDataService } from '../demo/demo-data.service';
import { OutboxDeliveryService } from '../notifications/outbox-delivery.service';
import type { TestApp } from '../testing/test-app';

/** Test helpers of the sign-in suites (not part of the running service). */

/** A real SMTP server in the test process; every message received is parsed with mailparser. */
export async function startSmtpServer(): Promise<{
  url: string;
  messages: ParsedMail[];
  close(): Promise<void>;
}> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface DemoDriverRow {
  driverId: string;
  email: string;
  reference: string;
  applicationId: string;
  departement: string;
}

/** Seeds the demo data set and returns what the tests need to address it. */
export async function seedDemo(test: TestApp) {
  await test.app.get(DemoDataService).seedIfEmpty();
  const dataSource = test.app.get(DataSource);
  const drivers: DemoDriverRow[] = (
    await dataSource.query(
      `SELECT d.id AS "driverId", d.email AS "email", r.access_ref AS "reference", a.id AS "applicationId", p.departement AS "departement"
         FROM image_request r JOIN card_application a ON a.id = r.application_id
         JOIN driver d ON d.id = a.driver_id JOIN prefecture p ON p.id = a.prefecture_id
        ORDER BY r.created_at DESC`,
    )
  ).map((row: DemoDriverRow) => ({ ...row }));
  const driver = (email: string) => {
    const found = drivers.find((row) => row.email === email);
    if (!found) throw new Error(`No demo driver ${email}`);
    return found;
  };
  return { dataSource, drivers, driver };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** The token of the newest link sent to `to` (the one no newer link has voided), read from the outbox. */
export async function latestLinkFor(
  test: TestApp,
  to: string,
): Promise<{ token: string; link: string }> {
  const placeholder = test.database.settings.DATABASE_URL ? '$1' : '?';
  const rows = await test.app.get(DataSource).query(
    `SELECT o.text AS text FROM outbox_email o JOIN sign_in_token t ON o.dedupe_key = t.id || ':SIGN_IN_LINK'
      WHERE o.to_address = ${placeholder} AND t.superseded_at IS NULL AND t.consumed_at IS NULL`,
    [to],
  );
  if (rows.length !== 1)
    throw new Error(`Expected one live sign-in email for ${to}, found ${rows.length}`);
  return linkIn(rows[0].text as string);
}

export function linkIn(text: string): { token: string; link: string } {
  const match = /(https?:\/\/\S+\/connexion\/lien\/([A-Za-z0-9._-]+)\S*)/.exec(text);
  if (!match) throw new Error('No sign-in link in the email');
  return { link: match[1], token: match[2] };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the real endpoints; returns the session cookie and the CSRF token. */
export async function signInWithToken(test: TestApp, token: string): Promise<Session> {
  const response = await fetch(`${test.url}/api/auth/sign-in`, json({ token }));
  if (response.status !== 200)
    throw new Error(`Sign-in refused: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrfToken: body.csrfToken };
}

export async function signInDriver(test: TestApp, row: DemoDriverRow): Promise<Session> {
  const sent = await fetch(
    `${test.url}/api/auth/driver/sign-in-links`,
    json({ reference: row.reference }),
  );
  if (sent.status !== 202) throw new Error(`Link refused: ${sent.status}`);
  return signInWithToken(test, (await latestLinkFor(test, row.email)).token);
}

export async function signInAgent(test: TestApp, email: string): Promise<Session> {
  const sent = await fetch(`${test.url}/api/auth/agent/sign-in-links`, json({ email }));
  if (sent.status !== 202) throw new Error(`Link refused: ${sent.status}`);
  return signInWithToken(test, (await latestLinkFor(test, email)).token);
}

export const deliverDue = (test: TestApp) => test.app.get(OutboxDeliveryService).deliverDue();
