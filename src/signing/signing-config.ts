// Sigstore SigningConfig (v0.2): which CA, transparency logs and timestamp authorities a signer
// uses. Pure: JSON in, chosen services out. The selection rules are the ones the spec states
// (protobuf-specs sigstore_trustroot.proto, SigningConfig / Service / ServiceConfiguration) and
// sigstore-go implements (pkg/root/signing_config.go SelectService / SelectServices, which
// cosign v3 calls from pkg/cosign/bundle/sign.go):
//   - keep services whose majorApiVersion the client speaks and whose validFor covers now
//     (inclusive of both ends);
//   - take only the highest such API version;
//   - newest validFor.start first, at most one service per operator;
//   - then the selector: ALL = every one, ANY = one, EXACT = `count` (error when fewer).
// Where the spec leaves the choice to the client (ANY, EXACT) we take the newest, so a run is
// reproducible; sigstore-go picks at random.
import { ProvenanceError } from '../errors.js';

export const SIGNING_CONFIG_MEDIA_TYPE = 'application/vnd.dev.sigstore.signingconfig.v0.2+json';
export const CLIENT_TRUST_CONFIG_MEDIA_TYPE =
  'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json';

export type Selector = 'ALL' | 'ANY' | 'EXACT';

export interface ServiceJson {
  url: string;
  majorApiVersion: number;
  validFor?: { start?: string; end?: string };
  operator?: string;
}

export interface ServiceConfigurationJson {
  selector: Selector;
  count?: number;
}

export interface SigningConfigJson {
  mediaType: string;
  caUrls: ServiceJson[];
  oidcUrls: ServiceJson[];
  rekorTlogUrls: ServiceJson[];
  rekorTlogConfig?: ServiceConfigurationJson;
  tsaUrls: ServiceJson[];
  tsaConfig?: ServiceConfigurationJson;
}

/** API versions this action speaks, per service kind. */
export const CA_API_VERSIONS = [1] as const;
export const TSA_API_VERSIONS = [1] as const;

