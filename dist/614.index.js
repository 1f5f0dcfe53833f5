export const id = 614;
export const ids = [614];
export const modules = {

/***/ 50614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubApi: () => (/* binding */ GitHubApi),
  attemptsSoFar: () => (/* binding */ attemptsSoFar),
  splitRepository: () => (/* binding */ splitRepository)
});

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/publish/github-api.ts




const API_VERSION = '2022-11-28';
/**
 * GitHub ends a request it has not processed within 10 s ("Timeouts", REST API troubleshooting
 * docs); 30 s leaves room for an asset upload on a slow runner before the attempt is retried.
 */
const DEFAULT_TIMEOUT_MS = 30_000;
/** What one logical request has been through so far; shared by its attempts. */
class CallState {
    deadline;
    timeoutMs;
    baseFetch;
    attempts = 0;
    /** How the last attempt that got no HTTP answer failed. */
    lastNetworkProblem;
    /** Set when GitHub asked us to wait longer than the time left. */
    refusedWait;
    started = Date.now();
    constructor(deadline, timeoutMs, baseFetch) {
        this.deadline = deadline;
        this.timeoutMs = timeoutMs;
        this.baseFetch = baseFetch;
    }
    /** octokit's fetch for this request: one attempt each call, within the call's time bound. */
    fetch = async (url, init = {}) => {
        const left = this.deadline - Date.now();
        if (this.attempts > 0 && left <= 0) {
            // Named AbortError: octokit rethrows it as it is and neither plugin retries it.
            throw Object.assign(new Error('the time budget of this request is spent'), {
                name: 'AbortError',
                budgetSpent: true
            });
        }
        this.attempts++;
        const timeoutMs = Math.max(1, Math.min(this.timeoutMs, left));
        const timeout = AbortSignal.timeout(timeoutMs);
        try {
            return await this.baseFetch(url, {
                ...init,
                signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
            });
        }
        catch (e) {
            this.lastNetworkProblem = timeout.aborted
                ? `no answer within ${timeoutMs} ms`
                : describeNetworkFailure(e);
            // A plain Error: octokit makes it a RequestError (status 500) that plugin-retry retries.
            throw new Error(this.lastNetworkProblem);
        }
    };
    elapsedSeconds() {
        return Math.round((Date.now() - this.started) / 1000);
    }
}
function describeNetworkFailure(e) {
    const err = e;
    const message = typeof err?.message === 'string' ? err.message : String(e);
    const cause = err?.cause;
    const detail = typeof cause?.message === 'string' && cause.message
        ? cause.message
        : typeof cause?.code === 'string'
            ? cause.code
            : '';
    return detail ? `${message} (${detail})` : message;
}
/** GitHub's error body carries `message`; keep it short and printable. */
function serverMessage(data) {
    let text = typeof data === 'string'
        ? data
        : data instanceof ArrayBuffer
            ? Buffer.from(data).toString('utf8')
            : typeof data === 'object' &&
                data !== null &&
                typeof data.message === 'string'
                ? data.message
                : (JSON.stringify(data) ?? '');
    text = text.replace(/[^\x20-\x7e]/g, ' ').trim();
    return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}
/** 429 and 5xx are transient; 501 and 505 mean the server will never do it. */
function isTransientStatus(status) {
    return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}
/** GitHub's rate-limit answers: 403/429 with Retry-After or an exhausted x-ratelimit budget. */
function isRateLimited(status, headers) {
    return ((status === 403 || status === 429) &&
        (headers['retry-after'] !== undefined || headers['x-ratelimit-remaining'] === '0'));
}
function asRequestError(e) {
    if (typeof e !== 'object' || e === null || typeof e.status !== 'number')
        return undefined;
    return e;
}
/**
 * Rate-limit waits are GitHub's to set: wait once when the wait fits into what is left of the
 * request's time budget, otherwise give up now (saying why) rather than wait for nothing.
 */
