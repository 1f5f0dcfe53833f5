export const id = 352;
export const ids = [352,437];
export const modules = {

/***/ 47352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishAttestations: () => (/* binding */ publishAttestations)
/* harmony export */ });
/* unused harmony export bundleSubjectDigest */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16141);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38437);
// Store each Sigstore bundle through GitHub's attestations API, which is what
// `gh attestation verify` reads. Re-running is safe: a bundle already stored for its subject
// digest is not posted again.




/** The first sha256 subject digest of the in-toto statement a bundle signs. */
function bundleSubjectDigest(bundle) {
    const envelope = 'dsseEnvelope' in bundle ? bundle.dsseEnvelope : undefined;
    if (!envelope || envelope.payloadType !== _types_js__WEBPACK_IMPORTED_MODULE_3__/* .INTOTO_PAYLOAD_TYPE */ .w9) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `attestations API: expected a DSSE bundle with payloadType ${_types_js__WEBPACK_IMPORTED_MODULE_3__/* .INTOTO_PAYLOAD_TYPE */ .w9}, found ${envelope ? envelope.payloadType : 'no dsseEnvelope'}`);
    }
    let statement;
    try {
        statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', 'attestations API: expected a JSON in-toto statement in the bundle payload, found unparsable data');
    }
    for (const subject of statement.subject ?? []) {
        const hex = subject.digest?.['sha256'];
        if (typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex))
            return `sha256:${hex}`;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', 'attestations API: expected a subject with a sha256 digest (the API indexes by sha256), found none');
}
async function alreadyStored(api, base, digest, bundle, sameBuild) {
    let after;
    for (let page = 0; page < 10; page++) {
        const query = `per_page=100${after ? `&after=${encodeURIComponent(after)}` : ''}`;
        const res = await api.request('GET', `${base}/attestations/${digest}?${query}`, {
            expect: [200, 404]
        });
        if (res.status === 404)
            return false;
        const { attestations = [] } = res.json();
        const matches = (stored) => (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(stored, bundle) || sameBuild(Buffer.from(JSON.stringify(stored)));
        if (attestations.some((a) => matches(a.bundle)))
            return true;
        // GitHub pages this list with cursors in the Link header.
        const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
        after = next ? (new URL(next[1]).searchParams.get('after') ?? undefined) : undefined;
        if (!after)
            return false;
    }
    return false;
}
async function publishAttestations(input) {
    const { api, bundles } = input;
    const { owner, repo } = (0,_github_api_js__WEBPACK_IMPORTED_MODULE_2__.splitRepository)(input.repository);
    const base = `/repos/${owner}/${repo}`;
    // Check every bundle before posting any, so a malformed one publishes nothing.
    const digests = bundles.map(bundleSubjectDigest);
    const results = [];
    for (const [i, bundle] of bundles.entries()) {
        const subjectDigest = digests[i];
        const sameBuild = (existing) => input.sameBuild?.(existing, i) ?? false;
        if (await alreadyStored(api, base, subjectDigest, bundle, sameBuild)) {
            results.push({ subjectDigest, reused: true });
            continue;
        }
        // If a 5xx hides a stored POST, the retry stores the identical bundle twice: harmless for
        // verifiers, and the next run's check above sees it.
        const res = await api.request('POST', `${base}/attestations`, {
            json: { bundle },
            expect: [201]
        });
        const { id } = res.json();
        if (typeof id !== 'number') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `GitHub API POST ${base}/attestations: expected an attestation id in the answer, found ${JSON.stringify(id)}`);
        }
        results.push({
            subjectDigest,
            id,
            url: `${input.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/attestations/${id}`,
            reused: false
        });
    }
    return results;
}


/***/ }),

/***/ 38437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubApi: () => (/* binding */ GitHubApi),
/* harmony export */   parseRetryAfter: () => (/* binding */ parseRetryAfter),
/* harmony export */   splitRepository: () => (/* binding */ splitRepository)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// A small GitHub REST client on fetch: per-request timeouts, bounded retries on 5xx/429 (and
// GitHub's secondary rate limit, a 403 with Retry-After) honouring Retry-After, and one clear
// ProvenanceError naming the service and endpoint when it gives up. The base URL comes from
// the caller (GITHUB_API_URL on a runner), so the same code talks to api.github.com or the sandbox.