function fail(origin: string, problem: string): never {
  throw new ProvenanceError('INPUT_INVALID', `${origin}: ${problem}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseTime(origin: string, field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    fail(origin, `${field} is not an RFC 3339 time`);
  return value;
}

function parseServices(origin: string, field: string, value: unknown): ServiceJson[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(origin, `${field} must be a list`);
  return value.map((s: unknown, i) => {
    const where = `${field}[${i}]`;
    if (!isObject(s)) fail(origin, `${where} must be an object`);
    if (typeof s.url !== 'string' || s.url === '') fail(origin, `${where}.url is missing`);
    const version = s.majorApiVersion ?? 0; // protobuf JSON omits zero values
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
      fail(origin, `${where}.majorApiVersion must be a whole number`);
    const validFor = s.validFor === undefined ? undefined : s.validFor;
    if (validFor !== undefined && !isObject(validFor))
      fail(origin, `${where}.validFor must be an object`);
    const start = parseTime(origin, `${where}.validFor.start`, validFor?.start);
    const end = parseTime(origin, `${where}.validFor.end`, validFor?.end);
    if (s.operator !== undefined && typeof s.operator !== 'string')
      fail(origin, `${where}.operator must be a string`);
    return {
      url: s.url,
      majorApiVersion: version,
      ...(validFor ? { validFor: { ...(start ? { start } : {}), ...(end ? { end } : {}) } } : {}),
      ...(typeof s.operator === 'string' ? { operator: s.operator } : {})
    };
  });
}

function parseServiceConfiguration(
  origin: string,
  field: string,
  value: unknown
): ServiceConfigurationJson | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(origin, `${field} must be an object`);
  const selector = value.selector;
  if (selector !== 'ALL' && selector !== 'ANY' && selector !== 'EXACT')
    fail(origin, `${field}.selector must be ALL, ANY or EXACT, found ${JSON.stringify(selector)}`);
  if (selector !== 'EXACT') return { selector };
  const count = value.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    fail(origin, `${field}: selector EXACT needs a count of at least 1`);
  return { selector, count };
}

/**
 * A SigningConfig from its JSON form, or the signingConfig inside a ClientTrustConfig (the file
 * `cosign trusted-root create` / private Sigstore deployments hand out). One clear line on error.
 */
export function parseSigningConfig(json: unknown, origin: string): SigningConfigJson {
  if (!isObject(json)) fail(origin, 'expected a SigningConfig or ClientTrustConfig JSON object');
  if (json.mediaType === CLIENT_TRUST_CONFIG_MEDIA_TYPE) {
    if (!isObject(json.signingConfig))
      fail(origin, 'the ClientTrustConfig has no signingConfig object');
    return parseSigningConfig(json.signingConfig, `${origin} (signingConfig)`);
  }
  if (json.mediaType !== SIGNING_CONFIG_MEDIA_TYPE)
    fail(
      origin,
      `expected mediaType ${SIGNING_CONFIG_MEDIA_TYPE} (or a ClientTrustConfig), found ${JSON.stringify(json.mediaType ?? null).slice(0, 80)}`
    );
  return {
    mediaType: json.mediaType,
    caUrls: parseServices(origin, 'caUrls', json.caUrls),
    oidcUrls: parseServices(origin, 'oidcUrls', json.oidcUrls),
    rekorTlogUrls: parseServices(origin, 'rekorTlogUrls', json.rekorTlogUrls),
    tsaUrls: parseServices(origin, 'tsaUrls', json.tsaUrls),
    ...optional(
      'rekorTlogConfig',
      parseServiceConfiguration(origin, 'rekorTlogConfig', json.rekorTlogConfig)
    ),
    ...optional('tsaConfig', parseServiceConfiguration(origin, 'tsaConfig', json.tsaConfig))
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** validFor covers `now`, both ends inclusive; a missing start or end is open. */
export function validAt(service: ServiceJson, now: Date): boolean {
  const start = service.validFor?.start ? Date.parse(service.validFor.start) : -Infinity;
  const end = service.validFor?.end ? Date.parse(service.validFor.end) : Infinity;
  return start <= now.getTime() && now.getTime() <= end;
}

const startOf = (s: ServiceJson) => (s.validFor?.start ? Date.parse(s.validFor.start) : 0);

export type SelectionResult =
  { ok: true; services: ServiceJson[]; version: number } | { ok: false; problem: string };

/**
 * The services to use from `services`, given the API versions the client speaks (highest first
 * wins) and the configuration's selector (absent: one service, as for caUrls).
 */
export function selectServices(
  services: readonly ServiceJson[],
  versions: readonly number[],
  now: Date,
  config: ServiceConfigurationJson = { selector: 'ANY' }
): SelectionResult {
  const newestFirst = [...services].sort((a, b) => startOf(b) - startOf(a));
  for (const version of [...versions].sort((a, b) => b - a)) {
    const operators = new Set<string>();
    const candidates: ServiceJson[] = [];
    for (const s of newestFirst) {
      if (s.majorApiVersion !== version || !validAt(s, now)) continue;
      // Services without an operator each count as their own operator.
      const operator = s.operator ?? `#${candidates.length}:${s.url}`;
      if (operators.has(operator)) continue;
      operators.add(operator);
      candidates.push(s);
    }
    if (candidates.length === 0) continue;
    switch (config.selector) {
      case 'ALL':
        return { ok: true, services: candidates, version };
      case 'ANY':
        return { ok: true, services: candidates.slice(0, 1), version };
      case 'EXACT': {
        const count = config.count ?? 1;
        if (candidates.length < count)
          return {
            ok: false,
            problem: `selector EXACT asks for ${count} services of API version ${version}, only ${candidates.length} from distinct operators are valid now`
          };
        return { ok: true, services: candidates.slice(0, count), version };
      }
    }
  }
  const offered =
    services.length === 0
      ? 'none listed'
      : services
          .map((s) => `${s.url} (v${s.majorApiVersion}${validAt(s, now) ? '' : ', not valid now'})`)
          .join(', ');
  return {
    ok: false,
    problem: `none with API version ${versions.join(' or ')} valid at ${now.toISOString()} (offered: ${offered})`
  };
}
