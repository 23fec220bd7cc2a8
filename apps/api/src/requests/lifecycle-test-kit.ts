import { CSRF_HEADER, searchTextOf, type CardType } from '@t3p/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { CardApplicationEntity, DriverEntity, PrefectureEntity } from '../database/entities';
import type { Session } from '../auth/auth-test-kit';
import type { TestApp } from '../testing/test-app';

/** Test helpers of the lifecycle suites (not part of the running service). */

/** A new driver and card application (no request yet) in the préfecture of `departement`. */
export async function insertApplication(
  test: TestApp,
  options: { departement: string; cardType?: CardType; lastName?: string; email?: string },
): Promise<{ applicationId: string; driverId: string; email: string; driverIdentifier: string }> {
  const dataSource = test.app.get(DataSource);
  const prefecture = await dataSource
    .getRepository(PrefectureEntity)
    .findOneByOrFail({ departement: options.departement });
  const driverId = randomUUID();
  const applicationId = randomUUID();
  const suffix = randomBytes(4).readUInt32BE(0) % 1_000_000;
  const driverIdentifier = `${options.departement}2025${String(suffix).padStart(6, '0')}`;
  const email = options.email ?? `chauffeur.${suffix}@test.t3p.example`;
  await dataSource.getRepository(DriverEntity).insert({
    id: driverId,
    driverIdentifier,
    civility: 'MME',
    lastName: options.lastName ?? 'Essai',
    firstName: 'Léa',
    email,
    addressLine1: '1 rue de la Gare',
    addressLine2: null,
    postalCode: '59000',
    city: 'Lille',
    purgedAt: null,
  });
  await dataSource.getRepository(CardApplicationEntity).insert({
    id: applicationId,
    driverId,
    prefectureId: prefecture.id,
    cardType: options.cardType ?? 'VTC',
    cardNumber: `${driverIdentifier}01`,
    searchText: searchTextOf({
      lastName: options.lastName ?? 'Essai',
      firstName: 'Léa',
      driverIdentifier,
      cardNumber: `${driverIdentifier}01`,
      email,
    }),
    state: 'AWAITING_IMAGES',
    cardValidUntil: null,
  });
  return { applicationId, driverId, email, driverIdentifier };
}

export const validPhoto = () =>
  sharp({
    create: { width: 413, height: 531, channels: 3, background: { r: 200, g: 190, b: 180 } },
  })
    .jpeg({ quality: 80 })
    .withMetadata({ density: 300 })
    .toBuffer();

/** 25 × 12 mm at 300 DPI, dark ink on white. */
export const validSignature = () =>
  sharp({ create: { width: 295, height: 142, channels: 3, background: 'white' } })
    .composite([
      {
        input: { create: { width: 200, height: 6, channels: 3, background: 'black' } },
        top: 80,
        left: 40,
      },
      {
        input: { create: { width: 6, height: 60, channels: 3, background: 'black' } },
        top: 30,
        left: 60,
      },
    ])
    .jpeg({ quality: 85 })
    .withMetadata({ density: 300 })
    .toBuffer();

export const fileForm = (bytes: Buffer, name = 'image.jpg') => {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  return body;
};

/** fetch with the session cookie and, on state changes, the CSRF header. */
export function as(test: TestApp, session: Session) {
  return (path: string, init: { method?: string; json?: unknown; body?: BodyInit } = {}) =>
    fetch(`${test.url}${path}`, {
      method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'),
      headers: {
        cookie: session.cookie,
        ...(init.method && init.method !== 'GET' ? { [CSRF_HEADER]: session.csrfToken } : {}),
        ...(init.json !== undefined
          ? { 'content-type': 'application/json', [CSRF_HEADER]: session.csrfToken }
          : {}),
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
}

/** An in-process SMTP server that can be stopped and restarted on the same port. */
/** `parse`: false keeps the headers of each message only; a function parses fully the messages whose To header it accepts. */
export async function restartableSmtp(
  options: { parse?: boolean | ((to: string) => boolean) } = {},
): Promise<{
  url: string;
  messages: ParsedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}> {
  const messages: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const start = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      disableReverseLookup: true,
      onData(stream, _session, callback) {
        if (options.parse !== true && options.parse !== undefined) {
          // Headers only (bulk tests): what identifies a message, without parsing its body, unless `parse` asks for it.
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks);
            const head = raw
              .toString('utf8')
              .split('\r\n\r\n')[0]
              .replace(/\r\n[ \t]+/g, ' ');
            const header = (name: string) =>
              new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
            const parse = options.parse;
            if (typeof parse === 'function' && parse(header('To'))) {
              simpleParser(raw)
                .then((mail) => {
                  messages.push(mail);
                  callback();
                })
                .catch(callback);
              return;
            }
            messages.push({
              subject: header('Subject'),
              to: { text: header('To') },
              headers: new Map([['x-t3p-email-id', header('X-T3P-Email-Id')]]),
            } as unknown as ParsedMail);
            callback();
          });
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    const current = server;
    await new Promise<void>((resolve) => current.listen(port, '127.0.0.1', resolve));
    port = (current.server.address() as AddressInfo).port;
  };
  await start();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    start,
    stop: () =>
      new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

export const mailsTo = (messages: ParsedMail[], to: string) =>
  messages.filter((message) => JSON.stringify(message.to ?? '').includes(to));

/**
 * Inserts `count` drivers, applications and PENDING requests created at `createdAt` (all due for
 * the reminder once the delay has passed), in chunks. Returns the driver addresses.
 */
export async function insertPendingRequests(
  test: TestApp,
  departement: string,
  count: number,
  createdAt: Date,
): Promise<string[]> {
  const dataSource = test.app.get(DataSource);
  const prefecture = await dataSource
    .getRepository(PrefectureEntity)
    .findOneByOrFail({ departement });
  const emails: string[] = [];
  const tag = randomBytes(3).toString('hex');
  for (let start = 0; start < count; start += 250) {
    const drivers: Partial<DriverEntity>[] = [];
    const applications: Partial<CardApplicationEntity>[] = [];
    const requests: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + 250); i += 1) {
      const driverId = randomUUID();
      const applicationId = randomUUID();
      const identifier = `${departement}${tag}${String(i).padStart(6, '0')}`;
      const email = `lot.${tag}.${i}@test.t3p.example`;
      emails.push(email);
      drivers.push({
        id: driverId,
        driverIdentifier: identifier,
        civility: 'M',
        lastName: `Lot${i}`,
        firstName: 'Marc',
        email,
        addressLine1: '2 rue du Port',
        addressLine2: null,
        postalCode: '59140',
        city: 'Dunkerque',
        purgedAt: null,
      });
      applications.push({
        id: applicationId,
        driverId,
        prefectureId: prefecture.id,
        cardType: 'TAXI',
        cardNumber: `${identifier}01`,
        state: 'AWAITING_IMAGES',
        cardValidUntil: null,
      });
      requests.push({
        id: randomUUID(),
        applicationId,
        prefectureId: prefecture.id,
        cardType: 'TAXI',
        accessRef: randomBytes(24).toString('base64url'),
        photoRequested: true,
        signatureRequested: false,
        reasonCode: 'PHOTO_BLURRY',
        reasonText: 'La photo d’identité est floue.',
        state: 'PENDING',
        createdByAgentId: null,
        previousRequestId: null,
        createdAt,
      });
    }
    await dataSource.getRepository(DriverEntity).insert(drivers);
    await dataSource.getRepository(CardApplicationEntity).insert(applications);
    await dataSource.getRepository('ImageRequestEntity').insert(requests);
  }
  return emails;
}
