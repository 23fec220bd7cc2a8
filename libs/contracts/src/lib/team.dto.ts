import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { AgentRole } from './domain';

/** « Inviter » on the team page: a new agent of the responsable's own préfecture. */
export class InviteAgentBody {
  @MaxLength(254, { message: 'L’adresse électronique ne doit pas dépasser 254 caractères.' })
  @IsEmail({}, { message: 'Saisissez une adresse électronique valide, par exemple prenom.nom@interieur.gouv.fr.' })
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
}

export interface TeamMember {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: AgentRole;
  active: boolean;
  createdAt: string;
}

/** One line of « Qui a fait quoi » : a team action or a decision on a request, newest first. */
export interface TeamActivityEntry {
  at: string;
  actor: { firstName: string; lastName: string } | null;
  /** A team action (AGENT_INVITED, AGENT_DEACTIVATED) or an audit action of a request (REQUEST_CREATED, IMAGES_VALIDATED…). */
  action: string;
  /** The agent concerned (team actions) or the driver of the application (request actions). */
  subject: string;
  applicationId: string | null;
}
