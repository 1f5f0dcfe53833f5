// A small OCI distribution client over fetch, shared by the publisher and the verifier:
// manifests (HEAD/GET/PUT), blobs (GET, HEAD, monolithic POST+PUT upload) and the referrers API.
// Safety rules, for every caller:
//  - auth challenges answered (Basic, or a Bearer token from the challenge's realm as ghcr.io and
//    Docker Hub use); a plain-http realm only for a loopback realm of a loopback registry;
//  - credentials only ever go to the registry's own origin (upload locations and redirects to
//    storage get none), and redirects never lead to plain http outside loopback;
//  - 5xx/429 and network failures retried within the shared bounded policy (src/http/retry.ts);
//  - everything fetched by digest is hashed and compared, a manifest also against the digest the
//    registry announces; every body read is size-capped, because a registry is untrusted.
// Failures become ProvenanceError('REGISTRY_ERROR') worded by the caller (see RegistryWording),
// and never contain secrets.
import { createHash } from 'node:crypto';
import { ProvenanceError } from '../errors.js';
import { isRetryableStatus, retryAfterMs, withRetries, type RetryPolicy } from '../http/retry.js';
import type { RegistryCredentials } from './credentials.js';
import { isLoopbackHost, registryBaseUrl } from './reference.js';
import { parseChallenge } from './www-authenticate.js';
import {
  defaultWording,
  type RegistryIdentity,
  type RegistryProblem,
  type RegistryWording
} from './registry-wording.js';

export type { RegistryIdentity, RegistryProblem, RegistryWording } from './registry-wording.js';

/** What we know of content we computed or were told about: always complete. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

/** A descriptor as read from a registry's manifest or index: untrusted, fields may be missing. */
export interface ManifestEntry {
  mediaType?: string;
  digest: string;
  size?: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface Manifest {
  mediaType?: string;
  artifactType?: string;
  layers?: ManifestEntry[];
  manifests?: ManifestEntry[];
  annotations?: Record<string, string>;
}

export interface FetchedManifest {
  descriptor: Descriptor;
  body: Buffer;
}

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MANIFEST_MEDIA_TYPES = [
  OCI_INDEX,
  OCI_MANIFEST,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
];
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const DEFAULT_REGISTRY_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  budgetMs: 60_000,
  timeoutMs: 30_000
};

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RegistryClientOptions {
  retry?: RetryPolicy;
  fetch?: FetchLike;
  /** Token scope asked for up front: readers pull; the publisher asks for pull,push. */
  access?: 'pull' | 'pull,push';
  /** How failures read; defaults to the publisher's wording. */
  wording?: RegistryWording;
}

