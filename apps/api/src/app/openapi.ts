import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('T3P Images — API')
    .setDescription(
      'API du portail de téléchargement des images (photo d’identité, signature) des cartes professionnelles ' +
        'T3P, et de l’espace des agents de préfecture. Les erreurs suivent un format unique : ' +
        '{ statusCode, code, message, errors?, requestId }.',
    )
    .setVersion('1.0')
    .addCookieAuth('t3p_session')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /api/docs, the document at /api/openapi.json. */
export function setUpOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'T3P Images — API',
  });
}
