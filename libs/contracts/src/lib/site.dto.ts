/** The sender of every email of the service, as mail clients show it. */
export interface EmailSender {
  name: string;
  address: string;
}

/** The legal notice (LCEN art. 6): the host (name, address, phone) and the publication director. */
export interface LegalNotice {
  host: { name: string; address: string; phone: string };
  publicationDirector: string;
}

/** What the pages state about the service itself, from the API's settings (GET /api/site). */
export interface SiteInfo {
  emailSender: EmailSender;
  legalNotice: LegalNotice;
}
