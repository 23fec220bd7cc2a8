import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { SignInLinkProblem, SignInLinkSent, SubjectType } from '@t3p/contracts';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../common/clock';
import { ApiException } from '../common/errors/api-exception';
import { Environment, publicUrlOf } from '../config/environment';
import { OutboxService } from '../notifications/outbox.service';
import { RequestsService } from '../requests/requests.service';
import { AuthRepository } from './auth.repository';
import { AuthSecret } from './auth-secret';
import { MagicLinkTokens } from './magic-link-tokens';
import { RateLimitService, spacingOf } from './rate-limit.service';
import { randomSecret, sha256 } from './secrets';

/**
 * Every "Envoyer" answers after at least this long, known or unknown reference alike, so the
 * time of the answer tells nothing (the email itself is sent later by the outbox worker).
 */
export const LINK_REQUEST_FLOOR_MS = 400;

const PROBLEM_MESSAGES: Record<SignInLinkProblem, string> = {
  LINK_EXPIRED:
    'Ce lien de connexion a expiré. Demandez-en un nouveau : il arrivera dans votre messagerie.',
  LINK_USED:
    'Ce lien de connexion a déjà servi : chaque lien ne fonctionne qu’une fois. Demandez-en un nouveau.',
  LINK_SUPERSEDED:
    'Un lien plus récent vous a été envoyé depuis, et il remplace celui-ci. Utilisez le dernier courriel reçu ou demandez un nouveau lien.',
  LINK_INVALID:
    'Ce lien de connexion n’est pas reconnu. Vérifiez qu’il est complet ou demandez un nouveau lien.',
};

/** What a driver whose application is closed reads instead of a link: why, and what to do. */
const CLOSED_MESSAGES: Record<'VALIDATED' | 'CANCELLED', string> = {
  VALIDATED:
    'Votre demande de carte est déjà validée : il n’y a plus d’image à envoyer, aucun lien de connexion ne vous a donc été envoyé. Pour régler votre carte, suivez le lien du courriel « Demande validée, paiement à effectuer ».',
  CANCELLED:
    'Votre demande de carte a été annulée faute d’images reçues dans le délai : aucune image ne peut plus être envoyée pour elle, aucun lien de connexion ne vous a donc été envoyé. Pour obtenir votre carte, adressez-vous à votre préfecture, qui vous dira comment déposer une nouvelle demande.',
};

/** "o*****t@d***.fr": enough for the owner to recognise, too little to learn an address. */
export function maskEmail(email: string): string {
  const [local, domain = ''] = email.split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  const maskPart = (part: string) =>
    part.length <= 2
      ? `${part[0] ?? ''}*`
      : `${part[0]}${'*'.repeat(Math.min(part.length - 2, 6))}${part[part.length - 1]}`;
  return `${maskPart(local)}@${host[0] ?? ''}***${tld}`;
}

export interface SignedIn {
  role: SubjectType;
  subjectId: string;
}

