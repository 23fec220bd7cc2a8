import { documented, nested, text } from './openapi-fields';

/** The sender of every email of the service, as mail clients show it. */
export class EmailSender {
  name!: string;
  address!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<EmailSender>({
    name: text(undefined, { example: 'T3P Images' }),
    address: text(undefined, { format: 'email' }),
  });
}

export class LegalNoticeHost {
  name!: string;
  address!: string;
  phone!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<LegalNoticeHost>({
    name: text(),
    address: text(),
    phone: text(),
  });
}

/** The legal notice (LCEN art. 6): the host (name, address, phone) and the publication director. */
export class LegalNotice {
  host!: LegalNoticeHost;
  publicationDirector!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<LegalNotice>({
    host: nested(() => LegalNoticeHost, 'L’hébergeur.'),
    publicationDirector: text('Le directeur de la publication.'),
  });
}

/** What the pages state about the service itself, from the API's settings (GET /api/site). */
export class SiteInfo {
  emailSender!: EmailSender;
  legalNotice!: LegalNotice;

  static readonly _OPENAPI_METADATA_FACTORY = documented<SiteInfo>({
    emailSender: nested(() => EmailSender, 'L’expéditeur des courriels du service.'),
    legalNotice: nested(() => LegalNotice, 'Les mentions légales (LCEN, art. 6).'),
  });
}
