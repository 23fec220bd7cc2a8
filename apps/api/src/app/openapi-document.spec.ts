import { API_ERROR_CODES } from '@t3p/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed document (http-backbone.int.spec.ts checks that the code still writes it). */
const document = JSON.parse(
  readFileSync(join(__dirname, '../../../../docs/openapi.json'), 'utf8'),
) as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, { enum?: unknown[] }> }>;
    securitySchemes: Record<string, unknown>;
  };
};
interface Operation {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    path,
    method,
    operation,
    name: `${method.toUpperCase()} ${path}`,
  })),
);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, with no 3.0-only keyword left', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(JSON.stringify(document)).not.toContain('"nullable"');
  });

  it('lists every error code in the one ApiError schema', () => {
    expect(document.components.schemas['ApiError']?.properties?.['code']?.enum).toEqual([
      ...API_ERROR_CODES,
    ]);
  });

  it.each(operations)(
    '$name: summary, description, security, an answer per status, errors as ApiError',
    ({ path, method, operation }) => {
      expect(operation.summary).toBeTruthy();
      expect(operation.description).toBeTruthy();
      expect(operation.security).toBeDefined();
      const signedIn = (operation.security ?? []).length > 0;
      if (signedIn) {
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
        const csrf = operation.security?.[0]?.['csrf'] !== undefined;
        expect(csrf).toBe(method !== 'get');
      }
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      expect(success).toHaveLength(1);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status.startsWith('2') || status === '422') continue;
        // The health check's 503 is the report of @nestjs/terminus.
        if (path === '/api/health') continue;
        expect(Object.keys(response.content ?? {})).toEqual(['application/json']);
        expect(response.content?.['application/json']?.schema.$ref).toBe(
          '#/components/schemas/ApiError',
        );
      }
    },
  );

  it('documents the upload as 201 with the kept image or 422 with the verdict', () => {
    const upload = document.paths['/api/driver/request/images/{piece}']?.['put'];
    expect(upload?.responses['201']?.content?.['application/json']?.schema.$ref).toBe(
      '#/components/schemas/StoredImageSummary',
    );
    expect(upload?.responses['422']?.content?.['application/json']?.schema.$ref).toBe(
      '#/components/schemas/ImageRefusal',
    );
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
  });

  it('describes every JSON request body by its schema', () => {
    const bodies = operations.flatMap(({ operation }) =>
      Object.values(operation.requestBody?.content ?? {}).map((media) => media.schema),
    );
    expect(bodies.length).toBeGreaterThanOrEqual(9);
    for (const schema of bodies) expect(JSON.stringify(schema)).toMatch(/\$ref|"properties"/);
  });
});
