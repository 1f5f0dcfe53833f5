export const id = 437;
export const ids = [437];
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


/***/ })

};
