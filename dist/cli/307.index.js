export const id = 307;
export const ids = [307];
export const modules = {

/***/ 307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyImageCommand: () => (/* binding */ verifyImageCommand)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/verify/policy/select-envelope.ts + 30 modules
var select_envelope = __webpack_require__(1211);
// EXTERNAL MODULE: ./src/verify/cli/args.ts
var cli_args = __webpack_require__(8703);
// EXTERNAL MODULE: ./src/verify/cli/help.ts
var help = __webpack_require__(8433);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/oci/credentials.ts
// Registry credentials the way docker finds them: $DOCKER_CONFIG/config.json or
// ~/.docker/config.json (what `docker login` writes), `auths` keyed by registry host or URL
// (Docker Hub also as its v1 URL), each with base64 `auth` = user:password, explicit
// username/password, and optionally an identitytoken that replaces the password.




const DOCKER_HUB_KEYS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function dockerConfigPath(env = process.env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
/** `https://index.docker.io/v1/` → docker.io, `https://ghcr.io/v2/` → ghcr.io. */
function canonicalRegistryKey(key) {
    const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
    return DOCKER_HUB_KEYS.has(host) ? 'docker.io' : host;
}
/** Credentials for `registry` in a docker config file; undefined when none apply (anonymous). */
async function dockerConfigCredentials(registry, configPath = dockerConfigPath()) {
    let text;
    try {
        text = await (0,promises_.readFile)(configPath, 'utf8');
    }
    catch {
        return undefined; // no docker config: anonymous access, as docker itself would be
    }
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `docker config ${configPath}: expected JSON, found unparsable text`);
    }
    const auths = config?.auths;
    if (typeof auths !== 'object' || auths === null)
        return undefined;
    const target = canonicalRegistryKey(registry);
    // exact host match: never send one registry's credentials to a similarly named one
    for (const [key, entry] of Object.entries(auths)) {
        if (canonicalRegistryKey(key) !== target || typeof entry !== 'object' || entry === null)
            continue;
        const found = readEntry(entry, key, configPath);
        if (found)
            return found;
    }
    return undefined;
}
function readEntry(entry, key, configPath) {
    let found;
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0)
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `docker config ${configPath}: auths["${key}"].auth: expected base64 of user:password`);
        found = { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    else if (typeof entry.username === 'string' && typeof entry.password === 'string') {
        found = { username: entry.username, password: entry.password };
    }
    if (found && typeof entry.identitytoken === 'string' && entry.identitytoken !== '')
        return { ...found, password: entry.identitytoken };
    return found;
}
/** Explicit credentials (both parts given) first, then the docker config, else anonymous. */
async function resolveCredentials(registry, explicit, configPath) {
    if (explicit && explicit.username !== '' && explicit.password !== '')
        return explicit;
    return dockerConfigCredentials(registry, configPath);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/http/retry.ts
// One retry policy for every network edge (OIDC/JWKS and run lookup, the GitHub REST API, OCI
// registries): a bounded number of attempts AND a total time budget, whichever runs out first;
// exponential backoff unless the server says Retry-After; one rule for what is worth retrying.
// Callers keep their own requests and error messages: this module only decides when to wait.
/** 429 and 5xx are transient; 501 and 505 mean the server will never do it, so never retried. */
function isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}
/** Retry-After as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfterMs(header, now = Date.now()) {
    if (!header)
        return undefined;
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    if (!/[A-Za-z]/.test(trimmed))
        return undefined; // "1.5" is no date, whatever Date.parse thinks
    const at = Date.parse(trimmed);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/** The wait before attempt `attempt + 1`: the server's hint if it gave one, else backoff; capped. */
