import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AGENT_ROLES, type AgentRole } from './domain';
import { documented, flag, instant, nested, oneOf, text, uuid } from './openapi-fields';

/** « Inviter » on the team page: a new agent of the responsable's own préfecture. */
export class InviteAgentBody {
  @MaxLength(254, { message: 'L’adresse électronique ne doit pas dépasser 254 caractères.' })
  @IsEmail(
    {},
    {
      message:
        'Saisissez une adresse électronique valide, par exemple prenom.nom@interieur.gouv.fr.',
    },
  )
  @IsString({ message: 'L’adresse électronique doit être un texte.' })
  email!: string;

  @MaxLength(100, { message: 'Le prénom ne doit pas dépasser 100 caractères.' })
  @IsNotEmpty({ message: 'Saisissez le prénom de l’agent.' })
  @IsString({ message: 'Le prénom doit être un texte.' })
  firstName!: string;

  @MaxLength(100, { message: 'Le nom ne doit pas dépasser 100 caractères.' })
  @IsNotEmpty({ message: 'Saisissez le nom de l’agent.' })
  @IsString({ message: 'Le nom doit être un texte.' })
  lastName!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<InviteAgentBody>({
    email: text(undefined, {
      format: 'email',
      maxLength: 254,
      example: 'camille.martin@interieur.gouv.fr',
    }),
    firstName: text(undefined, { maxLength: 100, example: 'Camille' }),
    lastName: text(undefined, { maxLength: 100, example: 'Martin' }),
  });
}

export class TeamMember {
  id!: string;
  email!: string;
  firstName!: string;
  lastName!: string;
  role!: AgentRole;
  active!: boolean;
  createdAt!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<TeamMember>({
    id: uuid(),
    email: text(undefined, { format: 'email' }),
    firstName: text(),
    lastName: text(),
    role: oneOf(AGENT_ROLES),
    active: flag('Faux une fois l’agent désactivé.'),
    createdAt: instant(),
  });
}

export class TeamActivityActor {
  firstName!: string;
  lastName!: string;

  static readonly _OPENAPI_METADATA_FACTORY = documented<TeamActivityActor>({
    firstName: text(),
    lastName: text(),
  });
}

/** One line of « Qui a fait quoi » : a team action or a decision on a request, newest first. */
export class TeamActivityEntry {
  at!: string;
  actor!: TeamActivityActor | null;
  /** A team action (AGENT_INVITED, AGENT_DEACTIVATED) or an audit action of a request (REQUEST_CREATED, IMAGES_VALIDATED…). */
  action!: string;
  /** The agent concerned (team actions) or the driver of the application (request actions). */
  subject!: string;
  applicationId!: string | null;

  static readonly _OPENAPI_METADATA_FACTORY = documented<TeamActivityEntry>({
    at: instant(),
    actor: nested(() => TeamActivityActor, 'L’agent qui a agi ; null pour le service.', {
      nullable: true,
    }),
    action: text(
      'Une action d’équipe (AGENT_INVITED, AGENT_DEACTIVATED) ou une action du journal d’une demande (REQUEST_CREATED, IMAGES_VALIDATED…).',
    ),
    subject: text('L’agent concerné (actions d’équipe) ou le chauffeur de la demande de carte.'),
    applicationId: uuid(undefined, { nullable: true }),
  });
}
