// A small read-only OCI distribution client: manifests, blobs and the referrers API, with
// the bearer-token challenge and basic auth. Every manifest and blob fetched by digest is
// hashed and compared before use; sizes are capped because a registry is untrusted.
import { createHash } from 'node:crypto';
import { ProvenanceError, describeError } from '../../../errors.js';
import type { RegistryCredentials } from './docker-config.js';
import { parseChallenge } from './www-authenticate.js';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_BLOB_BYTES = 64 * 1024 * 1024;

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface Manifest {
  mediaType?: string;
  artifactType?: string;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  annotations?: Record<string, string>;
}

export interface RegistryClientOptions {
  baseUrl: string;
  repository: string;
  credentials?: RegistryCredentials;
  fetch?: typeof fetch;
}

export class RegistryClient {
  private readonly fetchImpl: typeof fetch;
  private authorization: string | undefined;

  constructor(private readonly options: RegistryClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** The manifest at a tag or digest, or undefined when the registry has none (404). */
  async manifest(reference: string): Promise<Manifest | undefined> {
    const response = await this.get(
      `manifests/${reference}`,
      [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST].join(', ')
    );
    if (response.status === 404) return undefined;
    const body = await this.body(response, MAX_MANIFEST_BYTES, `manifest ${reference}`);
    if (reference.startsWith('sha256:')) checkDigest(body, reference, `manifest ${reference}`);
    return parseJson(body, `manifest ${reference}`) as Manifest;
  }

  async blob(digest: string): Promise<Buffer> {
    const response = await this.get(`blobs/${digest}`, '*/*');
    if (response.status === 404)
      throw this.error(`blob ${digest}: expected it in the registry, found 404`);
    const body = await this.body(response, MAX_BLOB_BYTES, `blob ${digest}`);
    checkDigest(body, digest, `blob ${digest}`);
    return body;
  }

  /** The OCI 1.1 referrers index, or undefined when the registry has no referrers API. */
  async referrers(digest: string): Promise<Manifest | undefined> {
    const response = await this.get(`referrers/${digest}`, OCI_INDEX);
    if (response.status === 404 || response.status === 405) {
      await response.body?.cancel();
      return undefined;
    }
    const body = await this.body(response, MAX_MANIFEST_BYTES, `referrers of ${digest}`);
    if (!(response.headers.get('content-type') ?? '').includes(OCI_INDEX)) return undefined;
    return parseJson(body, `referrers of ${digest}`) as Manifest;
  }

  private async get(path: string, accept: string): Promise<Response> {
    const url = `${this.options.baseUrl}/v2/${this.options.repository}/${path}`;
    let response = await this.send(url, accept);
    if (response.status === 401) {
      const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
      await response.body?.cancel();
      this.authorization = await this.answer(challenge, url);
      response = await this.send(url, accept);
    }
    if (response.status !== 200 && response.status !== 404 && response.status !== 405) {
      await response.body?.cancel();
      throw this.error(`GET ${url}: expected 200, found ${response.status}`);
    }
    return response;
  }

  private async send(url: string, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (this.authorization) headers.authorization = this.authorization;
    try {
      return await this.fetchImpl(url, { headers, redirect: 'follow' });
    } catch (error) {
      throw this.error(`GET ${url}: ${describeError(error)}`);
    }
  }

  private async answer(challenge: ReturnType<typeof parseChallenge>, url: string): Promise<string> {
    const credentials = this.options.credentials;
    if (challenge?.scheme === 'basic') {
      if (!credentials)
        throw this.error(
          `GET ${url}: the registry wants basic auth, found no credentials in the docker config`
        );
      return basic(credentials);
    }
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) {
      throw this.error(`GET ${url}: expected a Bearer or Basic challenge, found none`);
    }
    const tokenUrl = new URL(challenge.params.realm);
    // Credentials never travel in clear text to a token service of an https registry.
    if (this.options.baseUrl.startsWith('https:') && tokenUrl.protocol !== 'https:') {
      throw this.error(`token realm: expected an https URL, found ${tokenUrl.href}`);
    }
    if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
    tokenUrl.searchParams.set(
      'scope',
      challenge.params.scope ?? `repository:${this.options.repository}:pull`
    );
    const headers: Record<string, string> = credentials
      ? { authorization: basic(credentials) }
      : {};
    let response: Response;
    try {
      response = await this.fetchImpl(tokenUrl, { headers });
    } catch (error) {
      throw this.error(`token ${tokenUrl.origin}: ${describeError(error)}`);
    }
    if (response.status !== 200)
      throw this.error(`token ${tokenUrl.origin}: expected 200, found ${response.status}`);
    const json = parseJson(
      await this.body(response, MAX_MANIFEST_BYTES, 'token'),
      'token response'
    ) as { token?: unknown; access_token?: unknown };
    const token = typeof json.token === 'string' ? json.token : json.access_token;
    if (typeof token !== 'string' || token === '')
      throw this.error('token response: expected a token, found none');
    return `Bearer ${token}`;
  }

  private async body(response: Response, limit: number, what: string): Promise<Buffer> {
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > limit)
      throw this.error(`${what}: ${declared} bytes exceeds the ${limit}-byte limit`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > limit)
      throw this.error(`${what}: ${bytes.length} bytes exceeds the ${limit}-byte limit`);
    return bytes;
  }

  private error(message: string): ProvenanceError {
    return new ProvenanceError('REGISTRY_ERROR', `registry ${this.options.baseUrl}: ${message}`);
  }
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

function checkDigest(body: Buffer, digest: string, what: string): void {
  if (!digest.startsWith('sha256:'))
    throw new ProvenanceError(
      'REGISTRY_ERROR',
      `${what}: expected a sha256 digest, found ${digest}`
    );
  const found = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (found !== digest)
    throw new ProvenanceError(
      'REGISTRY_ERROR',
      `${what}: expected content with digest ${digest}, found ${found}`
    );
}

function parseJson(body: Buffer, what: string): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ProvenanceError('REGISTRY_ERROR', `${what}: expected JSON, found unparsable content`);
  }
}
