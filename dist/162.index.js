export const id = 162;
export const ids = [162,437];
export const modules = {

/***/ 38437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubApi: () => (/* binding */ GitHubApi),
/* harmony export */   attemptsSoFar: () => (/* binding */ attemptsSoFar),
/* harmony export */   parseRetryAfter: () => (/* reexport safe */ _http_retry_js__WEBPACK_IMPORTED_MODULE_1__.Vs),
/* harmony export */   splitRepository: () => (/* binding */ splitRepository)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _http_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28902);
// A small GitHub REST client on fetch: per-request timeouts, bounded retries on 5xx/429 (and
// GitHub's secondary rate limit, a 403 with Retry-After) honouring Retry-After, and one clear
// ProvenanceError naming the service and endpoint when it gives up. When to retry is the shared
// policy in src/http/retry.ts. The base URL comes from the caller (GITHUB_API_URL on a runner), so
// the same code talks to api.github.com or the sandbox.


/** Retry-After is either delay-seconds or an HTTP date. */

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
    /** Attempts per request; callers that retry a POST themselves keep to the same count. */
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
        const policy = {
            attempts: options.maxAttempts ?? this.maxAttempts,
            baseDelayMs: this.baseDelayMs,
            maxDelayMs: Infinity, // Retry-After is honoured in full; the total budget still bounds it
            budgetMs: this.maxTotalMs,
            timeoutMs: this.timeoutMs
        };
        const result = await (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withRetries */ .LH)(policy, async () => {
            let response;
            let body;
            try {
                response = await fetch(url, {
                    method,
                    headers,
                    body: payload,
                    signal: AbortSignal.timeout(policy.timeoutMs)
                });
                body = Buffer.from(await response.arrayBuffer());
            }
            catch (e) {
                // Network failure or per-attempt timeout: worth another try.
                return { retry: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(e) };
            }
            const status = response.status;
            if (options.expect.includes(status))
                return { done: apiResponse(status, response.headers, body, endpoint, options) };
            const secondaryLimit = status === 403 && response.headers.has('retry-after');
            const problem = `HTTP ${status}: ${serverMessage(body)}`;
            if (!(0,_http_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryableStatus */ .PS)(status) && !secondaryLimit) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG(options.errorCode ?? 'PUBLISH_FAILED', `${endpoint}: expected HTTP ${options.expect.join(' or ')}, found ${problem}`);
            }
            return { retry: problem, retryAfterMs: (0,_http_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfterMs */ .Vs)(response.headers.get('retry-after')) };
        }, this.sleep);
        if (result.ok)
            return result.value;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('SERVICE_UNAVAILABLE', `${endpoint}: gave up after ${result.attempts} attempt(s) in ${Math.round(result.elapsedMs / 1000)}s: ${result.problem}`);
    }
}
function apiResponse(status, headers, body, endpoint, options) {
    return {
        status,
        headers,
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
/** Splits "owner/name" and checks it is one. */
function splitRepository(repository) {
    const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
    if (!m) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `repository: expected "owner/name", found "${repository.replace(/[^\x20-\x7e]/g, '?')}"`);
    }
    return { owner: m[1], repo: m[2] };
}
/** The client's "gave up after 1 attempt(s)" for a POST this module tried `attempts` times. */
function attemptsSoFar(e, attempts) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG(e.code, e.message.replace(/gave up after 1 attempt\(s\)/, `gave up after ${attempts} attempt(s)`), { cause: e });
}


/***/ }),

/***/ 93162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishReleaseAsset: () => (/* binding */ publishReleaseAsset),
/* harmony export */   removeReleaseAsset: () => (/* binding */ removeReleaseAsset)
/* harmony export */ });
/* unused harmony export assetUploadUrl */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38437);
// Upload the provenance file to a GitHub release. Finds the release by tag (drafts are only
// visible in the release list), creates it when missing, and never edits an existing release,
// so immutable releases and hand-written release notes stay as they are.



