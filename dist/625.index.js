export const id = 625;
export const ids = [625];
export const modules = {

/***/ 67625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishWorkflowArtifact: () => (/* binding */ publishWorkflowArtifact)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
// Upload the provenance file as a workflow artifact through @actions/artifact. GitHub refuses a
// second artifact with the same name in a run, so a re-run first looks for one: identical
// content means the work is already done; different content is an error, never a replacement.




async function existingContent(client, id, fileName) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'provenance-artifact-'));
    try {
        await client.downloadArtifact(id, { path: dir });
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, fileName));
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * @actions/artifact retries 5xx and 429 itself but gives up at once on a dropped connection
 * (its NetworkError). Those get a few more tries here; the whole list-compare-upload sequence
 * is repeated, so an upload that did land before the connection dropped is found, not doubled.
 */
const NETWORK_ATTEMPTS = 3;
function isNetworkFailure(e) {
    const cause = e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvenanceError */ .CG ? e.cause : e;
    if (typeof cause === 'object' && cause !== null && cause.name === 'NetworkError')
        return true;
    // listArtifacts re-wraps it in a plain Error, keeping only NetworkError's message.
    return /Unable to make request: E[A-Z]+/.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(cause));
}
async function publishWorkflowArtifact(input, sleep = (ms) => new Promise((r) => setTimeout(r, ms))) {
    for (let attempt = 1;; attempt++) {
        try {
            return await publishOnce(input);
        }
        catch (e) {
            if (attempt >= NETWORK_ATTEMPTS || !isNetworkFailure(e))
                throw e;
            await sleep(1_000 * attempt);
        }
    }
}
async function publishOnce(input) {
    const { client, name, filePath } = input;
    const fileName = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(filePath);
    const what = `workflow artifact "${name}"`;
    const content = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(filePath);
    let existing;
    try {
        const { artifacts } = await client.listArtifacts();
        existing = artifacts.filter((a) => a.name === name).sort((a, b) => b.id - a.id)[0];
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvenanceError */ .CG('SERVICE_UNAVAILABLE', `${what}: could not list the run's artifacts: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(e)}`, { cause: e });
    }
    if (existing) {
        let theirs;
        try {
            theirs = await existingContent(client, existing.id, fileName);
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `${what} already exists (id ${existing.id}) and could not be read back to compare: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(e)}`, { cause: e });
        }
        if (theirs.equals(content))
            return { id: existing.id, uploaded: false };
        if (input.sameBuild?.(theirs))
            return { id: existing.id, uploaded: false, kept: theirs };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `${what} already exists in this run (id ${existing.id}) with different content; refusing to publish a second provenance under the same name`);
    }
    try {
        const result = await client.uploadArtifact(name, [filePath], (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(filePath), {
            ...(input.retentionDays !== undefined ? { retentionDays: input.retentionDays } : {})
        });
        if (result.id === undefined)
            throw new Error('the service returned no artifact id');
        return { id: result.id, uploaded: true };
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvenanceError */ .CG('PUBLISH_FAILED', `${what}: upload failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(e)}`, {
            cause: e
        });
    }
}


/***/ })

};
