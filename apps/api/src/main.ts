import 'reflect-metadata';
import { createApp } from './app/create-app';
import {
  ConfigurationError,
  loadEnvironment,
  publicUrlOf,
  servesHttpApi,
} from './config/environment';
import { DemoDataService } from './demo/demo-data.service';
import { writeOpenApiDocument } from './app/openapi-file';
import { runAgentAdd } from './auth/agent-command';

async function bootstrap() {
  let environment;
  try {
    environment = loadEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\nVoir .env.example pour les valeurs permises.\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp({ environment });
  if (environment.DEMO_DATA) await app.get(DemoDataService).seedIfEmpty({ requestEmails: true });
  await app.listen({ port: environment.PORT, host: environment.HOST });
  const url = publicUrlOf(environment);
  if (!servesHttpApi(environment)) {
    process.stdout.write(
      `\nT3P Images (worker : relances, annulations, purge, courriels) est prêt ; santé : http://${environment.HOST}:${environment.PORT}/api/health\n`,
    );
    return;
  }
  process.stdout.write(
    [
      '',
      `T3P Images est prêt : ${url}/`,
      `  Portail chauffeur   ${url}/`,
      `  Espace préfecture   ${url}/prefecture/`,
      `  API (OpenAPI)       ${url}/api/docs`,
      ...(environment.NODE_ENV !== 'production'
        ? [`  Boîte de dév.       ${url}/api/dev/mailbox/page`]
        : []),
      '',
    ].join('\n'),
  );
}

/**
 * `node main.js openapi FILE` writes the OpenAPI document; `node main.js agent:add --email …`
 * creates an agent; no argument starts the server.
 */
const [command, ...args] = process.argv.slice(2);
if (command === 'openapi') {
  void writeOpenApiDocument(args[0] ?? 'docs/openapi.json');
} else if (command === 'agent:add') {
  void runAgentAdd(args).then((code) => process.exit(code));
} else {
  void bootstrap();
}
