// A small OCI distribution client over fetch: manifests (HEAD/GET/PUT) and blobs (HEAD, then a
// monolithic POST+PUT upload). It answers auth challenges (Basic, or a Bearer token from the
// challenge's realm as ghcr.io and Docker Hub use), retries 5xx/429 within a bounded policy, and
// turns failures into ProvenanceError('REGISTRY_ERROR') messages that never contain secrets.
import { createHash } from 'node:crypto';
import { ProvenanceError } from '../../errors.js';
import type { RegistryCredentials } from './credentials.js';
import { registryBaseUrl } from './reference.js';
import {
  DEFAULT_RETRY,
  isRetryableStatus,
  retryDelayMs,
  sleep,
  type RetryPolicy
} from './retry.js';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export interface FetchedManifest {
  descriptor: Descriptor;
  body: Buffer;
}

export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
];

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RegistryClientOptions {
  retry?: RetryPolicy;
  fetch?: FetchLike;
}

interface Challenge {
  scheme: 'basic' | 'bearer';
  params: Record<string, string>;
}

export function sha256Digest(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*(Basic|Bearer)\b(.*)$/i.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const [, key, value] of (match[2] ?? '').matchAll(/([A-Za-z_]+)="([^"]*)"/g))
    if (key !== undefined && value !== undefined) params[key.toLowerCase()] = value;
  return { scheme: (match[1] ?? '').toLowerCase() as Challenge['scheme'], params };
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

export class RegistryClient {
  readonly host: string;
  readonly repository: string;
  private readonly base: string;
  private readonly credentials: RegistryCredentials | undefined;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: FetchLike;
  private authorization: string | undefined;

  constructor(
    target: { apiHost: string; repository: string },
    credentials: RegistryCredentials | undefined,
    options: RegistryClientOptions = {}
  ) {
    this.host = target.apiHost;
    this.repository = target.repository;
    this.base = registryBaseUrl(target.apiHost);
    this.credentials = credentials;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  }

