import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '../app/app.module';
import { ConfigurationError, loadEnvironment } from '../config/environment';
import { AgentAdminError, AgentAdminService } from './agent-admin.service';

const USAGE =
  'Usage : npm run agent:add -- --email prenom.nom@interieur.gouv.fr --first-name Prénom --last-name Nom --departement 59 [--prefecture-name "Préfecture du Nord"] [--responsable]\n';

/** `node main.js agent:add …`: creates an agent on the database of the environment (migrations applied). */
export async function runAgentAdd(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        'first-name': { type: 'string' },
        'last-name': { type: 'string' },
        departement: { type: 'string' },
        'prefecture-name': { type: 'string' },
        responsable: { type: 'boolean' },
      },
      strict: true,
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let environment;
  try {
    environment = loadEnvironment({
      ...process.env,
      PROCESS_ROLE: 'web',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const app = await NestFactory.createApplicationContext(AppModule.register({ environment }), {
    logger: ['error', 'warn'],
  });
  try {
    const created = await app.get(AgentAdminService).addAgent({
      email: String(values['email'] ?? ''),
      firstName: String(values['first-name'] ?? ''),
      lastName: String(values['last-name'] ?? ''),
      departement: String(values['departement'] ?? ''),
      prefectureName:
        typeof values['prefecture-name'] === 'string' ? values['prefecture-name'] : undefined,
      responsable: values['responsable'] === true,
    });
    const what = created.role === 'RESPONSABLE' ? 'Responsable créé' : 'Agent créé';
    process.stdout.write(
      `${what} (${created.id}) pour la ${created.prefectureName}. Il peut se connecter par lien à /prefecture/.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AgentAdminError) {
      process.stderr.write(`${error.message}\n${USAGE}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}
