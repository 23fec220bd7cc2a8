import { Injectable } from '@nestjs/common';
import type { AgentRole } from '@t3p/contracts';
import { isEmail } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { AuthRepository } from './auth.repository';

export interface NewAgent {
  email: string;
  firstName: string;
  lastName: string;
  departement: string;
  /** Creates the préfecture of the département when it does not exist yet. */
  prefectureName?: string;
  /** A responsable also invites and deactivates the agents of their préfecture. */
  responsable?: boolean;
}

/** Thrown with a French message an operator can act on. */
export class AgentAdminError extends Error {}

/** Operators' tasks on agents (the `agent:add` command). */
@Injectable()
export class AgentAdminService {
  constructor(private readonly repository: AuthRepository) {}

  async addAgent(
    input: NewAgent,
  ): Promise<{ id: string; prefectureName: string; role: AgentRole }> {
    const email = (input.email ?? '').trim().toLowerCase();
    const firstName = (input.firstName ?? '').trim();
    const lastName = (input.lastName ?? '').trim();
    const departement = (input.departement ?? '').trim().toUpperCase();
    if (!isEmail(email))
      throw new AgentAdminError('--email : une adresse électronique valide est attendue.');
    if (!firstName || firstName.length > 100)
      throw new AgentAdminError('--first-name : le prénom est attendu (100 caractères au plus).');
    if (!lastName || lastName.length > 100)
      throw new AgentAdminError('--last-name : le nom est attendu (100 caractères au plus).');
    if (!/^(\d{2,3}|2A|2B)$/.test(departement))
      throw new AgentAdminError(
        '--departement : un code de département est attendu, par exemple 59 ou 2A.',
      );
    if (await this.repository.agentEmailTaken(email))
      throw new AgentAdminError(`Un agent existe déjà avec l’adresse ${email}.`);

    const existing = await this.repository.findPrefectureByDepartement(departement);
    const prefectureName = existing?.name ?? input.prefectureName?.trim();
    if (!prefectureName) {
      throw new AgentAdminError(
        `Aucune préfecture n’est enregistrée pour le département ${departement}. Ajoutez --prefecture-name "Préfecture de …" pour la créer.`,
      );
    }
    const id = randomUUID();
    await this.repository.inTransaction(async (manager) => {
      let prefectureId = existing?.id;
      if (!prefectureId) {
        prefectureId = randomUUID();
        await this.repository.insertPrefecture(manager, {
          id: prefectureId,
          departement,
          name: prefectureName.slice(0, 120),
        });
      }
      await this.repository.insertAgent(manager, {
        id,
        prefectureId,
        email,
        firstName,
        lastName,
        active: true,
        role: input.responsable ? 'RESPONSABLE' : 'AGENT',
      });
    });
    return { id, prefectureName, role: input.responsable ? 'RESPONSABLE' : 'AGENT' };
  }
}
