export const id = 542;
export const ids = [542];
export const modules = {

/***/ 48542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageSubjects: () => (/* binding */ imageSubjects),
  publishImages: () => (/* binding */ publishImages)
});

// UNUSED EXPORTS: fetchFulcioChains

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
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
function parseBundle(input) {
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
    let predicateType;
    try {
        const statement = object(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')), 'the DSSE payload');
        predicateType = string(statement.predicateType, 'the statement predicateType');
    }
    catch (e) {
        if (e instanceof errors/* ProvenanceError */.CG)
            throw e;
        fail('the DSSE payload is not a JSON in-toto statement');
    }
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
    const entries = material.tlogEntries;
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
    return {
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
        chainDer,
        tlog
    };
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

;// CONCATENATED MODULE: ./src/publish/oci/reference.ts
// Parses an image reference `registry/name@sha256:<hex>`. Only digests are accepted: a tag can
// move between the build and the attestation, and the attestation must name what was built.

const DIGEST = /^sha256:[0-9a-f]{64}$/;
// distribution/reference's path grammar: lowercase components separated by . _ __ or dashes
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function invalid(image, problem) {
    return new errors/* ProvenanceError */.CG('INPUT_INVALID', `image reference "${image}": ${problem}`);
}
function looksLikeHost(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
function parseImageReference(image) {
    const trimmed = image.trim();
    if (trimmed === '')
        throw invalid(image, 'expected NAME@sha256:<64 hex>, found an empty string');
    const at = trimmed.indexOf('@');
    if (at < 0) {
        const lastSlash = trimmed.lastIndexOf('/');
        const hasTag = trimmed.slice(lastSlash + 1).includes(':');
        throw invalid(image, hasTag
            ? 'tags are refused because they can move; pass the digest instead (NAME@sha256:<64 hex>, e.g. the `digest` output of docker/build-push-action)'
            : 'expected NAME@sha256:<64 hex>, found no digest; pass the image digest');
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
/** Plain HTTP is allowed for loopback registries only; everything else is HTTPS. */
function registryBaseUrl(apiHost) {
    const hostname = apiHost.replace(/:[0-9]+$/, '');
    const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
    return `${loopback ? 'http' : 'https'}://${apiHost}`;
}
/** More images than this in one run is a mistake in the input, not a real release. */
const MAX_IMAGES = 100;
/** The `images` input: one `name@sha256:<hex>` per line; blank lines ignored, duplicates dropped. */
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

;// CONCATENATED MODULE: ./src/publish/oci/retry.ts
// Bounded retries for registry calls: a fixed number of attempts AND a time budget, whichever
// runs out first. Only 5xx, 429 and network failures are retried.
const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    budgetMs: 60_000,
    timeoutMs: 30_000
};
function isRetryableStatus(status) {
    return status === 429 || status >= 500;
}
/** Exponential backoff, or the server's Retry-After (seconds) when it gave one; both capped. */
function retryDelayMs(policy, attempt, retryAfter) {
    const seconds = retryAfter === null ? NaN : Number(retryAfter);
    const wanted = Number.isFinite(seconds)
        ? seconds * 1000
        : policy.baseDelayMs * 2 ** Math.max(0, attempt - 1);
    return Math.min(Math.max(0, wanted), policy.maxDelayMs);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/publish/oci/registry-client.ts
// A small OCI distribution client over fetch: manifests (HEAD/GET/PUT) and blobs (HEAD, then a
// monolithic POST+PUT upload). It answers auth challenges (Basic, or a Bearer token from the
// challenge's realm as ghcr.io and Docker Hub use), retries 5xx/429 within a bounded policy, and
// turns failures into ProvenanceError('REGISTRY_ERROR') messages that never contain secrets.




const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json'
];
function sha256Digest(data) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex')}`;
}
function parseChallenge(header) {
    if (!header)
        return undefined;
    const match = /^\s*(Basic|Bearer)\b(.*)$/i.exec(header);
    if (!match)
        return undefined;
    const params = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([A-Za-z_]+)="([^"]*)"/g))
        if (key !== undefined && value !== undefined)
            params[key.toLowerCase()] = value;
    return { scheme: (match[1] ?? '').toLowerCase(), params };
}
function basic(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
class RegistryClient {
    host;
    repository;
    base;
    credentials;
    retry;
    fetchImpl;
    authorization;
    constructor(target, credentials, options = {}) {
        this.host = target.apiHost;
        this.repository = target.repository;
        this.base = registryBaseUrl(target.apiHost);
        this.credentials = credentials;
        this.retry = options.retry ?? DEFAULT_RETRY;
        this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
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
            mediaType: (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '',
            digest: res.headers.get('docker-content-digest') ?? '',
            size: Number(res.headers.get('content-length') ?? 0)
        };
    }
    /** The manifest bytes and descriptor, or undefined when the registry does not have it. */
    async getManifest(reference) {
        const path = this.manifestPath(reference);
        const res = await this.send('GET', path, {
            headers: { accept: MANIFEST_MEDIA_TYPES.join(', ') }
        });
        if (res.status === 404)
            return undefined;
        this.expect(res, [200], 'GET', path);
        const body = Buffer.from(await res.arrayBuffer());
        const digest = sha256Digest(body);
        const announced = res.headers.get('docker-content-digest');
        if (announced && announced !== digest)
            throw this.error(`returned manifest ${reference} with digest ${digest}, but announced ${announced}`);
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
    async putManifest(reference, body, mediaType) {
        const path = this.manifestPath(reference);
        const res = await this.send('PUT', path, { headers: { 'content-type': mediaType }, body });
        this.expect(res, [201], 'PUT', path);
        return { mediaType, digest: sha256Digest(body), size: body.length };
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
            throw this.error(`answered POST ${startPath} without a Location header`);
        const uploadUrl = new URL(location, this.base + startPath);
        uploadUrl.searchParams.set('digest', descriptor.digest);
        const done = await this.send('PUT', uploadUrl.href, {
            headers: { 'content-type': 'application/octet-stream' },
            body: data
        });
        this.expect(done, [201], 'PUT', uploadUrl.pathname);
        return descriptor;
    }
    manifestPath(reference) {
        return `/v2/${this.repository}/manifests/${reference}`;
    }
    error(problem) {
        return new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `registry ${this.host}: ${problem}`);
    }
    expect(res, statuses, method, path) {
        if (statuses.includes(res.status))
            return;
        const who = this.credentials ? `user "${this.credentials.username}"` : 'anonymous access';
        if (res.status === 401)
            throw this.error(this.credentials
                ? `rejected the credentials of ${who} for ${this.repository} (401); check the username and password/token`
                : `requires authentication for ${this.repository} (401) and no credentials were given; pass registry credentials or run docker login`);
        if (res.status === 403)
            throw this.error(`denied ${who} access to ${this.repository} for ${method} (403); the credentials need push permission on this repository`);
        throw this.error(`answered ${method} ${path} with unexpected status ${res.status}`);
    }
    /**
     * One request with retries and auth. `target` is a path on the registry or an absolute URL
     * (upload locations); credentials only ever go to the registry's own origin.
     */
    async send(method, target, init) {
        const url = target.startsWith('/') ? this.base + target : target;
        const sameOrigin = new URL(url).origin === new URL(this.base).origin;
        const started = Date.now();
        let answeredChallenge = false;
        let lastProblem = '';
        for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
            const headers = { ...init.headers };
            if (sameOrigin && this.authorization)
                headers.authorization = this.authorization;
            let res;
            try {
                res = await this.fetchImpl(url, {
                    method,
                    headers,
                    redirect: 'manual',
                    signal: AbortSignal.timeout(this.retry.timeoutMs),
                    ...(init.body ? { body: new Uint8Array(init.body) } : {})
                });
            }
            catch (e) {
                lastProblem =
                    e instanceof Error && e.name === 'TimeoutError'
                        ? `did not answer within ${this.retry.timeoutMs} ms`
                        : `could not be reached (${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)})`;
                if (!(await this.waitBeforeRetry(attempt, started, null)))
                    break;
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
            if (!isRetryableStatus(res.status))
                return res;
            lastProblem = `kept answering ${res.status}`;
            const retryAfter = res.headers.get('retry-after');
            await res.body?.cancel();
            if (!(await this.waitBeforeRetry(attempt, started, retryAfter)))
                break;
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        throw this.error(`${lastProblem} to ${method} ${new URL(url).pathname} (gave up after ${this.retry.attempts} attempts or ${seconds}s); nothing was published by this request, try again later`);
    }
    async waitBeforeRetry(attempt, started, retryAfter) {
        if (attempt >= this.retry.attempts)
            return false;
        const delay = retryDelayMs(this.retry, attempt, retryAfter);
        if (Date.now() - started + delay > this.retry.budgetMs)
            return false;
        await sleep(delay);
        return true;
    }
    /** Sets the Authorization header a 401 challenge asks for; false when we have nothing to offer. */
    async answerChallenge(header) {
        const challenge = parseChallenge(header);
        if (!challenge)
            return false;
        if (challenge.scheme === 'basic') {
            if (!this.credentials || this.authorization)
                return false;
            this.authorization = basic(this.credentials);
            return true;
        }
        const realm = challenge.params.realm;
        if (!realm)
            return false;
        const tokenUrl = new URL(realm);
        if (tokenUrl.protocol !== 'https:' && registryBaseUrl(tokenUrl.host).startsWith('https'))
            throw this.error(`sent a token realm over plain http (${tokenUrl.origin}); refusing to send credentials there`);
        if (challenge.params.service)
            tokenUrl.searchParams.set('service', challenge.params.service);
        // we publish, so ask for push as well as pull regardless of what this request needed
        tokenUrl.searchParams.set('scope', `repository:${this.repository}:pull,push`);
        const headers = {};
        if (this.credentials)
            headers.authorization = basic(this.credentials);
        let res;
        try {
            res = await this.fetchImpl(tokenUrl.href, {
                method: 'GET',
                headers,
                signal: AbortSignal.timeout(this.retry.timeoutMs)
            });
        }
        catch (e) {
            throw this.error(`token service ${tokenUrl.origin} could not be reached (${e instanceof Error ? e.message : String(e)})`);
        }
        if (res.status === 401 || res.status === 403)
            throw this.error(this.credentials
                ? `token service ${tokenUrl.origin} rejected the credentials of user "${this.credentials.username}" (${res.status})`
                : `token service ${tokenUrl.origin} refused anonymous access (${res.status}); pass registry credentials`);
        if (res.status !== 200)
            throw this.error(`token service ${tokenUrl.origin} answered ${res.status}`);
        const json = (await res.json());
        const token = json.token ?? json.access_token;
        if (!token)
            throw this.error(`token service ${tokenUrl.origin} returned no token`);
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
        if (!candidate ||
            candidate.schemaVersion !== 2 ||
            !Array.isArray(candidate.layers) ||
            typeof candidate.config !== 'object')
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


async function prepareCosignAttestation(client, digestTag, parts, chainDer) {
    const tag = `${digestTag}.att`;
    const envelope = cosignEnvelope(parts);
    const layer = attestationLayer(envelope, parts, toPem(parts.leafDer), chainDer.map((der) => toPem(der)).join(''));
    const existing = await client.getManifest(tag);
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
;// CONCATENATED MODULE: ./src/publish/oci/credentials.ts
// Registry credentials: explicit inputs first, then the `auths` of ~/.docker/config.json
// (what `docker login` writes), else anonymous.



const DOCKER_HUB_KEYS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** `https://index.docker.io/v1/` → docker.io, `ghcr.io/` → ghcr.io. */
function canonicalRegistryKey(key) {
    const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
    return DOCKER_HUB_KEYS.has(host) ? 'docker.io' : host;
}
function decodeAuth(auth) {
    const text = Buffer.from(auth, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon <= 0)
        return undefined;
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
/** Finds credentials for `registry` in a docker config file; undefined when none apply. */
async function dockerConfigCredentials(registry, configPath = (0,external_node_path_.join)(process.env.DOCKER_CONFIG ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json')) {
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(configPath, 'utf8'));
    }
    catch {
        return undefined; // no file or not JSON: anonymous, as docker itself would be
    }
    const target = canonicalRegistryKey(registry);
    // exact host match: never send one registry's credentials to a similarly named one
    for (const [key, entry] of Object.entries(config.auths ?? {})) {
        if (canonicalRegistryKey(key) !== target || !entry.auth)
            continue;
        const decoded = decodeAuth(entry.auth);
        if (!decoded)
            continue;
        return entry.identitytoken ? { ...decoded, password: entry.identitytoken } : decoded;
    }
    return undefined;
}
async function resolveCredentials(registry, explicit, dockerConfigPath) {
    if (explicit && explicit.username !== '' && explicit.password !== '')
        return explicit;
    return dockerConfigCredentials(registry, dockerConfigPath);
}

// EXTERNAL MODULE: ./node_modules/@sigstore/oci/dist/index.js
var oci_dist = __webpack_require__(81057);
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
        const descriptor = await (0,oci_dist/* attachArtifactToImage */.Kg)({
            imageName: `${options.registry}/${options.repository}`,
            imageDigest: options.digest,
            artifact: Buffer.from(parts.json),
            mediaType: bundleArtifactType(parts.mediaType),
            annotations: {
                'dev.sigstore.bundle.content': 'dsse-envelope',
                'dev.sigstore.bundle.predicateType': parts.predicateType,
                // pinned to the log time so the same bundle always yields the same artifact manifest,
                // which is what lets a re-publish find itself in the index instead of adding a copy
                'org.opencontainers.image.created': new Date(Number(parts.tlog.integratedTime) * 1000).toISOString()
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
    let subjects;
    try {
        subjects = JSON.parse(Buffer.from(parts.envelope.payload, 'base64').toString('utf8')).subject;
    }
    catch {
        subjects = undefined;
    }
    const named = Array.isArray(subjects) &&
        subjects.some((s) => s?.digest?.sha256 === digestHex);
    if (!named)
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `the attestation's subjects do not include the image digest sha256:${digestHex}; refusing to attach it to ${image}`);
}
/** Digests listed in the tag-schema fallback index (empty when there is none yet). */
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
    const ref = parseImageReference(options.image);
    const parts = parseBundle(options.bundle);
    const imageName = `${ref.registry}/${ref.repository}@${ref.digest}`;
    if (!options.skipSubjectCheck)
        assertStatementNamesImage(parts, ref.digest.slice('sha256:'.length), imageName);
    const chain = parts.chainDer.length > 0 ? parts.chainDer : issuingChain(parts.leafDer, options.trustedRoot);
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    const credentials = await resolveCredentials(ref.registry, options.credentials, options.dockerConfigPath);
    const client = new RegistryClient(ref, credentials, {
        retry,
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
    // blobs of the cosign layout first; its tag is written last, after the referrer index
    const cosign = format === 'referrers'
        ? undefined
        : await prepareCosignAttestation(client, ref.digestTag, parts, chain);
    if (format !== 'cosign') {
        const listedBefore = await fallbackIndexEntries(client, ref.digestTag);
        const referrer = await attachReferrer({
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
                prepared = await prepareCosignAttestation(client, ref.digestTag, parts, chain);
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
// Container mode of the action: one attestation per image, pushed next to it. Kept apart from
// the OCI publisher so that the publisher stays free of action inputs and environment.




/** Image subjects: the repository (without digest) as the name, the manifest digest. */
function imageSubjects(images) {
    return images.map((image) => {
        const ref = parseImageReference(image);
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
async function publishImages(options) {
    const { inputs, bundles } = options;
    if (bundles.length !== inputs.images.length) {
        throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `expected one bundle per image (${inputs.images.length}), found ${bundles.length}`);
    }
    const trustedRoot = inputs.ociFormat === 'referrers' ? undefined : await fetchFulcioChains(options.fulcioUrl);
    const credentials = inputs.registryUsername !== '' && inputs.registryPassword !== ''
        ? { username: inputs.registryUsername, password: inputs.registryPassword }
        : undefined;
    const results = [];
    // One image after another: each publication is complete before the next starts.
    for (const [i, image] of inputs.images.entries()) {
        results.push(await publishImageAttestation({
            image,
            bundle: (0,dist.bundleToJSON)(bundles[i]),
            format: inputs.ociFormat,
            credentials,
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
                status: 'created'
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
