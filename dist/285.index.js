export const id = 285;
export const ids = [285];
export const modules = {

/***/ 62285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageSubjects: () => (/* binding */ imageSubjects),
  publishImages: () => (/* binding */ publishImages),
  registryCredentials: () => (/* binding */ registryCredentials)
});

// UNUSED EXPORTS: fetchFulcioChains

// EXTERNAL MODULE: ./src/publish/bundle-json.ts
var bundle_json = __webpack_require__(15322);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/publish/equivalence.ts
var equivalence = __webpack_require__(33403);
// EXTERNAL MODULE: ./src/provenance/statement-of-bundle.ts
var statement_of_bundle = __webpack_require__(78687);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/publish/oci/bundle.ts
// Reads the parts of a Sigstore bundle (JSON, DSSE content) that the OCI publications need,
// checking each one is there and well-formed before anything is uploaded.



function fail(problem) {
    throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `Sigstore bundle: ${problem}`);
}
function object(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(`expected ${where} to be an object, found ${Array.isArray(value) ? 'an array' : typeof value}`);
    return value;
}
function string(value, where) {
    if (typeof value !== 'string' || value === '')
        fail(`expected ${where} to be a non-empty string, found ${typeof value}`);
    return value;
}
function base64(value, where) {
    const text = string(value, where);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text))
        fail(`expected ${where} to be base64`);
    return text;
}
function decimal(value, where) {
    const text = typeof value === 'number' ? String(value) : string(value, where);
    if (!/^[0-9]+$/.test(text))
        fail(`expected ${where} to be a non-negative integer, found "${text}"`);
    return text;
}
/** The envelope hash a Rekor dsse (0.0.1) or intoto (0.0.2) body records, if it has one. */
function loggedEnvelopeHash(canonicalizedBody) {
    try {
        const body = JSON.parse(Buffer.from(canonicalizedBody, 'base64').toString('utf8'));
        const value = body.spec?.envelopeHash?.value ?? body.spec?.content?.hash?.value;
        return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function certificate(rawBytes, where) {
    const der = Buffer.from(base64(rawBytes, where), 'base64');
    try {
        new external_node_crypto_.X509Certificate(der);
    }
    catch {
        fail(`${where} is not a DER X.509 certificate`);
    }
    return der;
}
/** The bundle's parts for the cosign layout: a Rekor entry with its SET is required. */
function parseBundle(input) {
    return parseBundleParts(input, true);
}
/** The bundle's parts for the OCI referrer alone: any log entry, or none, will do. */
function parseReferrerBundle(input) {
    return parseBundleParts(input, false);
}
function parseBundleParts(input, requireSet) {
    let bundle;
    if (typeof input === 'string') {
        try {
            bundle = object(JSON.parse(input), 'the bundle');
        }
        catch (e) {
            if (e instanceof errors/* ProvenanceError */.CG)
                throw e;
            fail('not valid JSON');
        }
    }
    else
        bundle = input;
    const mediaType = string(bundle.mediaType, 'mediaType');
    if (!mediaType.startsWith('application/vnd.dev.sigstore.bundle'))
        fail(`expected a mediaType application/vnd.dev.sigstore.bundle…, found "${mediaType}"`);
    const dsse = object(bundle.dsseEnvelope, 'dsseEnvelope (only DSSE bundles can be attestations)');
    const payloadType = string(dsse.payloadType, 'dsseEnvelope.payloadType');
    const payload = base64(dsse.payload, 'dsseEnvelope.payload');
    if (!Array.isArray(dsse.signatures) || dsse.signatures.length !== 1)
        fail('expected dsseEnvelope.signatures to hold exactly one signature');
    const signature = object(dsse.signatures[0], 'dsseEnvelope.signatures[0]');
    const sig = base64(signature.sig, 'dsseEnvelope.signatures[0].sig');
    const decoded = (0,statement_of_bundle/* statementOfEnvelope */.J)({ payloadType, payload });
    if (!decoded.ok)
        fail(`expected a DSSE envelope over an in-toto statement, found ${decoded.problem}`);
    const predicateType = string(decoded.statement.predicateType, 'the statement predicateType');
    const material = object(bundle.verificationMaterial, 'verificationMaterial');
    let leafDer;
    let chainDer = [];
    if (material.certificate !== undefined) {
        leafDer = certificate(object(material.certificate, 'certificate').rawBytes, 'certificate.rawBytes');
    }
    else if (material.x509CertificateChain !== undefined) {
        const certs = object(material.x509CertificateChain, 'x509CertificateChain').certificates;
        if (!Array.isArray(certs) || certs.length === 0)
            fail('expected x509CertificateChain.certificates to be a non-empty array');
        const ders = certs.map((c, i) => certificate(object(c, `certificates[${i}]`).rawBytes, `certificates[${i}].rawBytes`));
        leafDer = ders[0];
        chainDer = ders.slice(1);
    }
    else
        fail('expected a Fulcio certificate (verificationMaterial.certificate), found none');
    const partsWithoutLog = () => ({
        mediaType,
        json: typeof input === 'string' ? input.trim() : JSON.stringify(input),
        envelope: {
            payloadType,
            payload,
            signatures: [
                {
                    sig,
                    ...(typeof signature.keyid === 'string' ? { keyid: signature.keyid } : {})
                }
            ]
        },
        predicateType,
        leafDer,
        chainDer
    });
    const entries = material.tlogEntries;
    const first = Array.isArray(entries) ? entries[0] : undefined;
    const hasSet = typeof first === 'object' && first !== null && first.inclusionPromise !== undefined;
    if (!requireSet && !hasSet)
        return partsWithoutLog();
    if (!Array.isArray(entries) || entries.length === 0)
        fail('expected a Rekor entry in verificationMaterial.tlogEntries, found none');
    const entry = object(entries[0], 'tlogEntries[0]');
    const promise = object(entry.inclusionPromise, 'tlogEntries[0].inclusionPromise (the Rekor SET cosign reads)');
    const tlog = {
        // proto3 JSON leaves out zero values: an absent logIndex is entry 0 of the log
        logIndex: entry.logIndex === undefined ? '0' : decimal(entry.logIndex, 'tlogEntries[0].logIndex'),
        logIdHex: Buffer.from(base64(object(entry.logId, 'tlogEntries[0].logId').keyId, 'tlogEntries[0].logId.keyId'), 'base64').toString('hex'),
        integratedTime: decimal(entry.integratedTime, 'tlogEntries[0].integratedTime'),
        canonicalizedBody: base64(entry.canonicalizedBody, 'tlogEntries[0].canonicalizedBody'),
        signedEntryTimestamp: base64(promise.signedEntryTimestamp, 'tlogEntries[0].inclusionPromise.signedEntryTimestamp')
    };
    const logged = loggedEnvelopeHash(tlog.canonicalizedBody);
    if (logged)
        tlog.loggedEnvelopeHash = logged;
    return { ...partsWithoutLog(), tlog };
}

;// CONCATENATED MODULE: ./src/publish/oci/chain.ts
// The certificate chain for cosign's `dev.sigstore.cosign/chain` annotation. A v0.3 bundle
// carries only the leaf, so the chain comes from the trusted root's Fulcio CA that issued it.

function toPem(der) {
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
/** The CA certificates (issuer first, root last) whose first one signed `leafDer`; [] if none. */
function issuingChain(leafDer, root) {
    const leaf = new external_node_crypto_.X509Certificate(leafDer);
    for (const ca of root?.certificateAuthorities ?? []) {
        const ders = [];
        for (const c of ca.certChain?.certificates ?? [])
            if (c.rawBytes)
                ders.push(Buffer.from(c.rawBytes, 'base64'));
        const issuerDer = ders[0];
        if (!issuerDer)
            continue;
        const issuer = new external_node_crypto_.X509Certificate(issuerDer);
        if (leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey))
            return ders;
    }
    return [];
}

// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(28902);
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
function reference_parseImageReference(image) {
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
        const result = await (0,retry/* withRetries */.LH)(this.retry, async () => {
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
                if (!(0,retry/* isRetryableStatus */.PS)(res.status))
                    return { done: res };
                const retryAfter = res.headers.get('retry-after');
                await res.body?.cancel();
                return { retry: `kept answering ${res.status}`, retryAfterMs: (0,retry/* retryAfterMs */.Vs)(retryAfter) };
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

;// CONCATENATED MODULE: ./src/publish/oci/cosign-layout.ts
// Pure builders for cosign's attestation layout: the `sha256-<hex>.att` manifest whose layers
// are DSSE envelopes annotated with the Fulcio certificate, its chain and the Rekor SET, plus
// the config blob cosign writes next to it. Field order follows what cosign (go-containerregistry)
// serialises, so the bytes match a cosign-written attestation for the same envelope.


const DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
const ANNOTATION_SIGNATURE = 'dev.cosignproject.cosign/signature';
const ANNOTATION_BUNDLE = 'dev.sigstore.cosign/bundle';
const ANNOTATION_CERTIFICATE = 'dev.sigstore.cosign/certificate';
const ANNOTATION_CHAIN = 'dev.sigstore.cosign/chain';
const ANNOTATION_PREDICATE_TYPE = 'predicateType';
/**
 * The DSSE envelope bytes for the layer. cosign stores the exact bytes it sent to Rekor, so the
 * layer digest equals the logged envelope hash; we do the same by picking, among the usual JSON
 * spellings of the same envelope, the one whose sha256 Rekor recorded. Without a recorded hash
 * we write cosign's own spelling (payloadType, payload, signatures [{keyid, sig}]).
 */
function cosignEnvelope(parts) {
    const { payloadType, payload, signatures } = parts.envelope;
    const withKeyid = signatures.map((s) => ({ keyid: s.keyid ?? '', sig: s.sig }));
    const sigFirst = signatures.map((s) => ({ sig: s.sig, keyid: s.keyid ?? '' }));
    const sigOnly = signatures.map((s) => s.keyid ? { sig: s.sig, keyid: s.keyid } : { sig: s.sig });
    const candidates = [
        { payloadType, payload, signatures: withKeyid }, // cosign
        { payload, payloadType, signatures: sigFirst }, // sigstore-js / protobuf JSON
        { payload, payloadType, signatures: sigOnly },
        { payloadType, payload, signatures: sigOnly }
    ].map((c) => Buffer.from(JSON.stringify(c)));
    const logged = parts.tlog.loggedEnvelopeHash;
    const match = logged ? candidates.find((c) => sha256Digest(c) === `sha256:${logged}`) : undefined;
    return match ?? candidates[0];
}
/** cosign's `dev.sigstore.cosign/bundle`: the Rekor SET and the fields it signs. */
function cosignBundleAnnotation(parts) {
    return JSON.stringify({
        SignedEntryTimestamp: parts.tlog.signedEntryTimestamp,
        Payload: {
            body: parts.tlog.canonicalizedBody,
            integratedTime: Number(parts.tlog.integratedTime),
            logIndex: Number(parts.tlog.logIndex),
            logID: parts.tlog.logIdHex
        }
    });
}
/** The layer descriptor for one attestation; annotation keys in Go's (sorted) map order. */
function attestationLayer(envelope, parts, leafPem, chainPem) {
    const annotations = {
        [ANNOTATION_SIGNATURE]: '',
        [ANNOTATION_BUNDLE]: cosignBundleAnnotation(parts),
        [ANNOTATION_CERTIFICATE]: leafPem
    };
    if (chainPem !== '')
        annotations[ANNOTATION_CHAIN] = chainPem;
    annotations[ANNOTATION_PREDICATE_TYPE] = parts.predicateType;
    return {
        mediaType: DSSE_LAYER_MEDIA_TYPE,
        size: envelope.length,
        digest: sha256Digest(envelope),
        annotations
    };
}
/** cosign's config blob: an empty image whose rootfs lists every layer (layers are uncompressed). */
function attestationConfig(layers) {
    const zeroTime = '0001-01-01T00:00:00Z';
    return Buffer.from(JSON.stringify({
        architecture: '',
        created: zeroTime,
        history: layers.map(() => ({ created: zeroTime })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {}
    }));
}
/**
 * Appends `layer` to the attestation manifest the tag already holds (or starts one), keeping
 * every existing layer as it is. Refuses to touch a tag that holds something else.
 */
function mergeAttestationManifest(existing, layer, tag) {
    let previous;
    if (existing) {
        let parsed;
        try {
            parsed = JSON.parse(existing.body.toString('utf8'));
        }
        catch {
            parsed = undefined;
        }
        const candidate = parsed;
        const isDescriptor = (d) => typeof d === 'object' &&
            d !== null &&
            !Array.isArray(d) &&
            typeof d.digest === 'string';
        if (typeof candidate !== 'object' ||
            candidate === null ||
            candidate.schemaVersion !== 2 ||
            !Array.isArray(candidate.layers) ||
            !candidate.layers.every(isDescriptor) ||
            !isDescriptor(candidate.config) ||
            (candidate.mediaType !== undefined && typeof candidate.mediaType !== 'string'))
            throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `tag ${tag} already exists but is not an image manifest with layers (found ${existing.mediaType || 'unknown media type'}); refusing to overwrite it`);
        previous = candidate;
    }
    const layers = [...(previous?.layers ?? [])];
    const changed = !layers.some((l) => l.digest === layer.digest);
    if (changed)
        layers.push(layer);
    const config = attestationConfig(layers);
    const manifestMediaType = previous?.mediaType ?? OCI_MANIFEST_MEDIA_TYPE;
    const manifest = {
        ...(previous ?? {}),
        schemaVersion: 2,
        mediaType: manifestMediaType,
        config: {
            mediaType: previous?.config.mediaType ?? OCI_CONFIG_MEDIA_TYPE,
            size: config.length,
            digest: sha256Digest(config)
        },
        layers
    };
    return {
        changed,
        manifest: Buffer.from(JSON.stringify(manifest)),
        manifestMediaType,
        config
    };
}

;// CONCATENATED MODULE: ./src/publish/oci/cosign-publish.ts


const MAX_LAYERS_CHECKED = 50;
async function holdsSameBuild(client, manifestBody, sameBuild) {
    let layers = [];
    try {
        layers = JSON.parse(manifestBody.toString('utf8')).layers ?? [];
    }
    catch {
        return false; // mergeAttestationManifest refuses a tag that is not a manifest, with a message
    }
    for (const layer of layers.slice(0, MAX_LAYERS_CHECKED)) {
        if (layer.mediaType !== DSSE_LAYER_MEDIA_TYPE || typeof layer.digest !== 'string')
            continue;
        if (sameBuild(await client.blob(layer.digest)))
            return true;
    }
    return false;
}
async function prepareCosignAttestation(client, digestTag, parts, chainDer, 
/** Whether an existing DSSE layer (its bytes) attests the same build; then nothing is added. */
sameBuild) {
    const tag = `${digestTag}.att`;
    const envelope = cosignEnvelope(parts);
    const layer = attestationLayer(envelope, parts, toPem(parts.leafDer), chainDer.map((der) => toPem(der)).join(''));
    const existing = await client.getManifest(tag);
    if (existing && sameBuild && (await holdsSameBuild(client, existing.body, sameBuild)))
        return { tag, changed: false, commit: async () => 'unchanged' };
    const merged = mergeAttestationManifest(existing ? { mediaType: existing.descriptor.mediaType, body: existing.body } : undefined, layer, tag);
    if (!merged.changed)
        return { tag, changed: false, commit: async () => 'unchanged' };
    await client.uploadBlob(envelope, layer.mediaType);
    await client.uploadBlob(merged.config, 'application/vnd.oci.image.config.v1+json');
    return {
        tag,
        changed: true,
        commit: async () => {
            // another publisher may have appended meanwhile: never overwrite what we did not read
            const current = await client.headManifest(tag);
            if (current?.digest !== existing?.descriptor.digest)
                return 'conflict';
            await client.putManifest(tag, merged.manifest, merged.manifestMediaType);
            return 'written';
        }
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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

// EXTERNAL MODULE: ./node_modules/@sigstore/oci/dist/index.js
var dist = __webpack_require__(81057);
;// CONCATENATED MODULE: ./src/publish/oci/referrers-publish.ts
// The OCI 1.1 referrer artifact holding the Sigstore bundle, attached with @sigstore/oci. On a
// registry without the referrers API (distribution 2.8) it appends the artifact to the
// tag-schema fallback index `sha256-<hex>`; its last write is that index, so a failure before
// it leaves the tag untouched.



/** `…bundle+json;version=0.3` (the legacy spelling) → `…bundle.v0.3+json`, the artifactType cosign reads. */
function bundleArtifactType(mediaType) {
    const legacy = /^application\/vnd\.dev\.sigstore\.bundle\+json;\s*version=([0-9.]+)$/.exec(mediaType);
    return legacy ? `application/vnd.dev.sigstore.bundle.v${legacy[1]}+json` : mediaType;
}
/** The HTTP status inside an @sigstore/oci failure, when there is one. */
function statusOf(e) {
    let current = e;
    for (let depth = 0; depth < 5 && current; depth++) {
        const status = current.statusCode;
        if (typeof status === 'number')
            return status;
        current = current.cause;
    }
    return undefined;
}
async function attachReferrer(options) {
    const { parts } = options;
    try {
        const descriptor = await (0,dist/* attachArtifactToImage */.Kg)({
            imageName: `${options.registry}/${options.repository}`,
            imageDigest: options.digest,
            artifact: Buffer.from(parts.json),
            mediaType: bundleArtifactType(parts.mediaType),
            annotations: {
                'dev.sigstore.bundle.content': 'dsse-envelope',
                'dev.sigstore.bundle.predicateType': parts.predicateType,
                // pinned to the log time so the same bundle always yields the same artifact manifest,
                // which is what lets a re-publish find itself in the index instead of adding a copy
                // (no Rekor v1 entry, e.g. Rekor v2: the certificate's start, as fixed per bundle)
                'org.opencontainers.image.created': parts.tlog
                    ? new Date(Number(parts.tlog.integratedTime) * 1000).toISOString()
                    : new Date(new external_node_crypto_.X509Certificate(parts.leafDer).validFrom).toISOString()
            },
            // @sigstore/oci treats an empty username as a credential and fails the challenge
            credentials: options.credentials,
            fetchOpts: {
                retry: {
                    retries: Math.max(0, options.retry.attempts - 1),
                    factor: 2,
                    minTimeout: options.retry.baseDelayMs,
                    maxTimeout: options.retry.maxDelayMs,
                    maxRetryTime: options.retry.budgetMs
                },
                timeout: options.retry.timeoutMs,
                proxy: undefined,
                noProxy: undefined
            }
        });
        return { digest: descriptor.digest, tag: options.digestTag };
    }
    catch (e) {
        const status = statusOf(e);
        const where = `registry ${options.apiHost}`;
        let problem;
        if (status === 401)
            problem = 'rejected the credentials (401) while attaching the referrer artifact';
        else if (status === 403)
            problem = 'denied push access (403) while attaching the referrer artifact';
        else if (status === 404)
            problem = `has no image ${options.repository}@${options.digest} (404)`;
        else if (status !== undefined && status >= 500)
            problem = `kept answering ${status} while attaching the referrer artifact (gave up after ${options.retry.attempts} attempts)`;
        else
            problem = `failed while attaching the referrer artifact: ${(0,errors/* describeError */.Uc)(e.cause ?? e)}`;
        throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `${where}: ${problem}`, { cause: e });
    }
}

;// CONCATENATED MODULE: ./src/publish/oci/image-list.ts
// The action's `images` input: one `name@sha256:<hex>` per line, each parsed by the shared
// src/oci/reference.ts; blank lines ignored, duplicates dropped, the count bounded.


/** More images than this in one run is a mistake in the input, not a real release. */
const MAX_IMAGES = 100;
function parseImageList(text) {
    const seen = new Set();
    const images = [];
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '')
            continue;
        const ref = parseImageReference(line);
        const key = `${ref.registry}/${ref.repository}@${ref.digest}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        images.push(ref);
        if (images.length > MAX_IMAGES)
            throw new ProvenanceError('INPUT_INVALID', `images: expected at most ${MAX_IMAGES} image references, found more`);
    }
    if (images.length === 0)
        throw new ProvenanceError('INPUT_INVALID', 'images: expected at least one NAME@sha256:<64 hex> line, found none');
    return images;
}

;// CONCATENATED MODULE: ./src/publish/oci/index.ts
// Publishes one signed attestation (a Sigstore bundle) next to a container image:
//  - the cosign layout (tag sha256-<hex>.att), which cosign, Kyverno and policy-controller read;
//  - an OCI 1.1 referrer artifact holding the bundle (tag-schema fallback index sha256-<hex>
//    when the registry has no referrers API).
// Everything is validated before the first request; blobs go up before manifests, and each
// publication becomes visible through one final tag write.











/** How often the .att tag is re-read and re-merged when another publisher keeps changing it. */
const MAX_COSIGN_ROUNDS = 3;
const OCI_INDEX_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json'
];
function assertStatementNamesImage(parts, digestHex, image) {
    const decoded = (0,statement_of_bundle/* statementOfEnvelope */.J)(parts.envelope);
    const subjects = decoded.ok ? decoded.statement.subject : undefined;
    const named = Array.isArray(subjects) &&
        subjects.some((s) => s?.digest?.sha256 === digestHex);
    if (!named)
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `the attestation's subjects do not include the image digest sha256:${digestHex}; refusing to attach it to ${image}`);
}
/** Digests listed in the tag-schema fallback index (empty when there is none yet). */
/** How many existing attestations a re-run looks into before it publishes its own. */
const MAX_EXISTING_CHECKED = 50;
function payloadOf(json, path) {
    try {
        const parsed = JSON.parse(json.toString('utf8'));
        const payload = path === 'dsse' ? parsed.payload : parsed.dsseEnvelope?.payload;
        return typeof payload === 'string' ? payload : undefined;
    }
    catch {
        return undefined;
    }
}
/** An existing referrer artifact in the fallback index that attests the same build. */
async function sameBuildReferrer(client, digests, sameBuild) {
    for (const digest of [...digests].slice(0, MAX_EXISTING_CHECKED)) {
        const manifest = (await client.manifest(digest));
        const layer = manifest?.layers?.[0]?.digest;
        if (typeof layer !== 'string')
            continue;
        const payload = payloadOf(await client.blob(layer), 'bundle');
        if (payload !== undefined && sameBuild(payload))
            return digest;
    }
    return undefined;
}
async function fallbackIndexEntries(client, tag) {
    const index = await client.getManifest(tag);
    if (!index)
        return new Set();
    try {
        const parsed = JSON.parse(index.body.toString('utf8'));
        return new Set((parsed.manifests ?? [])
            .map((m) => m.digest)
            .filter((d) => typeof d === 'string'));
    }
    catch {
        return new Set(); // @sigstore/oci refuses a non-index tag itself, with its own message
    }
}
async function publishImageAttestation(options) {
    const format = options.format ?? 'both';
    if (!['both', 'cosign', 'referrers'].includes(format))
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `OCI format must be one of both, cosign, referrers; found "${String(format)}"`);
    const ref = reference_parseImageReference(options.image);
    // The referrer carries any bundle; cosign's layout needs a Rekor v1 SET (parseBundle checks).
    const cosignParts = format === 'referrers' ? undefined : parseBundle(options.bundle);
    const parts = cosignParts ?? parseReferrerBundle(options.bundle);
    const imageName = `${ref.registry}/${ref.repository}@${ref.digest}`;
    if (!options.skipSubjectCheck)
        assertStatementNamesImage(parts, ref.digest.slice('sha256:'.length), imageName);
    const chain = parts.chainDer.length > 0 ? parts.chainDer : issuingChain(parts.leafDer, options.trustedRoot);
    const retry = { ...DEFAULT_REGISTRY_RETRY, ...options.retry };
    const credentials = await resolveCredentials(ref.registry, options.credentials, options.dockerConfigPath);
    const client = new RegistryClient(ref, credentials, {
        retry,
        access: 'pull,push', // one token for the reads and writes of this publication
        ...(options.fetch ? { fetch: options.fetch } : {})
    });
    const found = await client.headManifest(ref.digest);
    if (!found)
        throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `registry ${ref.apiHost}: image ${imageName} not found (404); push the image first and pass the digest it was pushed with`);
    if (found.digest && found.digest !== ref.digest)
        throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `registry ${ref.apiHost}: asked for ${ref.digest} but it answered with ${found.digest}`);
    const result = {
        image: imageName,
        digest: ref.digest,
        mediaType: found.mediaType,
        isIndex: OCI_INDEX_MEDIA_TYPES.includes(found.mediaType)
    };
    const sameBuild = options.sameBuild;
    const sameBuildLayer = sameBuild
        ? (layer) => {
            const payload = payloadOf(layer, 'dsse');
            return payload !== undefined && sameBuild(payload);
        }
        : undefined;
    // blobs of the cosign layout first; its tag is written last, after the referrer index
    const cosign = format === 'referrers'
        ? undefined
        : await prepareCosignAttestation(client, ref.digestTag, cosignParts, chain, sameBuildLayer);
    if (format !== 'cosign') {
        const listedBefore = await fallbackIndexEntries(client, ref.digestTag);
        const existing = options.sameBuild
            ? await sameBuildReferrer(client, listedBefore, options.sameBuild)
            : undefined;
        const referrer = existing
            ? { digest: existing, tag: ref.digestTag }
            : await attachReferrer({
                registry: ref.registry,
                apiHost: ref.apiHost,
                repository: ref.repository,
                digest: ref.digest,
                digestTag: ref.digestTag,
                parts,
                credentials,
                retry
            });
        result.referrerTag = referrer.tag;
        result.referrerDigest = referrer.digest;
        result.referrerUpdated = !listedBefore.has(referrer.digest);
    }
    if (cosign) {
        try {
            let prepared = cosign;
            for (let round = 1; (await prepared.commit()) === 'conflict'; round++) {
                if (round >= MAX_COSIGN_ROUNDS)
                    throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `registry ${ref.apiHost}: tag ${prepared.tag} kept changing while this attestation was being appended (${round} tries); run the publish again`);
                prepared = await prepareCosignAttestation(client, ref.digestTag, cosignParts, chain, sameBuildLayer);
            }
            result.cosignTag = prepared.tag;
            result.cosignUpdated = prepared.changed;
        }
        catch (e) {
            if (e instanceof errors/* ProvenanceError */.CG && result.referrerTag)
                throw new errors/* ProvenanceError */.CG(e.code, `${e.message} (the referrer artifact ${result.referrerDigest ?? ''} was already attached; re-running appends the cosign attestation without duplicating it)`, { cause: e });
            throw e;
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./src/publish/oci/action.ts





/** Image subjects: the repository (without digest) as the name, the manifest digest. */
function imageSubjects(images) {
    return images.map((image) => {
        const ref = reference_parseImageReference(image);
        return {
            name: `${ref.registry}/${ref.repository}`,
            digest: { sha256: ref.digest.slice('sha256:'.length) }
        };
    });
}
/**
 * A v0.3 bundle carries only the leaf; cosign's chain annotation needs the issuing CA chain,
 * which Fulcio publishes at /api/v2/trustBundle.
 */
async function fetchFulcioChains(fulcioUrl, timeoutMs = 15_000) {
    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
        try {
            const res = await fetch(`${fulcioUrl}/api/v2/trustBundle`, {
                signal: AbortSignal.timeout(timeoutMs)
            });
            if (res.ok) {
                const body = (await res.json());
                return {
                    certificateAuthorities: (body.chains ?? []).map((c) => ({
                        certChain: {
                            certificates: (c.certificates ?? []).map((pem) => ({
                                rawBytes: pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
                            }))
                        }
                    }))
                };
            }
            lastError = new Error(`HTTP ${res.status}`);
            if (res.status < 500 && res.status !== 429)
                break;
        }
        catch (e) {
            lastError = e;
        }
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
    throw new errors/* ProvenanceError */.CG('SERVICE_UNAVAILABLE', `Fulcio (${fulcioUrl}): cannot read its trust bundle for the cosign chain annotation: ${(0,errors/* describeError */.Uc)(lastError)}`);
}
/**
 * The registry credentials from the inputs. Half a pair would silently fall back to docker
 * config or anonymous access, so it is refused; call this before signing, too.
 */
function registryCredentials(inputs) {
    const { registryUsername: username, registryPassword: password } = inputs;
    if ((username === '') !== (password === '')) {
        const [set, missing] = username === ''
            ? ['registry-password', 'registry-username']
            : ['registry-username', 'registry-password'];
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${set} is set but ${missing} is empty: give both, or neither to use ~/.docker/config.json or anonymous access`);
    }
    return username === '' ? undefined : { username, password };
}
/** The statement a bundle signs, to recognise an earlier run's attestation of the same build. */
function signedStatement(bundle) {
    const content = bundle.content;
    const payload = content.$case === 'dsseEnvelope' ? content.dsseEnvelope.payload : Buffer.alloc(0);
    return JSON.parse(payload.toString('utf8'));
}
async function publishImages(options) {
    const { inputs, bundles } = options;
    if (bundles.length !== inputs.images.length) {
        throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `expected one bundle per image (${inputs.images.length}), found ${bundles.length}`);
    }
    const credentials = registryCredentials(inputs);
    const trustedRoot = inputs.ociFormat === 'referrers'
        ? undefined
        : await fetchFulcioChains(options.fulcioUrl, options.timeoutMs);
    const results = [];
    // One image after another: each publication is complete before the next starts.
    for (const [i, image] of inputs.images.entries()) {
        results.push(await publishImageAttestation({
            image,
            bundle: (0,bundle_json/* bundleJson */.V)(bundles[i]),
            format: inputs.ociFormat,
            credentials,
            sameBuild: (payload) => (0,equivalence/* payloadAttestsSameBuild */.Z)(payload, [signedStatement(bundles[i])]),
            ...(options.timeoutMs ? { retry: { timeoutMs: options.timeoutMs } } : {}),
            ...(trustedRoot ? { trustedRoot } : {})
        }));
    }
    const publications = [];
    for (const r of results) {
        if (r.cosignTag)
            publications.push({
                kind: 'oci-cosign',
                location: `${r.image.split('@')[0]}:${r.cosignTag}`,
                status: r.cosignUpdated === false ? 'unchanged' : 'created'
            });
        if (r.referrerTag || r.referrerDigest)
            publications.push({
                kind: 'oci-referrer',
                location: `${r.image.split('@')[0]}@${r.referrerDigest ?? ''}${r.referrerTag ? ` (index ${r.referrerTag})` : ''}`,
                status: r.referrerUpdated === false ? 'unchanged' : 'created'
            });
    }
    return {
        publications,
        images: results.map((r) => ({
            image: r.image.split('@')[0],
            digest: r.digest,
            mediaType: r.mediaType
        }))
    };
}


/***/ })

};
