export const id = 162;
export const ids = [162];
export const modules = {

/***/ 93162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkReleaseAcceptsAsset: () => (/* binding */ checkReleaseAcceptsAsset),
/* harmony export */   publishReleaseAsset: () => (/* binding */ publishReleaseAsset),
/* harmony export */   removeReleaseAsset: () => (/* binding */ removeReleaseAsset)
/* harmony export */ });
/* unused harmony export assetUploadUrl */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50614);
// Upload the provenance file to a GitHub release. Finds the release by tag (drafts are only
// visible in the release list), creates it when missing, and never edits an existing release,
// so immutable releases and hand-written release notes stay as they are.
// Immutable releases (https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases):
// once published, GitHub refuses new assets (HTTP 422 "Cannot upload assets to an immutable
// release."), refuses asset deletes, and never gives the tag to another release.



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
        return { refused: answerMessage(res.body) };
    }
}
const MAX_LIST_PAGES = 10;
/** The one line for a release that is published and immutable before our asset is in it. */
function immutableReleaseError(tag, assetName) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `release "${tag}" is an immutable release that is already published, and GitHub refuses new assets on it ("Cannot upload assets to an immutable release"), so "${assetName}" cannot be added; either leave the release to this workflow (it creates a draft, uploads the provenance and only then publishes it), or create the release as a draft and publish it after the provenance job has finished`);
}
/** GitHub's message in an error answer, or undefined. */
function answerMessage(body) {
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        const nested = Array.isArray(parsed.errors)
            ? parsed.errors.map((e) => String(e?.message ?? '')).join(' ')
            : '';
        return `${typeof parsed.message === 'string' ? parsed.message : ''} ${nested}`.trim();
    }
    catch {
        return body.toString('utf8').slice(0, 300);
    }
}
const mentionsImmutable = (body) => /\bimmutable release\b/i.test(answerMessage(body));
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
        return existingRelease(release, asset);
    }
    // A release we create starts as a draft and is published only once the provenance is in it:
    // a failed upload then leaves nothing public behind, and immutable releases (which refuse
    // new assets once published) work too.
    const created = await createRelease(api, base, tag, input.targetCommitish);
    if ('refused' in created) {
        if (/immutable release/i.test(created.refused)) {
            // The tag belonged to an immutable release that was deleted: GitHub never reuses it.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `release "${tag}": GitHub refuses to create it because the tag was used by an immutable release (deleted immutable releases keep their tag for good); choose another tag with upload-tag-name`);
        }
        // Another job created it between our lookup and our POST: use that one as it is.
        release = await findRelease(api, base, tag);
        if (!release) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `GitHub API POST ${base}/releases: could not create release "${tag}" (HTTP 422: ${created.refused})`);
        }
        const asset = await uploadOnce(api, base, release, input, tag);
        return existingRelease(release, asset);
    }
    release = created.release;
    if (!created.created) {
        // Found after a lost answer, but not a draft of ours: use it as it is.
        const asset = await uploadOnce(api, base, release, input, tag);
        return existingRelease(release, asset);
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
    let immutable = false;
    if (!input.draft) {
        const published = await api.request('PATCH', `${base}/releases/${release.id}`, {
            json: { draft: false },
            expect: [200]
        });
        // Publishing is what locks it when the repository has immutable releases on.
        immutable = published.json().immutable === true;
    }
    return { releaseId: release.id, releaseCreated: true, draft: input.draft, immutable, ...asset };
}
function existingRelease(release, asset) {
    return {
        releaseId: release.id,
        releaseCreated: false,
        draft: release.draft,
        immutable: release.immutable === true,
        ...asset
    };
}
/**
 * Before signing: refuses an immutable release that is already published and lacks our asset,
 * since GitHub will refuse the upload. A draft, a missing release, or one that already holds an
 * asset of our name (a re-run; compared at upload time) is fine.
 */
async function checkReleaseAcceptsAsset(api, repository, tag, assetName) {
    const { owner, repo } = (0,_github_api_js__WEBPACK_IMPORTED_MODULE_2__.splitRepository)(repository);
    const base = `/repos/${owner}/${repo}`;
    const byTag = await api.request('GET', `${base}/releases/tags/${encodeURIComponent(tag)}`, {
        expect: [200, 404]
    });
    if (byTag.status !== 200)
        return;
    const release = byTag.json();
    if (release.immutable !== true || release.draft)
        return;
    const assets = await listAssets(api, base, release.id);
    if (!assets.some((a) => a.name === assetName))
        throw immutableReleaseError(tag, assetName);
}
/**
 * Takes back what publishReleaseAsset did in this run: the asset it uploaded, and the release
 * too when it created it. Used when a later destination fails (all or nothing).
 */
async function removeReleaseAsset(api, repository, result) {
    if (result.immutable) {
        // GitHub refuses the asset delete, and deleting the release would burn its tag for good.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `release ${result.releaseId} is immutable: its assets cannot be removed`);
    }
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
        // Not there, and GitHub would refuse it: say why instead of trying.
        if (release.immutable === true && !release.draft)
            throw immutableReleaseError(tag, assetName);
        const uploaded = await api.request('POST', assetUploadUrl(release.upload_url, assetName), {
            bytes: content,
            contentType: 'application/octet-stream',
            expect: [201, 422]
        });
        if (uploaded.status === 201) {
            const asset = uploaded.json();
            return { assetId: asset.id, downloadUrl: asset.browser_download_url, uploaded: true };
        }
        // Also a 422 where the `immutable` field is missing (older GHES) or the release was
        // published meanwhile: not an asset that "already exists".
        if (mentionsImmutable(uploaded.body))
            throw immutableReleaseError(tag, assetName);
        // 422: an asset of that name appeared meanwhile (a concurrent attempt); compare once more.
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `release "${tag}": upload of "${assetName}" kept failing with "already exists" although no such asset is listed`);
}


/***/ })

};