/**
 * POST /releases, never repeated blindly: GitHub lets several drafts share one tag, so a
 * create whose answer was lost (timeout, reset, 5xx from a proxy) and then retried makes a
 * second draft. Every new try first looks for the release; a draft named like ours that turns
 * up after a lost answer is the one we made.
 */
async function createRelease(api, base, tag, targetCommitish) {
    let answerLost = false;
    for (let attempt = 1;; attempt++) {
        if (answerLost) {
            const existing = await findRelease(api, base, tag);
            if (existing)
                return { release: existing, created: existing.draft && existing.name === tag };
        }
        let res;
        try {
            res = await api.request('POST', `${base}/releases`, {
                json: {
                    tag_name: tag,
                    name: tag,
                    draft: true,
                    ...(targetCommitish ? { target_commitish: targetCommitish } : {})
                },
                expect: [201, 422],
                maxAttempts: 1
            });
        }
        catch (e) {
            const transient = e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG && e.code === 'SERVICE_UNAVAILABLE';
            if (!transient)
                throw e;
            if (attempt >= api.maxAttempts)
                throw (0,_github_api_js__WEBPACK_IMPORTED_MODULE_2__.attemptsSoFar)(e, attempt);
            answerLost = true;
            await new Promise((r) => setTimeout(r, 500 * 2 ** (attempt - 1)));
            continue;
        }
        if (res.status === 201)
            return { release: res.json(), created: true };
        return { refused: res.body.toString('utf8').slice(0, 300) };
    }
}
const MAX_LIST_PAGES = 10;
function digestOf(content) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content).digest('hex')}`;
}
async function findRelease(api, base, tag) {
    const byTag = await api.request('GET', `${base}/releases/tags/${encodeURIComponent(tag)}`, {
        expect: [200, 404]
    });
    if (byTag.status === 200)
        return byTag.json();
    // A draft release has no tag yet, so only the list shows it.
    for (let page = 1; page <= MAX_LIST_PAGES; page++) {
        const list = await api.request('GET', `${base}/releases?per_page=100&page=${page}`, {
            expect: [200]
        });
        const releases = list.json();
        const found = releases.find((r) => r.tag_name === tag);
        if (found)
            return found;
        if (releases.length < 100)
            break;
    }
    return undefined;
}
async function listAssets(api, base, releaseId) {
    const all = [];
    for (let page = 1; page <= MAX_LIST_PAGES; page++) {
        const res = await api.request('GET', `${base}/releases/${releaseId}/assets?per_page=100&page=${page}`, {
            expect: [200]
        });
        const assets = res.json();
        all.push(...assets);
        if (assets.length < 100)
            break;
    }
    return all;
}
/** The asset's bytes (GitHub redirects to a signed storage URL). */
async function assetBytes(api, asset) {
    const res = await api.request('GET', asset.url, {
        accept: 'application/octet-stream',
        expect: [200]
    });
    return res.body;
}
async function existingDigest(api, asset) {
    if (asset.digest && asset.digest.startsWith('sha256:'))
        return asset.digest;
    // Older assets have no digest: hash the bytes.
    return digestOf(await assetBytes(api, asset));
}
/** The upload URL is an RFC 6570 template (`.../assets{?name,label}`) on a separate host. */
function assetUploadUrl(uploadUrlTemplate, name) {
    const url = new URL(uploadUrlTemplate.replace(/\{[^}]*\}$/, ''));
    url.searchParams.set('name', name);
    return url.toString();
}
async function publishReleaseAsset(input) {
    const { api, tag } = input;
    const { owner, repo } = (0,_github_api_js__WEBPACK_IMPORTED_MODULE_2__.splitRepository)(input.repository);
    const base = `/repos/${owner}/${repo}`;
    if (tag.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('INPUT_INVALID', 'upload-tag-name: expected a tag for the release upload, found an empty value');
    }
    let release = await findRelease(api, base, tag);
    if (release) {
        const asset = await uploadOnce(api, base, release, input, tag);
        return { releaseId: release.id, releaseCreated: false, draft: release.draft, ...asset };
    }
    // A release we create starts as a draft and is published only once the provenance is in it:
    // a failed upload then leaves nothing public behind, and immutable releases (which refuse
    // new assets once published) work too.
    const created = await createRelease(api, base, tag, input.targetCommitish);
    if ('refused' in created) {
        // Another job created it between our lookup and our POST: use that one as it is.
        release = await findRelease(api, base, tag);
        if (!release) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `GitHub API POST ${base}/releases: could not create release "${tag}" (HTTP 422: ${created.refused})`);
        }
        const asset = await uploadOnce(api, base, release, input, tag);
        return { releaseId: release.id, releaseCreated: false, draft: release.draft, ...asset };
    }
    release = created.release;
    if (!created.created) {
        // Found after a lost answer, but not a draft of ours: use it as it is.
        const asset = await uploadOnce(api, base, release, input, tag);
        return { releaseId: release.id, releaseCreated: false, draft: release.draft, ...asset };
    }
    let asset;
    try {
        asset = await uploadOnce(api, base, release, input, tag);
    }
    catch (e) {
        // Best effort: remove the empty draft we made; the original error is what matters.
        await api
            .request('DELETE', `${base}/releases/${release.id}`, { expect: [204, 404] })
            .catch(() => undefined);
        throw e;
    }
    if (!input.draft) {
        await api.request('PATCH', `${base}/releases/${release.id}`, {
            json: { draft: false },
            expect: [200]
        });
    }
    return { releaseId: release.id, releaseCreated: true, draft: input.draft, ...asset };
}
/**
 * Takes back what publishReleaseAsset did in this run: the asset it uploaded, and the release
 * too when it created it. Used when a later destination fails (all or nothing).
 */
async function removeReleaseAsset(api, repository, result) {
    const { owner, repo } = (0,_github_api_js__WEBPACK_IMPORTED_MODULE_2__.splitRepository)(repository);
    const base = `/repos/${owner}/${repo}`;
    if (result.uploaded || result.releaseCreated)
        await api.request('DELETE', `${base}/releases/assets/${result.assetId}`, {
            expect: [204, 404]
        });
    if (result.releaseCreated)
        await api.request('DELETE', `${base}/releases/${result.releaseId}`, { expect: [204, 404] });
}
async function uploadOnce(api, base, release, input, tag) {
    const { assetName, content } = input;
    const ours = digestOf(content);
    for (let round = 0; round < 2; round++) {
        const existing = (await listAssets(api, base, release.id)).find((a) => a.name === assetName);
        if (existing && existing.state !== 'uploaded') {
            // A half-finished upload from a crashed attempt: nothing was published, clear it.
            await api.request('DELETE', `${base}/releases/assets/${existing.id}`, { expect: [204, 404] });
        }
        else if (existing) {
            const theirs = await existingDigest(api, existing);
            if (theirs === ours ||
                (input.sameBuild && input.sameBuild(await assetBytes(api, existing)))) {
                return {
                    assetId: existing.id,
                    downloadUrl: existing.browser_download_url,
                    uploaded: false
                };
            }
            // Published provenance is evidence someone may already rely on: replacing it silently
            // would let a later run rewrite history. A human decides (delete it, or rename ours).
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `release "${tag}" already has an asset named "${assetName}" with different content (expected ${ours}, found ${theirs}); refusing to replace published provenance — delete that asset or choose another provenance-name`);
        }
        const uploaded = await api.request('POST', assetUploadUrl(release.upload_url, assetName), {
            bytes: content,
            contentType: 'application/octet-stream',
            expect: [201, 422]
        });
        if (uploaded.status === 201) {
            const asset = uploaded.json();
            return { assetId: asset.id, downloadUrl: asset.browser_download_url, uploaded: true };
        }
        // 422: an asset of that name appeared meanwhile (a concurrent attempt); compare once more.
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `release "${tag}": upload of "${assetName}" kept failing with "already exists" although no such asset is listed`);
}


/***/ })

};