function backoffMs(policy, attempt, hintedMs) {
    const wanted = hintedMs ?? policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
    return Math.min(Math.max(0, wanted), policy.maxDelayMs);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Runs `attempt` until it is done or the policy is spent. Errors thrown by `attempt` are final
 * (not retried); transient failures are reported back as `{ ok: false }` for the caller to word.
 */
async function withRetries(policy, attempt, wait = sleep) {
    const started = Date.now();
    for (let n = 1;; n++) {
        const outcome = await attempt(n);
        if ('done' in outcome)
            return { ok: true, value: outcome.done };
        const delay = backoffMs(policy, n, outcome.retryAfterMs);
        const elapsedMs = Date.now() - started;
        if (n >= policy.attempts || elapsedMs + delay > policy.budgetMs)
            return { ok: false, problem: outcome.retry, attempts: n, elapsedMs };
        await wait(delay);
    }
}

;// CONCATENATED MODULE: ./src/oci/reference.ts
// Parses an image reference `registry/name@sha256:<hex>`, for the publisher and the verifier
// alike. Only digests are accepted: a tag can move, so an attestation (or a verification) must
// name the exact content, never "whatever the tag points at now".

const EXPECTED = 'image: expected IMAGE@sha256:<64 hex>';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
// distribution/reference's path grammar: lowercase components separated by . _ __ or dashes
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function invalid(image, problem) {
    return new errors/* ProvenanceError */.CG('INPUT_INVALID', `${EXPECTED}, found ${JSON.stringify(image)}: ${problem}`);
}
function looksLikeHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
function parseImageReference(image) {
    const trimmed = image.trim();
    if (trimmed === '')
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${EXPECTED}, found an empty string`);
    const at = trimmed.indexOf('@');
    if (at < 0) {
        const hasTag = trimmed.slice(trimmed.lastIndexOf('/') + 1).includes(':');
        if (hasTag)
            throw invalid(image, 'tags are refused because they can move; pass the digest instead (e.g. the `digest` output of docker/build-push-action)');
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${EXPECTED}, found no digest in ${JSON.stringify(image)}; pass the image digest`);
    }
    const digest = trimmed.slice(at + 1);
    if (!DIGEST.test(digest))
        throw invalid(image, `digest must be sha256: followed by 64 lowercase hex characters, found "${digest.slice(0, 80)}"`);
    let name = trimmed.slice(0, at);
    // NAME:tag@digest is allowed by the grammar; the digest wins and the tag is dropped
    const tagColon = name.lastIndexOf(':');
    if (tagColon > name.lastIndexOf('/'))
        name = name.slice(0, tagColon);
    const parts = name.split('/');
    let registry = 'docker.io';
    if (parts.length > 1 && looksLikeHost(parts[0] ?? ''))
        registry = parts.shift() ?? registry;
    if (!HOST.test(registry))
        throw invalid(image, `"${registry}" is not a valid registry host`);
    if (DOCKER_HUB.has(registry)) {
        registry = 'docker.io';
        if (parts.length === 1)
            parts.unshift('library');
    }
    for (const part of parts)
        if (!PATH_COMPONENT.test(part))
            throw invalid(image, `repository path component "${part}" must be lowercase letters, digits and separators (. _ -)`);
    return {
        registry,
        apiHost: registry === 'docker.io' ? 'registry-1.docker.io' : registry,
        repository: parts.join('/'),
        digest,
        digestTag: digest.replace(':', '-')
    };
}
/**
 * Where the registry API lives. Plain HTTP for loopback registries only, HTTPS for everything
 * else; Docker Hub's API host differs from its name.
 */
function registryBaseUrl(registry) {
    if (DOCKER_HUB.has(registry))
        return 'https://registry-1.docker.io';
    const hostname = registry.replace(/:[0-9]+$/, '');
    return `${isLoopbackHost(hostname) ? 'http' : 'https'}://${registry}`;
}
function isLoopbackHost(hostname) {
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

;// CONCATENATED MODULE: ./src/oci/www-authenticate.ts
function parseChallenge(header) {
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header ?? '');
    if (!match)
        return undefined;
    const params = {};
    const pattern = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const part of (match[2] ?? '').matchAll(pattern)) {
        params[part[1].toLowerCase()] =
            part[2] !== undefined ? part[2].replace(/\\(.)/g, '$1') : (part[3] ?? '');
    }
    return { scheme: match[1].toLowerCase(), params };
}

