import { Injectable } from '@nestjs/common';
import type { EmailSender, SiteInfo } from '@t3p/contracts';
import { Environment } from '../config/environment';

/** "Service des cartes T3P <ne-pas-repondre@cartes-t3p.example>" as its name and address. */
export function senderOf(mailFrom: string): EmailSender {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  return match
    ? { name: match[1].trim(), address: match[2].trim() }
    : { name: '', address: mailFrom.trim() };
}

/** The facts about the service that its pages state: the emails' sender, the legal notice. */
@Injectable()
export class SiteService {
  constructor(private readonly env: Environment) {}

  info(): SiteInfo {
    return {
      emailSender: senderOf(this.env.MAIL_FROM),
      legalNotice: {
        host: {
          name: this.env.LEGAL_HOST_NAME,
          address: this.env.LEGAL_HOST_ADDRESS,
          phone: this.env.LEGAL_HOST_PHONE,
        },
        publicationDirector: this.env.LEGAL_PUBLICATION_DIRECTOR,
      },
    };
  }
}