function rateLimitHandler(kind, unitMs) {
    return (retryAfterSeconds, options, _octokit, retryCount) => {
        const call = options.request?.isolatedProvenanceCall;
        const waitMs = retryAfterSeconds * unitMs;
        if (retryCount >= 1)
            return false;
        if (call && Date.now() + waitMs > call.deadline) {
            call.refusedWait = `${kind}: GitHub asks to wait ${retryAfterSeconds}s, beyond this request's time budget`;
            return false;
        }
        return true;
    };
}
class GitHubApi {
    options;
    baseUrl;
    /** Attempts per request; callers that retry a POST themselves keep to the same count. */
    maxAttempts;
    timeoutMs;
    maxTotalMs;
    octokitPromise;
    constructor(options) {
        this.options = options;
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.maxTotalMs = options.maxTotalMs ?? 120_000;
    }
    /**
     * @actions/github is loaded on first use: it reads the runner's event file when imported,
     * which the context stage has parsed (and refused if malformed) before anything calls GitHub.
     */
    octokit() {
        this.octokitPromise ??= __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351))
            .catch((e) => {
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `@actions/github could not load (it parses the event file GITHUB_EVENT_PATH when loaded): ${(0,errors/* describeError */.Uc)(e)}`);
        })
            .then(({ getOctokit }) => {
            const unitMs = this.options.retryAfterUnitMs ?? 1000;
            return getOctokit(this.options.token, {
                baseUrl: this.baseUrl,
                userAgent: 'isolated-provenance',
                retry: {
                    retries: this.maxAttempts - 1,
                    retryAfterBaseValue: this.options.baseDelayMs ?? 1000
                },
                throttle: {
                    retryAfterBaseValue: unitMs,
                    onRateLimit: rateLimitHandler('rate limit exhausted', unitMs),
                    onSecondaryRateLimit: rateLimitHandler('secondary rate limit', unitMs),
                    // The plugin spaces writes 1 s apart by default, GitHub's advice for "a large number
                    // of" POST/PATCH/PUT/DELETE requests; a run makes a handful, one after another.
                    write: new (light_default()).Group({ maxConcurrent: 1, minTime: 0 }),
                    notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: 0 })
                }
            }, dist_bundle/* retry */.L, throttling);
        });
        return this.octokitPromise;
    }
    /** `path` is relative to the base URL, or an absolute URL (upload_url, asset downloads). */
    async request(method, path, options) {
        const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(this.baseUrl + path);
        const endpoint = `GitHub API ${method} ${url.origin}${url.pathname}`;
        const octokit = await this.octokit();
        const baseFetch = octokit.request.endpoint.DEFAULTS.request?.fetch ?? fetch;
        const call = new CallState(Date.now() + this.maxTotalMs, this.timeoutMs, baseFetch);
        const headers = {
            accept: options.accept ?? 'application/vnd.github+json',
            'x-github-api-version': API_VERSION
        };
        let data;
        if (options.json !== undefined)
            data = options.json;
        else if (options.bytes !== undefined) {
            data = options.bytes;
            headers['content-type'] = options.contentType ?? 'application/octet-stream';
        }
        try {
            const res = await octokit.request({
                method,
                url: url.href,
                headers,
                ...(data !== undefined ? { data } : {}),
                request: {
                    fetch: call.fetch,
                    isolatedProvenanceCall: call,
                    ...(options.maxAttempts === 1 ? { retries: 0 } : {})
                }
            });
            return answer(res, endpoint, options);
        }
        catch (e) {
            const err = asRequestError(e);
            const response = err?.response;
            if (response && options.expect.includes(response.status))
                return answer(response, endpoint, options);
            throw failure(e, endpoint, options, call);
        }
    }
}
function failure(e, endpoint, options, call) {
    const err = asRequestError(e);
    const response = err?.response;
    const gaveUp = (problem) => new errors/* ProvenanceError */.CG('SERVICE_UNAVAILABLE', `${endpoint}: gave up after ${call.attempts} attempt(s) in ${call.elapsedSeconds()}s: ${problem}`, { cause: e });
    if (response) {
        const found = `HTTP ${response.status}: ${serverMessage(response.data)}`;
        if (call.refusedWait)
            return gaveUp(`${found} (${call.refusedWait})`);
        if (isTransientStatus(response.status) || isRateLimited(response.status, response.headers))
            return gaveUp(found);
        return new errors/* ProvenanceError */.CG(options.errorCode ?? 'PUBLISH_FAILED', `${endpoint}: expected HTTP ${options.expect.join(' or ')}, found ${found}`, { cause: e });
    }
    if (err?.budgetSpent)
        return gaveUp(`${call.lastNetworkProblem ?? 'no answer'} (time budget spent)`);
    if (call.lastNetworkProblem !== undefined)
        return gaveUp(call.lastNetworkProblem);
    return gaveUp((0,errors/* describeError */.Uc)(e));
}
function answer(res, endpoint, options) {
    const { data } = res;
    const body = data instanceof ArrayBuffer
        ? Buffer.from(data)
        : typeof data === 'string'
            ? Buffer.from(data, 'utf8')
            : data === undefined || data === null
                ? Buffer.alloc(0)
                : Buffer.from(JSON.stringify(data), 'utf8');
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers))
        if (value !== undefined)
            headers.set(name, String(value));
    return {
        status: res.status,
        headers,
        body,
        json() {
            if (typeof data === 'object' && data !== null && !(data instanceof ArrayBuffer))
                return data;
            try {
                return JSON.parse(body.toString('utf8'));
            }
            catch (e) {
                throw new errors/* ProvenanceError */.CG(options.errorCode ?? 'PUBLISH_FAILED', `${endpoint}: expected a JSON answer, found unparsable body (${(0,errors/* describeError */.Uc)(e)})`);
            }
        }
    };
}
/** Splits "owner/name" and checks it is one. */
function splitRepository(repository) {
    const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repository);
    if (!m) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `repository: expected "owner/name", found "${repository.replace(/[^\x20-\x7e]/g, '?')}"`);
    }
    return { owner: m[1], repo: m[2] };
}
/** The client's "gave up after 1 attempt(s)" for a POST this module tried `attempts` times. */
function attemptsSoFar(e, attempts) {
    return new errors/* ProvenanceError */.CG(e.code, e.message.replace(/gave up after 1 attempt\(s\)/, `gave up after ${attempts} attempt(s)`), { cause: e });
}


/***/ })

};
