export const id = 972;
export const ids = [972];
export const modules = {

/***/ 38972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishSigned: () => (/* binding */ publishSigned)
});

// UNUSED EXPORTS: downloadProvenanceArtifact

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/main.ts + 50 modules
var main = __webpack_require__(77644);
// EXTERNAL MODULE: ./src/publish/github-publishers.ts
var github_publishers = __webpack_require__(46092);
// EXTERNAL MODULE: ./src/publish/rollback.ts
var rollback = __webpack_require__(54899);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/provenance/statement-of-bundle.ts
var statement_of_bundle = __webpack_require__(78687);
// EXTERNAL MODULE: ./src/sanitize.ts
var sanitize = __webpack_require__(25540);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(16141);
;// CONCATENATED MODULE: ./src/publish/signed-file.ts
// Publish mode reads back the .intoto.jsonl the provenance job signed: the file's sha256 must be
// the one that job reported (a job output the build job cannot touch), and each line must be a
// DSSE bundle over an in-toto statement with our predicate. Pure functions; no I/O.





const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Refuses a file whose digest is not the one the signing job reported. */
function checkProvenanceDigest(content, expectedSha256) {
    if (!SHA256_HEX.test(expectedSha256)) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `provenance-sha256: expected 64 lowercase hex digits (the provenance job's provenance-sha256 output), found "${(0,sanitize/* safeLogText */.H)(expectedSha256, 80)}"`);
    }
    const found = (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex');
    if (found !== expectedSha256) {
        throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `provenance digest mismatch: the provenance job signed a file with sha256 ${expectedSha256}, the workflow artifact holds ${found}; refusing to publish it`);
    }
}
function lineError(index, problem) {
    return new errors/* ProvenanceError */.CG('FORMAT_INVALID', `provenance line ${index + 1}: ${problem}`);
}
/** Bundles and their statements, line by line; any line that is not ours refuses the file. */
function parseSignedProvenance(content) {
    const bundles = [];
    const statements = [];
    const lines = content.toString('utf8').split('\n');
    for (const [index, line] of lines.entries()) {
        if (line === '')
            continue;
        let bundle;
        try {
            bundle = JSON.parse(line);
        }
        catch {
            throw lineError(index, 'expected a JSON Sigstore bundle, found unparsable text');
        }
        const decoded = (0,statement_of_bundle/* statementOfBundle */.l)(bundle);
        if (!decoded.ok)
            throw lineError(index, `expected a DSSE bundle signing an in-toto statement, found ${decoded.problem}`);
        const statement = decoded.statement;
        if (statement.predicateType !== types/* SLSA_PROVENANCE_V1 */.us) {
            throw lineError(index, `expected predicateType ${types/* SLSA_PROVENANCE_V1 */.us}, found ${(0,sanitize/* safeLogText */.H)(String(statement?.predicateType), 120)}`);
        }
        bundles.push(bundle);
        statements.push(statement);
    }
    if (bundles.length === 0) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', 'the provenance file holds no bundle');
    }
    return { bundles, statements };
}
/** The signed source: `https://github.com/<repo>`, ref and commit, from the first statement. */
function signedSource(statement) {
    const workflow = statement.predicate?.buildDefinition?.externalParameters?.workflow;
    const commit = statement.predicate?.buildDefinition?.resolvedDependencies?.[0]?.digest?.['gitCommit'];
    if (!workflow || typeof workflow.ref !== 'string' || typeof commit !== 'string') {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', 'the provenance names no source workflow ref and commit (externalParameters.workflow, resolvedDependencies[0])');
    }
    return { repositoryUri: workflow.repository, ref: workflow.ref, commit };
}
/**
 * The release the file goes to: upload-tag-name, else the signed ref when it is a tag. Read
 * from the signed statement, not the publish job's environment.
 */
function releaseTagOf(uploadTagName, signedRef) {
    if (uploadTagName !== '') {
        // git check-ref-format's rules, narrowed to what a release tag reasonably is.
        if (!/^[A-Za-z0-9][A-Za-z0-9._/+-]{0,199}$/.test(uploadTagName) ||
            /\.\.|\/\/|\.lock$|\/$|\.$/.test(uploadTagName)) {
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `upload-tag-name: expected a tag name (letters, digits and ._/+-), found "${(0,sanitize/* safeLogText */.H)(uploadTagName, 80)}"`);
        }
        return uploadTagName;
    }
    if (signedRef.startsWith('refs/tags/'))
        return signedRef.slice('refs/tags/'.length);
    throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `upload-assets: the signed ref ${(0,sanitize/* safeLogText */.H)(signedRef)} is not a tag; set upload-tag-name`);
}

;// CONCATENATED MODULE: ./src/publish-mode.ts
// `mode: publish` — what the reusable workflows' upload-assets and attest jobs run, from the
// builder checkout at job_workflow_sha. It signs nothing and holds no id-token: it fetches the
// .intoto.jsonl the provenance job uploaded as a workflow artifact (@actions/artifact, the same
// client that uploaded it), checks it against the sha256 that job reported, and hands it to the
// same publishers the signing mode uses (publish/github-publishers.ts). One implementation each.