;// CONCATENATED MODULE: ./src/oci/registry-wording.ts
// What can go wrong talking to a registry, as data; each caller words it for its own users.
// The default wording is the publisher's: it names the registry host and says what to do next.
const defaultWording = (problem, registry) => `registry ${registry.host}: ${describe(problem, registry)}`;
function describe(problem, registry) {
    const who = registry.username ? `user "${registry.username}"` : 'anonymous access';
    switch (problem.kind) {
        case 'gave-up':
            return `${problem.detail} to ${problem.method} ${problem.url.pathname} (gave up after ${problem.attempts} attempts or ${problem.seconds}s); nothing was published by this request, try again later`;
        case 'status':
            if (problem.status === 401)
                return registry.username
                    ? `rejected the credentials of ${who} for ${registry.repository} (401); check the username and password/token`
                    : `requires authentication for ${registry.repository} (401) and no credentials were given; pass registry credentials or run docker login`;
            if (problem.status === 403)
                return `denied ${who} access to ${registry.repository} for ${problem.method} (403); the credentials need push permission on this repository`;
            return `answered ${problem.method} ${problem.url.pathname} with unexpected status ${problem.status}`;
        case 'no-location':
            return `answered ${problem.method} ${problem.url.pathname} without a Location header`;
        case 'redirect':
            return `${problem.method} ${problem.url.pathname}: ${problem.detail}`;
        case 'realm-insecure':
            return `sent a token realm over plain http (${problem.realm.origin}); refusing to send credentials there`;
        case 'token-unreachable':
            return `token service ${problem.realm.origin} ${problem.detail}`;
        case 'token-status':
            if (problem.status === 401 || problem.status === 403)
                return registry.username
                    ? `token service ${problem.realm.origin} rejected the credentials of ${who} (${problem.status})`
                    : `token service ${problem.realm.origin} refused anonymous access (${problem.status}); pass registry credentials`;
            return `token service ${problem.realm.origin} answered ${problem.status}`;
        case 'token-missing':
            return `token service ${problem.realm.origin} returned no token`;
        case 'too-large':
            return `sent ${problem.what} of ${problem.bytes} bytes, more than the ${problem.limit}-byte limit`;
        case 'not-json':
            return `sent ${problem.what} that is not valid JSON`;
        case 'digest-mismatch':
            return `returned ${problem.what.startsWith('blob') ? 'a blob' : 'a manifest'} with digest ${problem.found} when asked for ${problem.expected}`;
        case 'announced-mismatch':
            return `returned manifest ${problem.reference} with digest ${problem.found}, but announced ${problem.announced}`;
        case 'blob-missing':
            return `has no blob ${problem.digest} (404)`;
    }
}

;// CONCATENATED MODULE: ./src/oci/registry-client.ts
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