/** Magic links: sending (rate-limited, no enumeration) and the single-use consumption. */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('SignIn');
  private readonly tokens: MagicLinkTokens;
  /** Minutes between one person's successive links within the hour (docs/security.md). */
  private readonly spacing: number[];

  constructor(
    private readonly repository: AuthRepository,
    private readonly requests: RequestsService,
    private readonly outbox: OutboxService,
    private readonly rateLimits: RateLimitService,
    private readonly clock: Clock,
    private readonly env: Environment,
    secret: AuthSecret,
  ) {
    this.tokens = new MagicLinkTokens(secret.value, env.SIGN_IN_LINK_TTL_MINUTES);
    this.spacing = spacingOf(env.SIGN_IN_LINK_SPACING_MINUTES);
  }

  /** Driver: a link to the address on file of the request behind `reference`. */
  requestDriverLink(reference: string, clientAddress: string): Promise<SignInLinkSent> {
    return this.atLeast(LINK_REQUEST_FLOOR_MS, async () => {
      await this.rateLimits.consume([
        { key: `client:${clientAddress}`, perHour: this.env.SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR },
        {
          key: `reference:${reference}`,
          perHour: this.env.SIGN_IN_LINKS_PER_HOUR,
          spacingMinutes: this.spacing,
        },
      ]);
      const driver = await this.requests.findDriverByRequestReference(reference);
      if (!driver) {
        this.logger.log({
          event: 'sign_in_link',
          subjectType: 'DRIVER',
          subjectId: null,
          outcome: 'UNKNOWN_REFERENCE',
        });
        return {
          sentTo: null,
          validityMinutes: this.env.SIGN_IN_LINK_TTL_MINUTES,
          message:
            'Si ce lien correspond à une demande d’images en cours, un courriel de connexion vient d’être envoyé à l’adresse enregistrée pour cette demande.',
        };
      }
      if (driver.applicationState === 'VALIDATED' || driver.applicationState === 'CANCELLED') {
        this.logger.log({
          event: 'sign_in_link',
          subjectType: 'DRIVER',
          subjectId: driver.driverId,
          outcome: `APPLICATION_${driver.applicationState}`,
        });
        return {
          sentTo: null,
          validityMinutes: this.env.SIGN_IN_LINK_TTL_MINUTES,
          closed: driver.applicationState,
          message: CLOSED_MESSAGES[driver.applicationState],
        };
      }
      await this.rateLimits.consume([
        {
          key: `address:${driver.email.trim().toLowerCase()}`,
          perHour: this.env.SIGN_IN_LINKS_PER_HOUR,
          spacingMinutes: this.spacing,
        },
      ]);
      await this.issue('DRIVER', driver.driverId, async (manager, linkId, token) =>
        this.outbox.enqueueSignInLink(manager, {
          audience: 'DRIVER',
          to: driver.email,
          linkId,
          applicationId: driver.applicationId,
          cardType: driver.cardType,
          validityMinutes: this.env.SIGN_IN_LINK_TTL_MINUTES,
          link: `${publicUrlOf(this.env)}/connexion/lien/${token}?ref=${encodeURIComponent(reference)}`,
        }),
      );
      const sentTo = maskEmail(driver.email);
      return {
        sentTo,
        validityMinutes: this.env.SIGN_IN_LINK_TTL_MINUTES,
        message: `Un courriel de connexion vient d’être envoyé à ${sentTo}.`,
      };
    });
  }

  /** Agent: a link to the address typed, if it belongs to an active agent; the same answer either way. */
  requestAgentLink(email: string, clientAddress: string): Promise<SignInLinkSent> {
    const address = email.trim().toLowerCase();
    return this.atLeast(LINK_REQUEST_FLOOR_MS, async () => {
      await this.rateLimits.consume([
        { key: `client:${clientAddress}`, perHour: this.env.SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR },
        {
          key: `address:${address}`,
          perHour: this.env.SIGN_IN_LINKS_PER_HOUR,
          spacingMinutes: this.spacing,
        },
      ]);
      const agent = await this.repository.findActiveAgentByEmail(address);
      if (agent) {
        await this.issue('AGENT', agent.id, (manager, linkId, token) =>
          this.outbox.enqueueSignInLink(manager, {
            audience: 'AGENT',
            to: agent.email,
            linkId,
            validityMinutes: this.env.SIGN_IN_LINK_TTL_MINUTES,
            link: `${publicUrlOf(this.env)}/prefecture/connexion/lien/${token}`,
          }),
        );
      } else {
        this.logger.log({
          event: 'sign_in_link',
          subjectType: 'AGENT',
          subjectId: null,
          outcome: 'UNKNOWN_ADDRESS',
        });
      }
      return {
        sentTo: null,
        validityMinutes: this.env.SIGN_IN_LINK_TTL_MINUTES,
        message:
          'Si cette adresse est celle d’un agent habilité, un courriel de connexion vient de lui être envoyé. Pensez à regarder dans les courriers indésirables.',
      };
    });
  }

  /**
   * A responsable's invitation: `writes` (the new agent, the audit entry), the sign-in link and its
   * email commit in one transaction, so there is never an invited agent without a link, nor the reverse.
   */
  async inviteAgent(
    agent: { id: string; email: string },
    writes: (manager: import('typeorm').EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.issue(
      'AGENT',
      agent.id,
      (manager, linkId, token) =>
        this.outbox.enqueueSignInLink(manager, {
          audience: 'AGENT',
          to: agent.email,
          linkId,
          validityMinutes: this.env.SIGN_IN_LINK_TTL_MINUTES,
          link: `${publicUrlOf(this.env)}/prefecture/connexion/lien/${token}`,
        }),
      writes,
    );
  }

  /** "Se connecter": consumes the link once, or says precisely why it cannot be used. */
  async consume(token: string): Promise<SignedIn> {
    const check = await this.tokens.verify(token);
    if (!check.ok) {
      this.refuse(null, check.reason === 'EXPIRED' ? 'LINK_EXPIRED' : 'LINK_INVALID');
    }
    const tokenHash = sha256(check.claims.tid);
    const now = this.clock.now();
    const consumed = await this.repository.consumeLink(tokenHash, now);
    if (consumed) {
      this.logger.log({
        event: 'sign_in',
        subjectType: consumed.subjectType,
        subjectId: consumed.subjectId,
        outcome: 'SUCCESS',
      });
      return { role: consumed.subjectType, subjectId: consumed.subjectId };
    }
    const link = await this.repository.findLink(tokenHash);
    const problem: SignInLinkProblem = !link
      ? 'LINK_INVALID'
      : link.consumedAt
        ? 'LINK_USED'
        : link.supersededAt
          ? 'LINK_SUPERSEDED'
          : 'LINK_EXPIRED';
    this.refuse(
      link ? { subjectType: link.subjectType, subjectId: link.subjectId } : null,
      problem,
    );
  }

  private refuse(
    subject: { subjectType: SubjectType; subjectId: string } | null,
    problem: SignInLinkProblem,
  ): never {
    this.logger.log({
      event: 'sign_in',
      subjectType: subject?.subjectType ?? null,
      subjectId: subject?.subjectId ?? null,
      outcome: problem,
    });
    throw new ApiException(HttpStatus.BAD_REQUEST, problem, PROBLEM_MESSAGES[problem]);
  }

  /** Stores the new link (voiding the older ones) and queues its email in one transaction. */
  private async issue(
    subjectType: SubjectType,
    subjectId: string,
    enqueue: (
      manager: import('typeorm').EntityManager,
      linkId: string,
      token: string,
    ) => Promise<void>,
    before?: (manager: import('typeorm').EntityManager) => Promise<void>,
  ): Promise<void> {
    const tid = randomSecret();
    const token = this.tokens.sign(tid);
    const now = this.clock.now();
    const linkId = randomUUID();
    await this.repository.inTransaction(async (manager) => {
      await before?.(manager);
      await this.repository.replaceLinks(manager, {
        id: linkId,
        tokenHash: sha256(tid),
        subjectType,
        subjectId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.env.SIGN_IN_LINK_TTL_MINUTES * 60_000),
      });
      await enqueue(manager, linkId, token);
    });
    this.logger.log({ event: 'sign_in_link', subjectType, subjectId, outcome: 'SENT' });
  }

  private async atLeast<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await work();
    } finally {
      const left = floorMs - (Date.now() - started);
      if (left > 0) await sleep(left);
    }
  }
}