  /** The manifest's descriptor, or undefined when the registry does not have it. */
  async headManifest(reference: string): Promise<Descriptor | undefined> {
    const res = await this.send('HEAD', this.manifestPath(reference), {
      headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') }
    });
    if (res.status === 404) return undefined;
    this.expect(res, [200], 'HEAD', this.manifestPath(reference));
    return {
      mediaType: (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '',
      digest: res.headers.get('docker-content-digest') ?? '',
      size: Number(res.headers.get('content-length') ?? 0)
    };
  }

  /** The manifest bytes and descriptor, or undefined when the registry does not have it. */
  async getManifest(reference: string): Promise<FetchedManifest | undefined> {
    const path = this.manifestPath(reference);
    const res = await this.send('GET', path, {
      headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') }
    });
    if (res.status === 404) return undefined;
    this.expect(res, [200], 'GET', path);
    const body = Buffer.from(await res.arrayBuffer());
    const digest = sha256Digest(body);
    const announced = res.headers.get('docker-content-digest');
    if (announced && announced !== digest)
      throw this.error(
        `returned manifest ${reference} with digest ${digest}, but announced ${announced}`
      );
    if (reference.startsWith('sha256:') && reference !== digest)
      throw this.error(`returned a manifest with digest ${digest} when asked for ${reference}`);
    return {
      descriptor: {
        mediaType: (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '',
        digest,
        size: body.length
      },
      body
    };
  }

  /** PUTs a manifest under `reference` (a tag or its digest); returns its descriptor. */
  async putManifest(reference: string, body: Buffer, mediaType: string): Promise<Descriptor> {
    const path = this.manifestPath(reference);
    const res = await this.send('PUT', path, { headers: { 'content-type': mediaType }, body });
    this.expect(res, [201], 'PUT', path);
    return { mediaType, digest: sha256Digest(body), size: body.length };
  }

  async hasBlob(digest: string): Promise<boolean> {
    const path = `/v2/${this.repository}/blobs/${digest}`;
    const res = await this.send('HEAD', path, {});
    if (res.status === 404) return false;
    // a 307 means the registry redirects to its storage: the blob exists
    this.expect(res, [200, 307], 'HEAD', path);
    return true;
  }

  /** Uploads a blob unless the registry already has it (monolithic upload: POST, then PUT). */
  async uploadBlob(data: Buffer, mediaType: string): Promise<Descriptor> {
    const descriptor = { mediaType, digest: sha256Digest(data), size: data.length };
    if (await this.hasBlob(descriptor.digest)) return descriptor;
    const startPath = `/v2/${this.repository}/blobs/uploads/`;
    const started = await this.send('POST', startPath, {});
    this.expect(started, [202], 'POST', startPath);
    const location = started.headers.get('location');
    if (!location) throw this.error(`answered POST ${startPath} without a Location header`);
    const uploadUrl = new URL(location, this.base + startPath);
    uploadUrl.searchParams.set('digest', descriptor.digest);
    const done = await this.send('PUT', uploadUrl.href, {
      headers: { 'content-type': 'application/octet-stream' },
      body: data
    });
    this.expect(done, [201], 'PUT', uploadUrl.pathname);
    return descriptor;
  }

  private manifestPath(reference: string): string {
    return `/v2/${this.repository}/manifests/${reference}`;
  }

  private error(problem: string): ProvenanceError {
    return new ProvenanceError('REGISTRY_ERROR', `registry ${this.host}: ${problem}`);
  }

  private expect(res: Response, statuses: number[], method: string, path: string): void {
    if (statuses.includes(res.status)) return;
    const who = this.credentials ? `user "${this.credentials.username}"` : 'anonymous access';
    if (res.status === 401)
      throw this.error(
        this.credentials
          ? `rejected the credentials of ${who} for ${this.repository} (401); check the username and password/token`
          : `requires authentication for ${this.repository} (401) and no credentials were given; pass registry credentials or run docker login`
      );
    if (res.status === 403)
      throw this.error(
        `denied ${who} access to ${this.repository} for ${method} (403); the credentials need push permission on this repository`
      );
    throw this.error(`answered ${method} ${path} with unexpected status ${res.status}`);
  }

  /**
   * One request with retries and auth. `target` is a path on the registry or an absolute URL
   * (upload locations); credentials only ever go to the registry's own origin.
   */
  private async send(
    method: string,
    target: string,
    init: { headers?: Record<string, string>; body?: Buffer }
  ): Promise<Response> {
    const url = target.startsWith('/') ? this.base + target : target;
    const sameOrigin = new URL(url).origin === new URL(this.base).origin;
    const started = Date.now();
    let answeredChallenge = false;
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      const headers: Record<string, string> = { ...init.headers };
      if (sameOrigin && this.authorization) headers.authorization = this.authorization;
      let res: Response;
      try {
        res = await this.fetchImpl(url, {
          method,
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.retry.timeoutMs),
          ...(init.body ? { body: new Uint8Array(init.body) } : {})
        });
      } catch (e) {
        lastProblem =
          e instanceof Error && e.name === 'TimeoutError'
            ? `did not answer within ${this.retry.timeoutMs} ms`
            : `could not be reached (${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)})`;
        if (!(await this.waitBeforeRetry(attempt, started, null))) break;
        continue;
      }
      if (res.status === 401 && sameOrigin && !answeredChallenge) {
        answeredChallenge = true;
        await res.body?.cancel();
        if (await this.answerChallenge(res.headers.get('www-authenticate'))) {
          attempt--; // the challenge round trip is not a failed attempt
          continue;
        }
        return res;
      }
      if (!isRetryableStatus(res.status)) return res;
      lastProblem = `kept answering ${res.status}`;
      const retryAfter = res.headers.get('retry-after');
      await res.body?.cancel();
      if (!(await this.waitBeforeRetry(attempt, started, retryAfter))) break;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    throw this.error(
      `${lastProblem} to ${method} ${new URL(url).pathname} (gave up after ${this.retry.attempts} attempts or ${seconds}s); nothing was published by this request, try again later`
    );
  }

  private async waitBeforeRetry(
    attempt: number,
    started: number,
    retryAfter: string | null
  ): Promise<boolean> {
    if (attempt >= this.retry.attempts) return false;
    const delay = retryDelayMs(this.retry, attempt, retryAfter);
    if (Date.now() - started + delay > this.retry.budgetMs) return false;
    await sleep(delay);
    return true;
  }

  /** Sets the Authorization header a 401 challenge asks for; false when we have nothing to offer. */
  private async answerChallenge(header: string | null): Promise<boolean> {
    const challenge = parseChallenge(header);
    if (!challenge) return false;
    if (challenge.scheme === 'basic') {
      if (!this.credentials || this.authorization) return false;
      this.authorization = basic(this.credentials);
      return true;
    }
    const realm = challenge.params.realm;
    if (!realm) return false;
    const tokenUrl = new URL(realm);
    if (tokenUrl.protocol !== 'https:' && registryBaseUrl(tokenUrl.host).startsWith('https'))
      throw this.error(
        `sent a token realm over plain http (${tokenUrl.origin}); refusing to send credentials there`
      );
    if (challenge.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
    // we publish, so ask for push as well as pull regardless of what this request needed
    tokenUrl.searchParams.set('scope', `repository:${this.repository}:pull,push`);
    const headers: Record<string, string> = {};
    if (this.credentials) headers.authorization = basic(this.credentials);
    let res: Response;
    try {
      res = await this.fetchImpl(tokenUrl.href, {
        method: 'GET',
        headers,
        signal: AbortSignal.timeout(this.retry.timeoutMs)
      });
    } catch (e) {
      throw this.error(
        `token service ${tokenUrl.origin} could not be reached (${e instanceof Error ? e.message : String(e)})`
      );
    }
    if (res.status === 401 || res.status === 403)
      throw this.error(
        this.credentials
          ? `token service ${tokenUrl.origin} rejected the credentials of user "${this.credentials.username}" (${res.status})`
          : `token service ${tokenUrl.origin} refused anonymous access (${res.status}); pass registry credentials`
      );
    if (res.status !== 200)
      throw this.error(`token service ${tokenUrl.origin} answered ${res.status}`);
    const json = (await res.json()) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) throw this.error(`token service ${tokenUrl.origin} returned no token`);
    this.authorization = `Bearer ${token}`;
    return true;
  }
}