const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const MANIFEST_MEDIA_TYPES = [
    OCI_INDEX,
    OCI_MANIFEST,
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json'
];
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_BLOB_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_REGISTRY_RETRY = {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    budgetMs: 60_000,
    timeoutMs: 30_000
};
function sha256Digest(data) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex')}`;
}
function basic(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
function mediaTypeOf(res) {
    return (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
}
/** Network failure or timeout, described without the request's headers. */
function describeFailure(e, timeoutMs) {
    // Not `instanceof Error`: fetch's errors may come from another realm (jest's VM).
    const err = typeof e === 'object' && e !== null
        ? e
        : undefined;
    if (err?.name === 'TimeoutError')
        return `did not answer within ${timeoutMs} ms`;
    const cause = typeof err?.cause?.message === 'string' ? err.cause.message : undefined;
    return `could not be reached (${cause ?? (typeof err?.message === 'string' ? err.message : String(e))})`;
}
class RegistryClient {
    host;
    repository;
    base;
    credentials;
    retry;
    fetchImpl;
    access;
    wording;
    authorization;
    constructor(target, credentials, options = {}) {
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
    async headManifest(reference) {
        const res = await this.send('HEAD', this.manifestPath(reference), {
            headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') }
        });
        if (res.status === 404)
            return undefined;
        this.expect(res, [200], 'HEAD', this.manifestPath(reference));
        return {
            mediaType: mediaTypeOf(res),
            digest: res.headers.get('docker-content-digest') ?? '',
            size: Number(res.headers.get('content-length') ?? 0)
        };
    }
    /** The manifest bytes and descriptor (digest-checked), or undefined when there is none. */
    async getManifest(reference) {
        const path = this.manifestPath(reference);
        const res = await this.get(path, MANIFEST_MEDIA_TYPES.join(', '));
        if (res.status === 404)
            return undefined;
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
    async manifest(reference) {
        const fetched = await this.getManifest(reference);
        return fetched && this.parseJson(fetched.body, `manifest ${reference}`);
    }
    /** PUTs a manifest under `reference` (a tag or its digest); returns its descriptor. */
    async putManifest(reference, body, mediaType) {
        const path = this.manifestPath(reference);
        const res = await this.send('PUT', path, { headers: { 'content-type': mediaType }, body });
        this.expect(res, [201], 'PUT', path);
        return { mediaType, digest: sha256Digest(body), size: body.length };
    }
    /** A blob's bytes, checked against its digest. */
    async blob(digest) {
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
    async hasBlob(digest) {
        const path = `/v2/${this.repository}/blobs/${digest}`;
        const res = await this.send('HEAD', path, {});
        if (res.status === 404)
            return false;
        // a 307 means the registry redirects to its storage: the blob exists
        this.expect(res, [200, 307], 'HEAD', path);
        return true;
    }
    /** Uploads a blob unless the registry already has it (monolithic upload: POST, then PUT). */
    async uploadBlob(data, mediaType) {
        const descriptor = { mediaType, digest: sha256Digest(data), size: data.length };
        if (await this.hasBlob(descriptor.digest))
            return descriptor;
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
    async referrers(digest) {
        const path = `/v2/${this.repository}/referrers/${digest}`;
        const res = await this.get(path, OCI_INDEX);
        if (res.status === 404 || res.status === 405) {
            await res.body?.cancel();
            return undefined;
        }
        this.expect(res, [200], 'GET', path);
        const what = `referrers of ${digest}`;
        const body = await this.read(res, MAX_MANIFEST_BYTES, what);
        if (!(res.headers.get('content-type') ?? '').includes(OCI_INDEX))
            return undefined;
        return this.parseJson(body, what);
    }
    manifestPath(reference) {
        return `/v2/${this.repository}/manifests/${reference}`;
    }
    get identity() {
        return {
            host: this.host,
            baseUrl: this.base,
            repository: this.repository,
            username: this.credentials?.username
        };
    }
    fail(problem) {
        return new errors/* ProvenanceError */.CG('REGISTRY_ERROR', this.wording(problem, this.identity));
    }
    expect(res, statuses, method, target) {
        if (statuses.includes(res.status))
            return;
        void res.body?.cancel().catch(() => undefined);
        const url = new URL(target.startsWith('/') ? this.base + target : target);
        throw this.fail({ kind: 'status', method, url, status: res.status, expected: statuses });
    }
    /** A body of at most `limit` bytes, declared or streamed. */
    async read(res, limit, what) {
        const declared = Number(res.headers.get('content-length') ?? NaN);
        if (declared > limit) {
            await res.body?.cancel();
            throw this.fail({ kind: 'too-large', what, bytes: declared, limit });
        }
        if (!res.body)
            return Buffer.alloc(0);
        const chunks = [];
        let total = 0;
        for await (const chunk of res.body) {
            total += chunk.byteLength;
            if (total > limit)
                throw this.fail({ kind: 'too-large', what, bytes: total, limit });
            chunks.push(chunk);
        }
        return Buffer.concat(chunks);
    }
    parseJson(body, what) {
        try {
            return JSON.parse(body.toString('utf8'));
        }
        catch {
            throw this.fail({ kind: 'not-json', what });
        }
    }
    /** A GET that follows redirects (blob storage), never to plain http outside loopback. */
    async get(path, accept) {
        let url = new URL(this.base + path);
        for (let hop = 0;; hop++) {
            const res = await this.send('GET', url.href, { headers: { accept } });
            const location = res.headers.get('location');
            if (!REDIRECTS.has(res.status) || !location)
                return res;
            await res.body?.cancel();
            const next = new URL(location, url);
            if (hop >= MAX_REDIRECTS)
                throw this.fail({
                    kind: 'redirect',
                    method: 'GET',
                    url,
                    detail: `more than ${MAX_REDIRECTS} redirects`
                });
            if (next.protocol !== 'https:' &&
                !(next.protocol === 'http:' && isLoopbackHost(next.hostname)))
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
    async send(method, target, init) {
        const url = new URL(target.startsWith('/') ? this.base + target : target);
        const sameOrigin = url.origin === new URL(this.base).origin;
        // Challenges answered for this request. Two rounds, not one: distribution's htpasswd check
        // has been seen to refuse a valid Basic login once under load; a wrong password still
        // ends in a 401 after the second round.
        let challengeRounds = 0;
        const result = await withRetries(this.retry, async () => {
            for (;;) {
                const headers = { ...init.headers };
                if (sameOrigin && this.authorization)
                    headers.authorization = this.authorization;
                let res;
                try {
                    res = await this.fetchImpl(url.href, {
                        method,
                        headers,
                        redirect: 'manual',
                        signal: AbortSignal.timeout(this.retry.timeoutMs),
                        ...(init.body ? { body: new Uint8Array(init.body) } : {})
                    });
                }
                catch (e) {
                    return { retry: describeFailure(e, this.retry.timeoutMs) };
                }
                if (res.status === 401 && sameOrigin && challengeRounds < 2) {
                    challengeRounds++;
                    await res.body?.cancel();
                    // the challenge round trip is not a failed attempt: send again at once
                    if (await this.answerChallenge(res.headers.get('www-authenticate')))
                        continue;
                    return { done: res };
                }
                if (!isRetryableStatus(res.status))
                    return { done: res };
                const retryAfter = res.headers.get('retry-after');
                await res.body?.cancel();
                return { retry: `kept answering ${res.status}`, retryAfterMs: retryAfterMs(retryAfter) };
            }
        });
        if (result.ok)
            return result.value;
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
    async answerChallenge(header) {
        const challenge = parseChallenge(header);
        if (challenge?.scheme === 'basic') {
            if (!this.credentials)
                return false;
            this.authorization = basic(this.credentials);
            return true;
        }
        const realm = challenge?.scheme === 'bearer' ? challenge.params.realm : undefined;
        if (!realm || !URL.canParse(realm))
            return false;
        const tokenUrl = new URL(realm);
        // Credentials never travel in clear text: plain http only from a loopback registry to a
        // loopback token service.
        const loopbackPlain = tokenUrl.protocol === 'http:' &&
            isLoopbackHost(tokenUrl.hostname) &&
            this.base.startsWith('http:');
        if (tokenUrl.protocol !== 'https:' && !loopbackPlain)
            throw this.fail({ kind: 'realm-insecure', realm: tokenUrl });
        if (challenge?.params.service)
            tokenUrl.searchParams.set('service', challenge.params.service);
        // our own scope, never one the registry suggests; the publisher asks for push up front
        tokenUrl.searchParams.set('scope', `repository:${this.repository}:${this.access}`);
        const headers = {};
        if (this.credentials)
            headers.authorization = basic(this.credentials);
        let res;
        try {
            res = await this.fetchImpl(tokenUrl.href, {
                method: 'GET',
                headers,
                redirect: 'manual', // the credentials go to the realm and nowhere else
                signal: AbortSignal.timeout(this.retry.timeoutMs)
            });
        }
        catch (e) {
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
        const json = this.parseJson(await this.read(res, MAX_MANIFEST_BYTES, 'token response'), 'token response');
        const token = typeof json?.token === 'string' && json.token !== '' ? json.token : json?.access_token;
        if (typeof token !== 'string' || token === '')
            throw this.fail({ kind: 'token-missing', realm: tokenUrl });
        this.authorization = `Bearer ${token}`;
        return true;
    }
}

;// CONCATENATED MODULE: ./src/verify/cli/oci/find-attestations.ts
// Everything attached to an image digest that could be its provenance:
// (a) the cosign layout: tag `sha256-<hex>.att`, one DSSE layer per attestation with the
//     certificate, chain and Rekor bundle in annotations;
// (b) OCI 1.1 referrers holding a Sigstore bundle, from the referrers API or, when the
//     registry has none, the `sha256-<hex>` tag-schema fallback index.
// Every one is read and verified: junk layers pushed ahead of the real attestation must not
// hide it. A limit still bounds the work; past it the verifier says so instead of guessing.

const DSSE_LAYER = 'application/vnd.dsse.envelope.v1+json';
const BUNDLE_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
/** Far above what real images carry (one attestation per build and predicate type). */
const MAX_ATTESTATIONS = 1000;
function tooMany(where, count) {
    return new errors/* ProvenanceError */.CG('VERIFY_FAILED', `${where}: expected at most ${MAX_ATTESTATIONS} attestations, found ${count}; the verifier does not pick some of them, so it verifies none`);
}
async function findAttestations(client, digest) {
    const hex = digest.slice('sha256:'.length);
    const [cosign, referred] = await Promise.all([
        cosignAttestations(client, hex),
        referredBundles(client, digest, hex)
    ]);
    const all = [...cosign, ...referred];
    if (all.length > MAX_ATTESTATIONS)
        throw tooMany(`image ${digest}`, all.length);
    return all;
}
async function cosignAttestations(client, hex) {
    const tag = `sha256-${hex}.att`;
    const manifest = await client.manifest(tag);
    const layers = descriptors(manifest?.layers).filter((layer) => layer.mediaType === DSSE_LAYER);
    if (layers.length > MAX_ATTESTATIONS)
        throw tooMany(tag, layers.length);
    return Promise.all(layers.map(async (layer) => ({
        kind: 'cosign',
        location: `${tag} layer ${layer.digest}`,
        digest: layer.digest,
        envelope: await client.blob(layer.digest),
        annotations: stringRecord(layer.annotations)
    })));
}
async function referredBundles(client, digest, hex) {
    const index = (await client.referrers(digest)) ?? (await client.manifest(`sha256-${hex}`));
    const candidates = descriptors(index?.manifests).filter((d) => d.artifactType === undefined || isBundleDescriptor(d));
    if (candidates.length > MAX_ATTESTATIONS)
        throw tooMany(`referrers of ${digest}`, candidates.length);
    const found = [];
    for (const descriptor of candidates) {
        const manifest = await client.manifest(descriptor.digest);
        for (const layer of descriptors(manifest?.layers)) {
            if (!layer.mediaType?.startsWith(BUNDLE_TYPE_PREFIX))
                continue;
            if (found.length >= MAX_ATTESTATIONS)
                throw tooMany(`referrers of ${digest}`, found.length + 1);
            found.push({
                kind: 'bundle',
                location: `referrer ${descriptor.digest}`,
                bundle: await client.blob(layer.digest)
            });
        }
    }
    return found;
}
/**
 * The registry's JSON is untrusted: only entries shaped like descriptors are followed (a
 * string digest; media and artifact types strings when present). Anything else cannot lead to
 * a verifiable attestation, so it is passed over rather than crashing the reader.
 */
function descriptors(list) {
    if (!Array.isArray(list))
        return [];
    return list.filter((d) => typeof d === 'object' &&
        d !== null &&
        typeof d.digest === 'string' &&
        ['string', 'undefined'].includes(typeof d.mediaType) &&
        ['string', 'undefined'].includes(typeof d.artifactType));
}
function stringRecord(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return {};
    return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === 'string'));
}
function isBundleDescriptor(descriptor) {
    return descriptor.artifactType?.startsWith(BUNDLE_TYPE_PREFIX) ?? false;
}

;// CONCATENATED MODULE: ./src/verify/cli/oci/image-ref.ts
// The verifier's view of IMAGE@sha256:HEX, parsed by the shared src/oci/reference.ts (digest
// references only: a tag can move, so verifying "the image behind a tag" proves nothing later):
// the registry as written, the repository, the digest and the bare hex policy subjects match.

function image_ref_parseImageReference(text) {
    const { registry, repository, digest } = parseImageReference(text);
    return { registry, repository, digest, hex: digest.slice('sha256:'.length) };
}

;// CONCATENATED MODULE: ./src/verify/cli/oci/registry-wording.ts
const verifierWording = (problem, registry) => {
    const at = (text) => `registry ${registry.baseUrl}: ${text}`;
    switch (problem.kind) {
        case 'gave-up':
            return at(`${problem.method} ${problem.url.href}: ${problem.detail} (gave up after ${problem.attempts} attempts or ${problem.seconds}s)`);
        case 'status': {
            const found = `${problem.method} ${problem.url.href}: expected ${problem.expected.join(' or ')}, found ${problem.status}`;
            return at(problem.status === 401 && !registry.username
                ? `${found} (the registry wants credentials, found none in the docker config)`
                : found);
        }
        case 'no-location':
            return at(`${problem.method} ${problem.url.href}: expected a Location header, found none`);
        case 'redirect':
            return at(`${problem.method} ${problem.url.href}: ${problem.detail}`);
        case 'realm-insecure':
            return at(`token realm: expected an https URL, found ${problem.realm.href}`);
        case 'token-unreachable':
            return at(`token ${problem.realm.origin}: ${problem.detail}`);
        case 'token-status':
            return at(`token ${problem.realm.origin}: expected 200, found ${problem.status}`);
        case 'token-missing':
            return at('token response: expected a token, found none');
        case 'too-large':
            return at(`${problem.what}: ${problem.bytes} bytes exceeds the ${problem.limit}-byte limit`);
        case 'blob-missing':
            return at(`blob ${problem.digest}: expected it in the registry, found 404`);
        case 'not-json':
            return `${problem.what}: expected JSON, found unparsable content`;
        case 'digest-mismatch':
            return `${problem.what}: expected content with digest ${problem.expected}, found ${problem.found}`;
        case 'announced-mismatch':
            return `manifest ${problem.reference}: expected content with the announced digest ${problem.announced}, found ${problem.found}`;
    }
};

// EXTERNAL MODULE: ./src/verify/cli/policy-flags.ts
var policy_flags = __webpack_require__(3330);
// EXTERNAL MODULE: ./src/verify/cli/report.ts
var report = __webpack_require__(5828);
;// CONCATENATED MODULE: ./src/verify/cli/verify-image.ts
// verify-image: IMAGE@sha256:… → every provenance attestation found in the registry is
// verified cryptographically; the image passes when one of them passes the policy with the
// image digest among its subjects. Attestations that fail to verify are reported, not skipped
// silently, when nothing passes.











const COMMAND = 'verify-image';
async function verifyImageCommand(argv, deps = {}) {
    const out = deps.out ?? report/* processOutput */.Xi;
    const args = (0,cli_args/* parseArgs */.Z)(argv, policy_flags/* POLICY_FLAGS */.v, COMMAND);
    if (args.booleans.has('help')) {
        out.stdout(help/* VERIFY_IMAGE_HELP */.qe);
        return 0;
    }
    const json = args.booleans.has('json');
    try {
        if (args.positionals.length !== 1)
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${COMMAND}: expected one IMAGE@sha256:DIGEST, found ${args.positionals.length} arguments`);
        const image = image_ref_parseImageReference(args.positionals[0]);
        const policy = (0,policy_flags/* readPolicy */.T)(args, COMMAND, [{ label: args.positionals[0], algorithm: 'sha256', hex: image.hex }], 'image');
        const credentials = await dockerConfigCredentials(image.registry, deps.dockerConfigPath);
        const client = new RegistryClient({ apiHost: image.registry, repository: image.repository }, credentials, { access: 'pull', wording: verifierWording, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
        // The Sigstore libraries load only once a verification really runs (not for --help).
        const bridge = await Promise.all(/* import() */[__webpack_require__.e(323), __webpack_require__.e(592), __webpack_require__.e(23)]).then(__webpack_require__.bind(__webpack_require__, 4023));
        const [found, trust] = await Promise.all([
            findAttestations(client, image.digest),
            bridge.loadTrust((0,cli_args/* single */.J)(args, 'trusted-root'), args.booleans.has('online'))
        ]);
        if (found.length === 0)
            throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `image ${image.digest}: expected a provenance attestation (cosign ${image.hex.slice(0, 12)}….att or OCI referrer), found none`);
        const envelopes = await verifyAll(bridge, found, trust);
        const pass = (0,select_envelope/* selectPassingEnvelope */.M)(envelopes, policy);
        const statement = args.booleans.has('print-provenance') ? pass.envelope.payload : undefined;
        (0,report/* writePass */.R_)(out, (0,report/* passReport */.q5)(COMMAND, args.positionals, found[pass.envelope.index]?.location ?? 'registry', pass), { json, statement });
        return 0;
    }
    catch (error) {
        if (!(error instanceof errors/* ProvenanceError */.CG))
            throw error;
        (0,report/* writeFail */.Yv)(out, (0,report/* failReport */.Ds)(COMMAND, args.positionals, error.code, error.message), json);
        return 1;
    }
}
/** Verifies each attestation; `index` is rewritten to the attestation's position in `found`. */
async function verifyAll(bridge, found, trust) {
    const verified = [];
    const failures = [];
    for (const [index, attestation] of found.entries()) {
        try {
            const envelopes = attestation.kind === 'cosign'
                ? [bridge.verifyCosignLayer({ ...attestation, origin: attestation.location }, trust)]
                : await bridge.verifyEnvelopes(attestation.bundle, trust, attestation.location);
            verified.push(...envelopes.map((envelope) => ({ ...envelope, index })));
        }
        catch (error) {
            if (!(error instanceof errors/* ProvenanceError */.CG))
                throw error;
            failures.push(`${attestation.location}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    if (verified.length === 0)
        throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `no attestation verified: ${failures.join('; ')}`);
    return verified;
}


/***/ })

};
