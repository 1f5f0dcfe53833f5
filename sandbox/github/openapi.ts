// GitHub's own OpenAPI description (@octokit/openapi) as the contract for the sandbox's REST
// stand-in: every request body we accept and every response body we send is checked against
// the operation's schema, so the sandbox cannot drift from what api.github.com really speaks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface JsonSchema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  format?: string;
}

interface OpenApiOperation {
  operationId: string;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: JsonSchema }> }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
  };
}

let loaded: OpenApiDocument | undefined;

/** The api.github.com description, read once on first use (it is ~13 MB). */
export function githubOpenApi(): OpenApiDocument {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    loaded = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    applyKnownLags(loaded);
  }
  return loaded;
}

/**
 * Where the live API has moved past the published description. Each entry names its source;
 * the response is still checked, only the one property is widened.
 */
function applyKnownLags(doc: OpenApiDocument): void {
  // List attestations: `bundle` is null since 2026-07-16 and the bundle is behind `bundle_url`
  // (docs.github.com/en/rest/about-the-rest-api/breaking-changes; live answers quoted in
  // terraform-linters/tflint#2593). @octokit/openapi 23.0.2 still types it as an object.
  const list = doc.paths['/repos/{owner}/{repo}/attestations/{subject_digest}']?.['get'];
  const items =
    list?.responses['200']?.content?.['application/json']?.schema.properties?.['attestations']
      ?.items;
  const bundle = items?.properties?.['bundle'];
  if (bundle) bundle.nullable = true;
}

/** The schemas of one operation, looked up by its path template and method. */
export interface OperationContract {
  operationId: string;
  request?: JsonSchema;
  response(status: number): JsonSchema | undefined;
}

export function operationContract(pathTemplate: string, method: string): OperationContract {
  const doc = githubOpenApi();
  const op = doc.paths[pathTemplate]?.[method.toLowerCase()];
  if (!op) throw new Error(`OpenAPI: no operation ${method} ${pathTemplate}`);
  const json = op.requestBody?.content['application/json'];
  return {
    operationId: op.operationId,
    request: json?.schema,
    response(status) {
      let res = op.responses[String(status)];
      if (res?.$ref) res = doc.components.responses[res.$ref.split('/').pop()!];
      return res?.content?.['application/json']?.schema;
    }
  };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function resolve(schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let depth = 0; s.$ref; depth++) {
    if (depth > 32) throw new Error(`OpenAPI: $ref loop at ${s.$ref}`);
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = githubOpenApi().components.schemas[name];
    if (!target) throw new Error(`OpenAPI: unresolved $ref ${s.$ref}`);
    s = target;
  }
  return s;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Checks `value` against `schema` for the keyword subset GitHub's description uses. Returns
 * the first failure as "<json path>: expected ..., found ...", or undefined when it matches.
 */
export function validateSchema(schema: JsonSchema, value: unknown, path = '$'): string | undefined {
  const s = resolve(schema);
  if (value === null && s.nullable) return undefined;
  if (s.allOf) {
    for (const part of s.allOf) {
      const failure = validateSchema(part, value, path);
      if (failure) return failure;
    }
  }
  for (const [keyword, alternatives] of [
    ['oneOf', s.oneOf],
    ['anyOf', s.anyOf]
  ] as const) {
    if (!alternatives) continue;
    const failures = alternatives.map((alt) => validateSchema(alt, value, path));
    const matches = failures.filter((f) => f === undefined).length;
    if (matches === 0) return `${path}: matches none of ${keyword} (${failures.join(' | ')})`;
    if (keyword === 'oneOf' && matches > 1 && !alternatives.some((a) => resolve(a).nullable)) {
      return `${path}: matches ${matches} alternatives of oneOf, expected exactly one`;
    }
  }
  if (s.type) {
    const actual = typeOf(value);
    const ok = actual === s.type || (s.type === 'number' && actual === 'integer');
    if (!ok) return `${path}: expected ${s.type}${s.nullable ? ' or null' : ''}, found ${actual}`;
  }
  if (s.enum && !s.enum.some((e) => e === value)) {
    return `${path}: expected one of ${JSON.stringify(s.enum)}, found ${JSON.stringify(value)}`;
  }
  if (s.format === 'date-time' && typeof value === 'string' && !DATE_TIME.test(value)) {
    return `${path}: expected an RFC 3339 date-time, found ${JSON.stringify(value)}`;
  }
  if (Array.isArray(value) && s.items) {
    for (let i = 0; i < value.length; i++) {
      const failure = validateSchema(s.items, value[i], `${path}[${i}]`);
      if (failure) return failure;
    }
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) {
      if (!(key in obj)) return `${path}.${key}: required property is missing`;
    }
    for (const [key, v] of Object.entries(obj)) {
      const prop = s.properties?.[key];
      if (prop) {
        const failure = validateSchema(prop, v, `${path}.${key}`);
        if (failure) return failure;
      } else if (s.additionalProperties === false) {
        return `${path}.${key}: property is not allowed`;
      } else if (typeof s.additionalProperties === 'object') {
        const failure = validateSchema(s.additionalProperties, v, `${path}.${key}`);
        if (failure) return failure;
      }
    }
  }
  return undefined;
}
