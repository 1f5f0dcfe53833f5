export const id = 503;
export const ids = [503];
export const modules = {

/***/ 94503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishAttestations: () => (/* binding */ publishAttestations)
});

// UNUSED EXPORTS: bundleSubjectDigest

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/provenance/statement-of-bundle.ts
var statement_of_bundle = __webpack_require__(78687);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(28902);
;// CONCATENATED MODULE: ./src/publish/snappy.ts
// Snappy block decompression, for attestation bundles GitHub serves from `bundle_url`
// (`Content-Type: application/x-snappy`, a `.json.sn` blob; gh reads them the same way, see
// cli/cli#10185). Written to Google's format description
// (https://github.com/google/snappy/blob/main/format_description.txt): a varint with the
// uncompressed length, then literals and back-references. The length is checked against a cap
// before anything is allocated, and every element against the bounds, so hostile input fails
// with one line instead of a large allocation or an out-of-range read.

function corrupt(problem) {
    return new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `snappy data: ${problem}`);
}
/** The uncompressed length in the preamble, and where the elements start. */
function preamble(data) {
    let length = 0;
    for (let i = 0; i < 5; i++) {
        if (i >= data.length)
            throw corrupt('truncated length preamble');
        const byte = data[i];
        length += (byte & 0x7f) * 2 ** (7 * i);
        if ((byte & 0x80) === 0) {
            if (length > 0xffffffff)
                throw corrupt('length preamble above 2^32 - 1');
            return { length, start: i + 1 };
        }
    }
    throw corrupt('length preamble longer than 5 bytes');
}
function decodeSnappyBlock(data, maxLength) {
    const { length, start } = preamble(data);
    if (length > maxLength)
        throw corrupt(`expands to ${length} bytes, more than the ${maxLength} allowed`);
    const out = Buffer.alloc(length);
    let pos = start;
    let written = 0;
    const need = (n) => {
        if (pos + n > data.length)
            throw corrupt('truncated element');
    };
    while (pos < data.length) {
        const tag = data[pos++];
        const kind = tag & 0x03;
        if (kind === 0) {
            let len = (tag >> 2) + 1;
            if (len > 60) {
                const bytes = len - 60; // 1-4 length bytes follow, little-endian, holding len - 1
                need(bytes);
                len = 0;
                for (let i = 0; i < bytes; i++)
                    len += data[pos + i] * 2 ** (8 * i);
                len += 1;
                pos += bytes;
            }
            need(len);
            if (written + len > length)
                throw corrupt('literal runs past the declared length');
            out.set(data.subarray(pos, pos + len), written);
            pos += len;
            written += len;
            continue;
        }
        let len;
        let offset;
        if (kind === 1) {
            need(1);
            len = ((tag >> 2) & 0x07) + 4;
            offset = ((tag >> 5) << 8) | data[pos];
            pos += 1;
        }
        else if (kind === 2) {
            need(2);
            len = (tag >> 2) + 1;
            offset = data[pos] | (data[pos + 1] << 8);
            pos += 2;
        }
        else {
            need(4);
            len = (tag >> 2) + 1;
            offset =
                data[pos] + data[pos + 1] * 2 ** 8 + data[pos + 2] * 2 ** 16 + data[pos + 3] * 2 ** 24;
            pos += 4;
        }
        if (offset === 0 || offset > written)
            throw corrupt(`copy offset ${offset} out of range`);
        if (written + len > length)
            throw corrupt('copy runs past the declared length');
        // Byte by byte: a copy may overlap what it is writing (run-length encoding).
        for (let i = 0; i < len; i++, written++)
            out[written] = out[written - offset];
    }
    if (written !== length)
        throw corrupt(`declared ${length} bytes, decoded ${written}`);
    return out;
}

;// CONCATENATED MODULE: ./src/publish/attestation-bundle.ts
// The bundle of one entry of GitHub's attestation list. Until July 2026 it was inline; since
// then the list answers `"bundle": null` with a `bundle_url` to blob storage serving it
// snappy-compressed (`application/x-snappy`, `.json.sn`) — for every API version
// (docs.github.com/en/rest/about-the-rest-api/breaking-changes, "Use bundle_url to retrieve the
// attestation bundle"; live answers quoted in terraform-linters/tflint#2593). gh reads it the
// same way (cli/cli#10185).



/** A Sigstore bundle is a few KiB; anything near this is not one. */
const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
const DEFAULT_POLICY = {
    attempts: 3,
    baseDelayMs: 500,
    maxDelayMs: 4_000,
    budgetMs: 60_000,
    timeoutMs: 30_000
};
function failed(problem) {
    return new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `attestations API: cannot read a stored bundle from its bundle_url: ${problem}`);
}
/** Storage URLs carry a signature in the query: log the host and path only. */
function shown(url) {
    return `${url.origin}${url.pathname}`;
}
/**
 * The entry's bundle as parsed JSON; undefined when the entry has neither an inline bundle nor
 * a bundle_url. The URL is pre-signed storage: it gets no GitHub token (it would leak there).
 */
