export const id = 884;
export const ids = [884];
export const modules = {

/***/ 6884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyImageCommand: () => (/* binding */ verifyImageCommand)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/verify/policy/select-envelope.ts + 23 modules
var select_envelope = __webpack_require__(8418);
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
;// CONCATENATED MODULE: ./src/verify/cli/oci/docker-config.ts
// Registry credentials the way docker finds them: $DOCKER_CONFIG/config.json or
// ~/.docker/config.json, `auths` keyed by registry host (Docker Hub also as its v1 URL),
// each with base64 `auth` = user:password or explicit username/password.




function dockerConfigPath(env = process.env) {
    return (0,external_node_path_.join)(env.DOCKER_CONFIG ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
}
async function credentialsFor(registry, configPath = dockerConfigPath()) {
    let text;
    try {
        text = await (0,promises_.readFile)(configPath, 'utf8');
    }
    catch {
        return undefined; // no docker config: anonymous access
    }
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `docker config ${configPath}: expected JSON, found unparsable text`);
    }
    const auths = config.auths;
    if (typeof auths !== 'object' || auths === null)
        return undefined;
    for (const key of candidateKeys(registry)) {
        const entry = auths[key];
        if (typeof entry === 'object' && entry !== null)
            return readEntry(entry, key, configPath);
    }
    return undefined;
}
function candidateKeys(registry) {
    if (registry === 'docker.io')
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    return [
        registry,
        `https://${registry}`,
        `http://${registry}`,
        `https://${registry}/v1/`,
        `https://${registry}/v2/`
    ];
}
function readEntry(entry, key, configPath) {
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0)
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `docker config ${configPath}: auths["${key}"].auth: expected base64 of user:password`);
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof entry.username === 'string' && typeof entry.password === 'string') {
        return { username: entry.username, password: entry.password };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/verify/cli/oci/find-attestations.ts
const DSSE_LAYER = 'application/vnd.dsse.envelope.v1+json';
const BUNDLE_TYPE_PREFIX = 'application/vnd.dev.sigstore.bundle';
const MAX_ATTESTATIONS = 64;
async function findAttestations(client, digest) {
    const hex = digest.slice('sha256:'.length);
    const [cosign, referred] = await Promise.all([
        cosignAttestations(client, hex),
        referredBundles(client, digest, hex)
    ]);
    return [...cosign, ...referred].slice(0, MAX_ATTESTATIONS);
}
async function cosignAttestations(client, hex) {
    const tag = `sha256-${hex}.att`;
    const manifest = await client.manifest(tag);
    const layers = (manifest?.layers ?? []).filter((layer) => layer.mediaType === DSSE_LAYER);
    return Promise.all(layers.map(async (layer) => ({
        kind: 'cosign',
        location: `${tag} layer ${layer.digest}`,
        digest: layer.digest,
        envelope: await client.blob(layer.digest),
        annotations: layer.annotations ?? {}
    })));
}
async function referredBundles(client, digest, hex) {
    const index = (await client.referrers(digest)) ?? (await client.manifest(`sha256-${hex}`));
    const candidates = (index?.manifests ?? []).filter((d) => d.artifactType === undefined || isBundleDescriptor(d));
    const found = [];
    for (const descriptor of candidates) {
        const manifest = await client.manifest(descriptor.digest);
        for (const layer of manifest?.layers ?? []) {
            if (!layer.mediaType?.startsWith(BUNDLE_TYPE_PREFIX))
                continue;
            found.push({
                kind: 'bundle',
                location: `referrer ${descriptor.digest}`,
                bundle: await client.blob(layer.digest)
            });
        }
    }
    return found;
}
function isBundleDescriptor(descriptor) {
    return descriptor.artifactType?.startsWith(BUNDLE_TYPE_PREFIX) ?? false;
}

;// CONCATENATED MODULE: ./src/verify/cli/oci/image-ref.ts
// IMAGE@sha256:HEX → registry host, repository and digest. Only digest references are
// accepted: a tag can move, so verifying "the image behind a tag" proves nothing later.

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const REPOSITORY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
function parseImageReference(text) {
    const at = text.lastIndexOf('@');
    const digest = at === -1 ? '' : text.slice(at + 1);
    if (!DIGEST.test(digest)) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `image: expected IMAGE@sha256:<64 hex>, found ${JSON.stringify(text)}`);
    }
    let name = text.slice(0, at);
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/'))
        name = name.slice(0, colon); // drop a tag written before the digest
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
    const registry = hasHost ? first : 'docker.io';
    let repository = hasHost ? name.slice(slash + 1) : name;
    if (registry === 'docker.io' && !repository.includes('/'))
        repository = `library/${repository}`;
    if (!REPOSITORY.test(repository)) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `image: expected a repository name like OWNER/NAME, found ${JSON.stringify(repository)}`);
    }
    return { registry, repository, digest, hex: digest.slice('sha256:'.length) };
}
/** Where the registry API lives: Docker Hub's API host differs from its name. */
function registryBaseUrl(registry) {
    if (registry === 'docker.io' || registry === 'index.docker.io')
        return 'https://registry-1.docker.io';
    const host = registry.replace(/:\d+$/, '');
    const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
    return `${loopback ? 'http' : 'https'}://${registry}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/verify/cli/oci/www-authenticate.ts
function parseChallenge(header) {
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
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

;// CONCATENATED MODULE: ./src/verify/cli/oci/registry-client.ts
// A small read-only OCI distribution client: manifests, blobs and the referrers API, with
// the bearer-token challenge and basic auth. Every manifest and blob fetched by digest is
// hashed and compared before use; sizes are capped because a registry is untrusted.



const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_BLOB_BYTES = 64 * 1024 * 1024;
class RegistryClient {
    options;
    fetchImpl;
    authorization;
    constructor(options) {
        this.options = options;
        this.fetchImpl = options.fetch ?? fetch;
    }
    /** The manifest at a tag or digest, or undefined when the registry has none (404). */
    async manifest(reference) {
        const response = await this.get(`manifests/${reference}`, [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST].join(', '));
        if (response.status === 404)
            return undefined;
        const body = await this.body(response, MAX_MANIFEST_BYTES, `manifest ${reference}`);
        if (reference.startsWith('sha256:'))
            checkDigest(body, reference, `manifest ${reference}`);
        return parseJson(body, `manifest ${reference}`);
    }
    async blob(digest) {
        const response = await this.get(`blobs/${digest}`, '*/*');
        if (response.status === 404)
            throw this.error(`blob ${digest}: expected it in the registry, found 404`);
        const body = await this.body(response, MAX_BLOB_BYTES, `blob ${digest}`);
        checkDigest(body, digest, `blob ${digest}`);
        return body;
    }
    /** The OCI 1.1 referrers index, or undefined when the registry has no referrers API. */
    async referrers(digest) {
        const response = await this.get(`referrers/${digest}`, OCI_INDEX);
        if (response.status === 404 || response.status === 405) {
            await response.body?.cancel();
            return undefined;
        }
        const body = await this.body(response, MAX_MANIFEST_BYTES, `referrers of ${digest}`);
        if (!(response.headers.get('content-type') ?? '').includes(OCI_INDEX))
            return undefined;
        return parseJson(body, `referrers of ${digest}`);
    }
    async get(path, accept) {
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
    async send(url, accept) {
        const headers = { accept };
        if (this.authorization)
            headers.authorization = this.authorization;
        try {
            return await this.fetchImpl(url, { headers, redirect: 'follow' });
        }
        catch (error) {
            throw this.error(`GET ${url}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    async answer(challenge, url) {
        const credentials = this.options.credentials;
        if (challenge?.scheme === 'basic') {
            if (!credentials)
                throw this.error(`GET ${url}: the registry wants basic auth, found no credentials in the docker config`);
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
        if (challenge.params.service)
            tokenUrl.searchParams.set('service', challenge.params.service);
        tokenUrl.searchParams.set('scope', challenge.params.scope ?? `repository:${this.options.repository}:pull`);
        const headers = credentials
            ? { authorization: basic(credentials) }
            : {};
        let response;
        try {
            response = await this.fetchImpl(tokenUrl, { headers });
        }
        catch (error) {
            throw this.error(`token ${tokenUrl.origin}: ${(0,errors/* describeError */.Uc)(error)}`);
        }
        if (response.status !== 200)
            throw this.error(`token ${tokenUrl.origin}: expected 200, found ${response.status}`);
        const json = parseJson(await this.body(response, MAX_MANIFEST_BYTES, 'token'), 'token response');
        const token = typeof json.token === 'string' ? json.token : json.access_token;
        if (typeof token !== 'string' || token === '')
            throw this.error('token response: expected a token, found none');
        return `Bearer ${token}`;
    }
    async body(response, limit, what) {
        const declared = Number(response.headers.get('content-length') ?? '0');
        if (declared > limit)
            throw this.error(`${what}: ${declared} bytes exceeds the ${limit}-byte limit`);
        const bytes = Buffer.from(await response.arrayBuffer());
        if (bytes.length > limit)
            throw this.error(`${what}: ${bytes.length} bytes exceeds the ${limit}-byte limit`);
        return bytes;
    }
    error(message) {
        return new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `registry ${this.options.baseUrl}: ${message}`);
    }
}
function basic(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
function checkDigest(body, digest, what) {
    if (!digest.startsWith('sha256:'))
        throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `${what}: expected a sha256 digest, found ${digest}`);
    const found = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
    if (found !== digest)
        throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `${what}: expected content with digest ${digest}, found ${found}`);
}
function parseJson(body, what) {
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new errors/* ProvenanceError */.CG('REGISTRY_ERROR', `${what}: expected JSON, found unparsable content`);
    }
}

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
        const image = parseImageReference(args.positionals[0]);
        const policy = (0,policy_flags/* readPolicy */.T)(args, COMMAND, [
            { label: args.positionals[0], algorithm: 'sha256', hex: image.hex }
        ]);
        const credentials = await credentialsFor(image.registry, deps.dockerConfigPath);
        const client = new RegistryClient({
            baseUrl: registryBaseUrl(image.registry),
            repository: image.repository,
            ...(credentials ? { credentials } : {}),
            ...(deps.fetch ? { fetch: deps.fetch } : {})
        });
        // The Sigstore libraries load only once a verification really runs (not for --help).
        const bridge = await Promise.all(/* import() */[__webpack_require__.e(323), __webpack_require__.e(431), __webpack_require__.e(23)]).then(__webpack_require__.bind(__webpack_require__, 4023));
        const [found, trust] = await Promise.all([
            findAttestations(client, image.digest),
            bridge.loadTrust((0,cli_args/* single */.J)(args, 'trusted-root'))
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