const RETRYABLE = new Set([500, 502, 503, 504, 429]);
/** Retry-After is either delay-seconds or an HTTP date. */
function parseRetryAfter(value, nowMs) {
    if (!value)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** GitHub's error body carries `message`; keep it short and printable. */
function serverMessage(body) {
    let text = body.toString('utf8');
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.message === 'string')
            text = parsed.message;
    }
    catch {
        // not JSON: use the text itself
    }
    text = text.replace(/[^\x20-\x7e]/g, ' ').trim();
    return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}
class GitHubApi {
    baseUrl;
    token;
    timeoutMs;
    maxAttempts;
    maxTotalMs;
    baseDelayMs;
    sleep;
    constructor(options) {
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.token = options.token;
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.maxAttempts = options.maxAttempts ?? 4;
        this.maxTotalMs = options.maxTotalMs ?? 120_000;
        this.baseDelayMs = options.baseDelayMs ?? 1_000;
        this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    }
    /** `path` is relative to the base URL, or an absolute URL (upload_url, asset downloads). */
    async request(method, path, options) {
        const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.baseUrl + path);
        const endpoint = `GitHub API ${method} ${url.origin}${url.pathname}`;
        const headers = {
            authorization: `Bearer ${this.token}`,
            accept: options.accept ?? 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'isolated-provenance'
        };
        let payload;
        if (options.json !== undefined) {
            payload = JSON.stringify(options.json);
            headers['content-type'] = 'application/json';
        }
        else if (options.bytes !== undefined) {
            payload = options.bytes;
            headers['content-type'] = options.contentType ?? 'application/octet-stream';
        }
        const started = Date.now();
        let lastProblem = '';
        for (let attempt = 1;; attempt++) {
            let retryAfterMs;
            try {
                const response = await fetch(url, {
                    method,
                    headers,
                    body: payload,
                    signal: AbortSignal.timeout(this.timeoutMs)
                });
                const body = Buffer.from(await response.arrayBuffer());
                const status = response.status;
                if (options.expect.includes(status)) {
                    return {
                        status,
                        headers: response.headers,
                        body,
                        json() {
                            try {
                                return JSON.parse(body.toString('utf8'));
                            }
                            catch (e) {
                                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG(options.errorCode ?? 'PUBLISH_FAILED', `${endpoint}: expected a JSON answer, found unparsable body (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(e)})`);
                            }
                        }
                    };
                }
                const secondaryLimit = status === 403 && response.headers.has('retry-after');
                lastProblem = `HTTP ${status}: ${serverMessage(body)}`;
                if (!RETRYABLE.has(status) && !secondaryLimit) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG(options.errorCode ?? 'PUBLISH_FAILED', `${endpoint}: expected HTTP ${options.expect.join(' or ')}, found ${lastProblem}`);
                }
                retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
            }
            catch (e) {
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG)
                    throw e;
                // Network failure or per-attempt timeout: worth another try.
                lastProblem = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(e);
            }
            const delay = retryAfterMs ?? this.baseDelayMs * 2 ** (attempt - 1);
            const elapsed = Date.now() - started;
            if (attempt >= this.maxAttempts || elapsed + delay > this.maxTotalMs) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('SERVICE_UNAVAILABLE', `${endpoint}: gave up after ${attempt} attempt(s) in ${Math.round((elapsed + 0) / 1000)}s: ${lastProblem}`);
            }
            await this.sleep(delay);
        }
    }
}
/** Splits "owner/name" and checks it is one. */
function splitRepository(repository) {
    const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
    if (!m) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `repository: expected "owner/name", found "${repository.replace(/[^\x20-\x7e]/g, '?')}"`);
    }
    return { owner: m[1], repo: m[2] };
}


/***/ })

};