async function listedBundle(entry, options = {}) {
    if (entry.bundle !== null && typeof entry.bundle === 'object')
        return entry.bundle;
    if (typeof entry.bundle_url !== 'string' || entry.bundle_url === '')
        return undefined;
    let url;
    try {
        url = new URL(entry.bundle_url);
    }
    catch {
        throw failed('not a URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw failed(`unsupported scheme ${url.protocol}`);
    const policy = { ...DEFAULT_POLICY, ...options.policy };
    const result = await (0,retry/* withRetries */.LH)(policy, async () => {
        let res;
        try {
            res = await fetch(url, { signal: AbortSignal.timeout(policy.timeoutMs) });
        }
        catch (e) {
            return { retry: (0,errors/* describeError */.Uc)(e) };
        }
        // Refused before reading when the length already says it is no bundle.
        const declared = Number(res.headers.get('content-length') ?? 0);
        if (declared > MAX_BUNDLE_BYTES) {
            await res.body?.cancel();
            throw failed(`${declared} bytes, more than a bundle`);
        }
        let body;
        try {
            body = Buffer.from(await res.arrayBuffer());
        }
        catch (e) {
            return { retry: (0,errors/* describeError */.Uc)(e) };
        }
        if (res.ok)
            return { done: { body, type: res.headers.get('content-type') ?? '' } };
        const problem = `HTTP ${res.status} from ${shown(url)}`;
        if (!(0,retry/* isRetryableStatus */.PS)(res.status))
            throw failed(problem);
        return { retry: problem };
    }, options.sleep);
    if (!result.ok)
        throw failed(`gave up after ${result.attempts} attempt(s): ${result.problem}`);
    const { body, type } = result.value;
    if (body.length > MAX_BUNDLE_BYTES)
        throw failed(`${body.length} bytes, more than a bundle`);
    // Snappy is what GitHub serves; plain JSON is accepted should it ever serve that instead.
    const plain = /json/i.test(type) || (!/snappy/i.test(type) && body[0] === 0x7b) /* { */
        ? body
        : decodeSnappyBlock(body, MAX_BUNDLE_BYTES);
    try {
        return JSON.parse(plain.toString('utf8'));
    }
    catch (e) {
        throw failed(`not a JSON bundle (${(0,errors/* describeError */.Uc)(e)})`);
    }
}

// EXTERNAL MODULE: ./src/publish/github-api.ts + 1 modules
var github_api = __webpack_require__(50614);
;// CONCATENATED MODULE: ./src/publish/attestations.ts
// Store each Sigstore bundle through GitHub's attestations API, which is what
// `gh attestation verify` reads. Re-running is safe: a bundle already stored for its subject
// digest is not posted again.





/** The first sha256 subject digest of the in-toto statement a bundle signs. */
function bundleSubjectDigest(bundle) {
    const decoded = (0,statement_of_bundle/* statementOfBundle */.l)(bundle);
    if (!decoded.ok)
        throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `attestations API: expected a DSSE bundle signing an in-toto statement, found ${decoded.problem}`);
    const statement = decoded.statement;
    for (const subject of Array.isArray(statement.subject) ? statement.subject : []) {
        const hex = subject.digest?.['sha256'];
        if (typeof hex === 'string' && /^[0-9a-f]{64}$/.test(hex))
            return `sha256:${hex}`;
    }
    throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', 'attestations API: expected a subject with a sha256 digest (the API indexes by sha256), found none');
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
        const matches = (stored) => (0,external_node_util_.isDeepStrictEqual)(stored, bundle) || sameBuild(Buffer.from(JSON.stringify(stored)));
        // The list gives each bundle inline (before July 2026) or behind a bundle_url (since).
        for (const entry of attestations) {
            const stored = await listedBundle(entry);
            if (stored !== undefined && matches(stored))
                return true;
        }
        // GitHub pages this list with cursors in the Link header.
        const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
        after = next ? (new URL(next[1]).searchParams.get('after') ?? undefined) : undefined;
        if (!after)
            return false;
    }
    return false;
}
/**
 * Posts the bundle unless it is already stored. A POST whose answer was lost (timeout, reset,
 * 5xx from a proxy) may have been stored all the same, so every new try looks first: retrying
 * the POST blindly would store the attestation twice. Returns undefined when it was there.
 */
async function storeOnce(api, base, digest, bundle, sameBuild, sleep = (ms) => new Promise((r) => setTimeout(r, ms))) {
    for (let attempt = 1;; attempt++) {
        if (await alreadyStored(api, base, digest, bundle, sameBuild))
            return undefined;
        try {
            return await api.request('POST', `${base}/attestations`, {
                json: { bundle },
                expect: [201],
                maxAttempts: 1
            });
        }
        catch (e) {
            const transient = e instanceof errors/* ProvenanceError */.CG && e.code === 'SERVICE_UNAVAILABLE';
            if (!transient)
                throw e;
            if (attempt >= api.maxAttempts)
                throw (0,github_api.attemptsSoFar)(e, attempt);
            await sleep(500 * 2 ** (attempt - 1));
        }
    }
}
async function publishAttestations(input) {
    const { api, bundles } = input;
    const { owner, repo } = (0,github_api.splitRepository)(input.repository);
    const base = `/repos/${owner}/${repo}`;
    // Check every bundle before posting any, so a malformed one publishes nothing.
    const digests = bundles.map(bundleSubjectDigest);
    const results = [];
    for (const [i, bundle] of bundles.entries()) {
        const subjectDigest = digests[i];
        const sameBuild = (existing) => input.sameBuild?.(existing, i) ?? false;
        const res = await storeOnce(api, base, subjectDigest, bundle, sameBuild, input.sleep);
        if (!res) {
            results.push({ subjectDigest, reused: true });
            continue;
        }
        const { id } = res.json();
        if (typeof id !== 'number') {
            throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `GitHub API POST ${base}/attestations: expected an attestation id in the answer, found ${JSON.stringify(id)}`);
        }
        const stored = {
            subjectDigest,
            id,
            url: `${input.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/attestations/${id}`,
            reused: false
        };
        input.onStored?.(stored);
        results.push(stored);
    }
    return results;
}


/***/ })

};