/** The provenance file of this run's workflow artifact `name` (file and artifact share it). */
async function downloadProvenanceArtifact(client, name) {
    let id;
    try {
        id = (await client.getArtifact(name)).artifact.id;
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `workflow artifact "${(0,sanitize/* safeLogText */.H)(name)}": not found in this run (${(0,errors/* describeError */.Uc)(e)}); the provenance job uploads it`, { cause: e });
    }
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'provenance-publish-'));
    try {
        await client.downloadArtifact(id, { path: dir });
        return await (0,promises_.readFile)((0,external_node_path_.join)(dir, name));
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', `workflow artifact "${(0,sanitize/* safeLogText */.H)(name)}" (id ${id}): could not read ${(0,sanitize/* safeLogText */.H)(name)} from it (${(0,errors/* describeError */.Uc)(e)})`, { cause: e });
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
function requirePublishInputs(inputs, env) {
    if (inputs.provenanceName === '') {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', 'mode publish: provenance-name is required (the provenance job output of that name)');
    }
    if (!inputs.uploadAssets && !inputs.attestToGithub) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', 'mode publish: nothing to do; set upload-assets or attest-to-github');
    }
    const repository = env.GITHUB_REPOSITORY ?? '';
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
        throw new errors/* ProvenanceError */.CG('CONTEXT_MISMATCH', `GITHUB_REPOSITORY: expected owner/name, found "${(0,sanitize/* safeLogText */.H)(repository)}"`);
    }
    return repository;
}
async function publishSigned(inputs, deps, client) {
    const { env } = deps;
    const repository = requirePublishInputs(inputs, env);
    if (!client && !env.ACTIONS_RUNTIME_TOKEN) {
        throw new errors/* ProvenanceError */.CG('PUBLISH_FAILED', 'mode publish: no workflow artifact service in this job (ACTIONS_RUNTIME_TOKEN is not set)');
    }
    const reader = client ?? new (await Promise.all(/* import() */[__webpack_require__.e(735), __webpack_require__.e(562), __webpack_require__.e(351), __webpack_require__.e(79)]).then(__webpack_require__.bind(__webpack_require__, 65079))).DefaultArtifactClient();
    const content = await downloadProvenanceArtifact(reader, inputs.provenanceName);
    checkProvenanceDigest(content, inputs.provenanceSha256);
    const { bundles, statements } = parseSignedProvenance(content);
    // The job's token writes to GITHUB_REPOSITORY only; the provenance must be about that repository.
    const source = signedSource(statements[0]);
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    if (source.repositoryUri !== `${serverUrl}/${repository}`) {
        throw new errors/* ProvenanceError */.CG('CONTEXT_MISMATCH', `the provenance is about ${(0,sanitize/* safeLogText */.H)(source.repositoryUri)}, this job publishes to ${serverUrl}/${repository}; refusing to attach it`);
    }
    const tag = inputs.uploadAssets ? releaseTagOf(inputs.uploadTagName, source.ref) : undefined;
    deps.info(`Publishing ${(0,sanitize/* safeLogText */.H)(inputs.provenanceName)} (sha256 ${inputs.provenanceSha256}, ${bundles.length} bundle${bundles.length === 1 ? '' : 's'}) for ${repository}`);
    const timeoutMs = (0,main/* httpTimeoutFromEnv */.JB)(env);
    const { GitHubApi } = await Promise.all(/* import() */[__webpack_require__.e(735), __webpack_require__.e(614)]).then(__webpack_require__.bind(__webpack_require__, 50614));
    const api = new GitHubApi({
        baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        token: inputs.githubToken,
        ...(timeoutMs ? { timeoutMs } : {})
    });
    const ledger = new rollback/* PublicationLedger */.g();
    const publications = [];
    let attestationUrl = '';
    try {
        if (tag !== undefined) {
            publications.push(await (0,github_publishers/* publishToRelease */.U)({
                api,
                repository,
                tag,
                draft: inputs.draftRelease,
                targetCommitish: source.commit,
                file: { name: inputs.provenanceName, content },
                statements,
                ledger
            }));
        }
        if (inputs.attestToGithub) {
            const stored = await (0,github_publishers/* publishToAttestationsApi */._)({
                api,
                repository,
                serverUrl,
                bundles,
                statements,
                ledger
            });
            publications.push(...stored.publications);
            attestationUrl = stored.attestationUrl;
        }
    }
    catch (e) {
        throw await ledger.rollback(e);
    }
    for (const p of publications)
        deps.info(`Published ${p.kind}: ${(0,sanitize/* safeLogText */.H)(p.location, 500)} (${p.status})`);
    deps.setOutput('provenance-name', inputs.provenanceName);
    deps.setOutput('provenance-sha256', inputs.provenanceSha256);
    deps.setOutput('attestation-url', attestationUrl);
    const release = publications.find((p) => p.kind === 'release-asset');
    deps.setOutput('release-asset-url', release?.location ?? '');
    return { publications, attestationUrl };
}


/***/ })

};