export function sha256Digest(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

function mediaTypeOf(res: Response): string {
  return (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
}

/** Network failure or timeout, described without the request's headers. */
function describeFailure(e: unknown, timeoutMs: number): string {
  // Not `instanceof Error`: fetch's errors may come from another realm (jest's VM).
  const err =
    typeof e === 'object' && e !== null
      ? (e as { name?: unknown; message?: unknown; cause?: { message?: unknown } })
      : undefined;
  if (err?.name === 'TimeoutError') return `did not answer within ${timeoutMs} ms`;
  const cause = typeof err?.cause?.message === 'string' ? err.cause.message : undefined;
  return `could not be reached (${cause ?? (typeof err?.message === 'string' ? err.message : String(e))})`;
}

export class RegistryClient {
  readonly host: string;
  readonly repository: string;
  private readonly base: string;
  private readonly credentials: RegistryCredentials | undefined;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: FetchLike;
  private readonly access: string;
  private readonly wording: RegistryWording;
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
    this.retry = options.retry ?? DEFAULT_REGISTRY_RETRY;
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
    this.access = options.access ?? 'pull';
    this.wording = options.wording ?? defaultWording;
  }

  /** The manifest's descriptor, or undefined when the registry does not have it. */
  async headManifest(reference: string): Promise<Descriptor | undefined> {
    const res = await this.send('HEAD', this.manifestPath(reference), {
      headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') }
    });
    if (res.status === 404) return undefined;
    this.expect(res, [200], 'HEAD', this.manifestPath(reference));
    return {
      mediaType: mediaTypeOf(res),
      digest: res.headers.get('docker-content-digest') ?? '',
      size: Number(res.headers.get('content-length') ?? 0)
    };
  }

  /** The manifest bytes and descriptor (digest-checked), or undefined when there is none. */
  async getManifest(reference: string): Promise<FetchedManifest | undefined> {
    const path = this.manifestPath(reference);
    const res = await this.get(path, MANIFEST_MEDIA_TYPES.join(', '));
    if (res.status === 404) return undefined;
    this.expect(res, [200], 'GET', path);
    const what = `manifest ${reference}`;
    const body = await this.read(res, MAX_MANIFEST_BYTES, what);
    const digest = sha256Digest(body);
    const announced = res.headers.get('docker-content-digest');
    if (announced && announced !== digest)
      throw this.fail({ kind: 'announced-mismatch', reference, found: digest, announced });
    if (reference.startsWith('sha256:') && reference !== digest)
      throw this.fail({ kind: 'digest-mismatch', what, expected: reference, found: digest });
    return { descriptor: { mediaType: mediaTypeOf(res), digest, size: body.length }, body };
  }

  /** The parsed manifest or index at a tag or digest, or undefined when there is none. */
  async manifest(reference: string): Promise<Manifest | undefined> {
    const fetched = await this.getManifest(reference);
    return fetched && (this.parseJson(fetched.body, `manifest ${reference}`) as Manifest);
  }

  /** PUTs a manifest under `reference` (a tag or its digest); returns its descriptor. */
  async putManifest(reference: string, body: Buffer, mediaType: string): Promise<Descriptor> {
    const path = this.manifestPath(reference);
    const res = await this.send('PUT', path, { headers: { 'content-type': mediaType }, body });
    this.expect(res, [201], 'PUT', path);
    return { mediaType, digest: sha256Digest(body), size: body.length };
  }

  /** A blob's bytes, checked against its digest. */
  async blob(digest: string): Promise<Buffer> {
    const res = await this.get(`/v2/${this.repository}/blobs/${digest}`, '*/*');
    if (res.status === 404) {
      await res.body?.cancel();
      throw this.fail({ kind: 'blob-missing', digest });
    }
    this.expect(res, [200], 'GET', `/v2/${this.repository}/blobs/${digest}`);
    const what = `blob ${digest}`;
    const body = await this.read(res, MAX_BLOB_BYTES, what);
    const found = sha256Digest(body);
    if (found !== digest)
      throw this.fail({ kind: 'digest-mismatch', what, expected: digest, found });
    return body;
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
    if (!location)
      throw this.fail({ kind: 'no-location', method: 'POST', url: new URL(this.base + startPath) });
    const uploadUrl = new URL(location, this.base + startPath);
    uploadUrl.searchParams.set('digest', descriptor.digest);
    const done = await this.send('PUT', uploadUrl.href, {
      headers: { 'content-type': 'application/octet-stream' },
      body: data
    });
    this.expect(done, [201], 'PUT', uploadUrl.href);
    return descriptor;
  }

  /** The OCI 1.1 referrers index, or undefined when the registry has no referrers API. */
  async referrers(digest: string): Promise<Manifest | undefined> {
    const path = `/v2/${this.repository}/referrers/${digest}`;
    const res = await this.get(path, OCI_INDEX);
    if (res.status === 404 || res.status === 405) {
      await res.body?.cancel();
      return undefined;
    }
    this.expect(res, [200], 'GET', path);
    const what = `referrers of ${digest}`;
    const body = await this.read(res, MAX_MANIFEST_BYTES, what);
    if (!(res.headers.get('content-type') ?? '').includes(OCI_INDEX)) return undefined;
    return this.parseJson(body, what) as Manifest;
  }

  private manifestPath(reference: string): string {
    return `/v2/${this.repository}/manifests/${reference}`;
  }

  private get identity(): RegistryIdentity {
    return {
      host: this.host,
      baseUrl: this.base,
      repository: this.repository,
      username: this.credentials?.username
    };
  }

  private fail(problem: RegistryProblem): ProvenanceError {
    return new ProvenanceError('REGISTRY_ERROR', this.wording(problem, this.identity));
  }

  private expect(res: Response, statuses: number[], method: string, target: string): void {
    if (statuses.includes(res.status)) return;
    void res.body?.cancel().catch(() => undefined);
    const url = new URL(target.startsWith('/') ? this.base + target : target);
    throw this.fail({ kind: 'status', method, url, status: res.status, expected: statuses });
  }

  /** A body of at most `limit` bytes, declared or streamed. */
  private async read(res: Response, limit: number, what: string): Promise<Buffer> {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limit) {
      await res.body?.cancel();
      throw this.fail({ kind: 'too-large', what, bytes: declared, limit });
    }
    if (!res.body) return Buffer.alloc(0);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > limit) throw this.fail({ kind: 'too-large', what, bytes: total, limit });
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  private parseJson(body: Buffer, what: string): unknown {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw this.fail({ kind: 'not-json', what });
    }
  }

  /** A GET that follows redirects (blob storage), never to plain http outside loopback. */
  private async get(path: string, accept: string): Promise<Response> {
    let url = new URL(this.base + path);
    for (let hop = 0; ; hop++) {
      const res = await this.send('GET', url.href, { headers: { accept } });
      const location = res.headers.get('location');
      if (!REDIRECTS.has(res.status) || !location) return res;
      await res.body?.cancel();
      const next = new URL(location, url);
      if (hop >= MAX_REDIRECTS)
        throw this.fail({
          kind: 'redirect',
          method: 'GET',
          url,
          detail: `more than ${MAX_REDIRECTS} redirects`
        });
      if (
        next.protocol !== 'https:' &&
        !(next.protocol === 'http:' && isLoopbackHost(next.hostname))
      )
        throw this.fail({
          kind: 'redirect',
          method: 'GET',
          url,
          detail: `redirected to ${next.origin}, which is not https`
        });
      url = next;
    }
  }

  /**
   * One request with retries and auth. `target` is a path on the registry or an absolute URL
   * (upload locations, redirects); credentials only ever go to the registry's own origin.
   */
  private async send(
    method: string,
    target: string,
    init: { headers?: Record<string, string>; body?: Buffer }
  ): Promise<Response> {
    const url = new URL(target.startsWith('/') ? this.base + target : target);
    const sameOrigin = url.origin === new URL(this.base).origin;
    // Challenges answered for this request. Two rounds, not one: distribution's htpasswd check
    // has been seen to refuse a valid Basic login once under load; a wrong password still
    // ends in a 401 after the second round.
    let challengeRounds = 0;
    const result = await withRetries<Response>(this.retry, async () => {
      for (;;) {
        const headers: Record<string, string> = { ...init.headers };
        if (sameOrigin && this.authorization) headers.authorization = this.authorization;
        let res: Response;
        try {
          res = await this.fetchImpl(url.href, {
            method,
            headers,
            redirect: 'manual',
            signal: AbortSignal.timeout(this.retry.timeoutMs),
            ...(init.body ? { body: new Uint8Array(init.body) } : {})
          });
        } catch (e) {
          return { retry: describeFailure(e, this.retry.timeoutMs) };
        }
        if (res.status === 401 && sameOrigin && challengeRounds < 2) {
          challengeRounds++;
          await res.body?.cancel();
          // the challenge round trip is not a failed attempt: send again at once
          if (await this.answerChallenge(res.headers.get('www-authenticate'))) continue;
          return { done: res };
        }
        if (!isRetryableStatus(res.status)) return { done: res };
        const retryAfter = res.headers.get('retry-after');
        await res.body?.cancel();
        return { retry: `kept answering ${res.status}`, retryAfterMs: retryAfterMs(retryAfter) };
      }
    });
    if (result.ok) return result.value;
    throw this.fail({
      kind: 'gave-up',
      method,
      url,
      detail: result.problem,
      attempts: this.retry.attempts,
      seconds: (result.elapsedMs / 1000).toFixed(1)
    });
  }

  /** Sets the Authorization header a 401 challenge asks for; false when we have nothing to offer. */
  private async answerChallenge(header: string | null): Promise<boolean> {
    const challenge = parseChallenge(header);
    if (challenge?.scheme === 'basic') {
      if (!this.credentials) return false;
      this.authorization = basic(this.credentials);
      return true;
    }
    const realm = challenge?.scheme === 'bearer' ? challenge.params.realm : undefined;
    if (!realm || !URL.canParse(realm)) return false;
    const tokenUrl = new URL(realm);
    // Credentials never travel in clear text: plain http only from a loopback registry to a
    // loopback token service.
    const loopbackPlain =
      tokenUrl.protocol === 'http:' &&
      isLoopbackHost(tokenUrl.hostname) &&
      this.base.startsWith('http:');
    if (tokenUrl.protocol !== 'https:' && !loopbackPlain)
      throw this.fail({ kind: 'realm-insecure', realm: tokenUrl });
    if (challenge?.params.service) tokenUrl.searchParams.set('service', challenge.params.service);
    // our own scope, never one the registry suggests; the publisher asks for push up front
    tokenUrl.searchParams.set('scope', `repository:${this.repository}:${this.access}`);
    const headers: Record<string, string> = {};
    if (this.credentials) headers.authorization = basic(this.credentials);
    let res: Response;
    try {
      res = await this.fetchImpl(tokenUrl.href, {
        method: 'GET',
        headers,
        redirect: 'manual', // the credentials go to the realm and nowhere else
        signal: AbortSignal.timeout(this.retry.timeoutMs)
      });
    } catch (e) {
      throw this.fail({
        kind: 'token-unreachable',
        realm: tokenUrl,
        detail: describeFailure(e, this.retry.timeoutMs)
      });
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw this.fail({ kind: 'token-status', realm: tokenUrl, status: res.status });
    }
    const json = this.parseJson(
      await this.read(res, MAX_MANIFEST_BYTES, 'token response'),
      'token response'
    ) as { token?: unknown; access_token?: unknown } | null;
    const token =
      typeof json?.token === 'string' && json.token !== '' ? json.token : json?.access_token;
    if (typeof token !== 'string' || token === '')
      throw this.fail({ kind: 'token-missing', realm: tokenUrl });
    this.authorization = `Bearer ${token}`;
    return true;
  }
}
