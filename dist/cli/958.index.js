export const id = 958;
export const ids = [958];
export const modules = {

/***/ 8522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iw: () => (/* binding */ BUILD_TYPE_WORKFLOW_V1),
/* harmony export */   us: () => (/* binding */ SLSA_PROVENANCE_V1),
/* harmony export */   w9: () => (/* binding */ INTOTO_PAYLOAD_TYPE),
/* harmony export */   zG: () => (/* binding */ STATEMENT_TYPE)
/* harmony export */ });
// Types shared by every stage: the generator pipeline and the verifier speak the same language.
const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const BUILD_TYPE_WORKFLOW_V1 = 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1';
const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';


/***/ }),

/***/ 8703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ single),
/* harmony export */   Z: () => (/* binding */ parseArgs)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// A small strict argv reader: unknown flags and missing values are user errors, never ignored.

function parseArgs(argv, spec, command) {
    const parsed = { positionals: [], values: {}, booleans: new Set() };
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        if (arg === '--') {
            parsed.positionals.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith('--') || arg === '-') {
            parsed.positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq === -1 ? undefined : eq);
        if (spec.booleans.includes(name)) {
            if (eq !== -1)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --${name} takes no value`);
            parsed.booleans.add(name);
            continue;
        }
        const valueSpec = spec.values[name];
        if (!valueSpec)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: unknown flag --${name} (see ${command} --help)`);
        let value;
        if (eq !== -1)
            value = arg.slice(eq + 1);
        else {
            value = argv[i + 1];
            i += 1;
        }
        if (value === undefined || (eq === -1 && value.startsWith('--'))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --${name} needs a value`);
        }
        const list = (parsed.values[name] ??= []);
        if (list.length > 0 && !valueSpec.repeatable) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --${name} given more than once`);
        }
        list.push(value);
    }
    return parsed;
}
function single(args, name) {
    return args.values[name]?.[0];
}


/***/ }),

/***/ 3330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ readPolicy),
/* harmony export */   v: () => (/* binding */ POLICY_FLAGS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8703);
// The policy flags shared by verify-artifact and verify-image, read into a VerifyPolicy.


const POLICY_FLAGS = {
    values: {
        'source-uri': {},
        'source-branch': {},
        'source-tag': {},
        'source-versioned-tag': {},
        'builder-id': {},
        'build-workflow-input': { repeatable: true },
        'trusted-root': {},
        'certificate-oidc-issuer': {},
        'signer-workflow': {},
        'signer-repo': {},
        'source-repository-id': {},
        'source-owner-id': {},
        'deployment-environment': {},
        'package-name': {},
        'package-version': {}
    },
    booleans: ['print-provenance', 'json', 'help', 'online', 'deny-self-hosted-runners']
};
function readPolicy(args, command, artifacts, builderSet = 'artifact') {
    const sourceUri = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'source-uri');
    if (sourceUri === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --source-uri is required (e.g. --source-uri github.com/OWNER/REPO)`);
    const builderId = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'builder-id');
    const issuer = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'certificate-oidc-issuer');
    const signerWorkflow = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'signer-workflow');
    const signerRepo = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'signer-repo');
    if (signerWorkflow !== undefined && signerRepo !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: give at most one of --signer-workflow, --signer-repo`);
    const optional = {};
    if (builderId !== undefined)
        optional.builderId = readBuilderId(builderId, command);
    if (issuer !== undefined)
        optional.issuer = issuer;
    if (signerWorkflow !== undefined)
        optional.signerWorkflow = signerWorkflow;
    if (signerRepo !== undefined)
        optional.signerRepo = signerRepo;
    const repositoryId = readId(args, 'source-repository-id', command);
    if (repositoryId !== undefined)
        optional.sourceRepositoryId = repositoryId;
    const ownerId = readId(args, 'source-owner-id', command);
    if (ownerId !== undefined)
        optional.sourceOwnerId = ownerId;
    const deployment = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'deployment-environment');
    if (deployment !== undefined)
        optional.deploymentEnvironment = deployment;
    const packageName = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'package-name');
    if (packageName !== undefined)
        optional.packageName = packageName;
    const packageVersion = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'package-version');
    if (packageVersion !== undefined)
        optional.packageVersion = packageVersion;
    if (args.booleans.has('deny-self-hosted-runners'))
        optional.denySelfHostedRunners = true;
    return {
        sourceUri,
        sourceRef: readRefRequirement(args, command),
        ...optional,
        workflowInputs: readWorkflowInputs(args.values['build-workflow-input'] ?? [], command),
        artifacts,
        builderSet
    };
}
function readId(args, flag, command) {
    const value = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, flag);
    if (value !== undefined && !/^[1-9]\d*$/.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --${flag}: expected GitHub's numeric id, found ${JSON.stringify(value)}`);
    return value;
}
function readRefRequirement(args, command) {
    const branch = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'source-branch');
    const tag = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'source-tag');
    const versioned = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'source-versioned-tag');
    const given = [branch, tag, versioned].filter((v) => v !== undefined);
    if (given.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: give at most one of --source-branch, --source-tag, --source-versioned-tag`);
    }
    if (branch !== undefined)
        return { kind: 'branch', branch: stripPrefix(branch, 'refs/heads/') };
    if (tag !== undefined)
        return { kind: 'tag', tag: stripPrefix(tag, 'refs/tags/') };
    if (versioned !== undefined)
        return { kind: 'versioned-tag', version: versioned };
    return { kind: 'any' };
}
function stripPrefix(value, prefix) {
    return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}
function readBuilderId(value, command) {
    if (!/^https:\/\/[^\s@]+\/[^\s@]+(@[^\s@]+)?$/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --builder-id: expected https://github.com/OWNER/REPO/.github/workflows/FILE.yml[@REF], found ${JSON.stringify(value)}`);
    }
    return value;
}
function readWorkflowInputs(pairs, command) {
    const inputs = {};
    for (const pair of pairs) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --build-workflow-input: expected KEY=VALUE, found ${JSON.stringify(pair)}`);
        const key = pair.slice(0, eq);
        if (Object.hasOwn(inputs, key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --build-workflow-input ${key} given twice`);
        inputs[key] = pair.slice(eq + 1);
    }
    return inputs;
}


/***/ }),

/***/ 1211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ selectPassingEnvelope)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/identity.ts
// Who we are. The verifier trusts our reusable workflows by this name, so a fork or a
// move of the repository changes exactly this one line.
const PROJECT_REPOSITORY = 'isolated-provenance/isolated-provenance';
/** Our reusable workflows: the only identities that may sign L3 provenance as our builder. */
const BUILDER_WORKFLOW_PATHS = (/* unused pure expression or super */ null && ([
    '.github/workflows/generic.yml',
    '.github/workflows/container.yml'
]));
const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

;// CONCATENATED MODULE: ./src/verify/policy/builder-releases.ts
// BEGIN RELEASES (generated; one entry per line)
const BUILDER_RELEASES = [];
// END RELEASES

// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/verify/provenance/build-types.ts
// SLSA v1 build types we can read, and the family each belongs to.

const BUILD_TYPE_ACTIONS_WORKFLOW_V1 = 'https://actions.github.io/buildtypes/workflow/v1';
const BUILD_TYPE_BYOB_DELEGATOR = 'https://github.com/slsa-framework/slsa-github-generator/delegator-generic@v0';
const BUILD_TYPE_CONTAINER_BASED = 'https://slsa.dev/container-based-build/v0.1?draft';
const V1_FAMILIES = new Map([
    [types/* BUILD_TYPE_WORKFLOW_V1 */.iw, 'github-workflow'],
    [BUILD_TYPE_ACTIONS_WORKFLOW_V1, 'github-workflow'],
    [BUILD_TYPE_BYOB_DELEGATOR, 'byob-delegator'],
    [BUILD_TYPE_CONTAINER_BASED, 'container-based']
]);
function v1BuildTypeFamily(buildType) {
    return V1_FAMILIES.get(buildType);
}
function supportedV1BuildTypes() {
    return [...V1_FAMILIES.keys()];
}

;// CONCATENATED MODULE: ./src/verify/policy/builder-id.ts
// A builder release is a full semantic version vX.Y.Z with neither pre-release nor build
// metadata, as slsa-verifier requires (verifiers/utils/builder.go IsValidBuilderTag:
// semver.IsValid, three parts, empty Prerelease and Build).
const RELEASE_TAG = /^refs\/tags\/v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const COMMIT_SHA = /^[0-9a-f]{40}$/;
function parseBuilderId(value) {
    const at = value.lastIndexOf('@');
    if (at === -1)
        return { name: value };
    return { name: value.slice(0, at), ref: expandRef(value.slice(at + 1)) };
}
function expandRef(ref) {
    if (/^v\d+(\.\d+)*(-[0-9A-Za-z.-]+)?$/.test(ref))
        return `refs/tags/${ref}`;
    return ref;
}
function formatBuilderId(id) {
    return id.ref === undefined ? id.name : `${id.name}@${id.ref}`;
}
function isReleaseTag(ref) {
    return ref !== undefined && RELEASE_TAG.test(ref);
}
function isCommitSha(ref) {
    return ref !== undefined && COMMIT_SHA.test(ref);
}
function builderRefKind(ref) {
    if (isReleaseTag(ref))
        return 'release';
    if (ref?.startsWith('refs/heads/'))
        return 'branch';
    if (isCommitSha(ref))
        return 'commit';
    if (ref?.startsWith('refs/tags/'))
        return 'tag';
    return 'ref';
}

;// CONCATENATED MODULE: ./src/verify/policy/policy-error.ts
// Every policy failure reads "<what>: expected <X>, found <Y>" so a user can see at once
// which flag or which part of the provenance disagrees.

function mismatch(what, expected, found, hint) {
    const message = `${what}: expected ${expected}, found ${found}`;
    return new errors/* ProvenanceError */.CG('VERIFY_FAILED', hint ? `${message} (${hint})` : message);
}

;// CONCATENATED MODULE: ./src/verify/policy/trusted-builders.ts
// The builders trusted without being named, per command, as slsa-verifier has them
// (verifiers/internal/gha/builder.go: defaultArtifactTrustedReusableWorkflows for
// verify-artifact — generic, Go, container-based — plus defaultBYOBReusableWorkflows;
// defaultContainerTrustedReusableWorkflows — the container generator only — for verify-image),
// and our own: generic.yml for artifacts, container.yml for images. Each only at a release.

const GENERATOR_REPOSITORY = 'https://github.com/slsa-framework/slsa-github-generator';
const GENERATOR = `${GENERATOR_REPOSITORY}/.github/workflows`;
const OURS = `https://github.com/${PROJECT_REPOSITORY}/.github/workflows`;
const OUR_GENERIC_BUILDER = `${OURS}/generic.yml`;
const OUR_CONTAINER_BUILDER = `${OURS}/container.yml`;
const OUR_BUILDERS = [OUR_GENERIC_BUILDER, OUR_CONTAINER_BUILDER];
const GENERIC_GENERATOR = `${GENERATOR}/generator_generic_slsa3.yml`;
const GO_BUILDER = `${GENERATOR}/builder_go_slsa3.yml`;
const CONTAINER_GENERATOR = `${GENERATOR}/generator_container_slsa3.yml`;
const CONTAINER_BASED_BUILDER = `${GENERATOR}/builder_container-based_slsa3.yml`;
const GENERATOR_BUILDERS = [
    GENERIC_GENERATOR,
    GO_BUILDER,
    CONTAINER_GENERATOR,
    CONTAINER_BASED_BUILDER
];
const BYOB_DELEGATORS = [
    `${GENERATOR}/delegator_generic_slsa3.yml`,
    `${GENERATOR}/delegator_lowperms-generic_slsa3.yml`
];
/** BYOB builders under this path are trusted without --builder-id (slsa-verifier provenance.go VerifyProvenance). */
const GENERATOR_WORKFLOWS_PREFIX = `${GENERATOR}/`;
const DEFAULTS = {
    artifact: [OUR_GENERIC_BUILDER, GENERIC_GENERATOR, GO_BUILDER, CONTAINER_BASED_BUILDER],
    image: [OUR_CONTAINER_BUILDER, CONTAINER_GENERATOR]
};
function defaultBuilders(set) {
    return DEFAULTS[set];
}
function isDefaultTrustedBuilder(name, set) {
    return DEFAULTS[set].includes(name);
}
/** BYOB delegators sign artifact provenance only (slsa-verifier VerifyArtifact merges them in; VerifyImage does not). */
function isByobDelegator(name, set) {
    return set === 'artifact' && BYOB_DELEGATORS.includes(name);
}
function isOurBuilder(name) {
    return OUR_BUILDERS.includes(name);
}
// Build L2 provenance names the runner as its builder: npm CLI provenance and
// actions/attest-build-provenance (slsa-verifier slsaprovenance/common/builders.go
// NpmCLILegacyBuilderID / NpmCLIHostedBuilderID / NpmCLISelfHostedBuilderID).
const RUNNER_BUILDER_LEGACY = 'https://github.com/actions/runner';
const RUNNER_BUILDER_GITHUB_HOSTED = `${RUNNER_BUILDER_LEGACY}/github-hosted`;
const RUNNER_BUILDER_SELF_HOSTED = `${RUNNER_BUILDER_LEGACY}/self-hosted`;
/** The runner environment a runner builder id stands for, or undefined for any other id. */
function runnerBuilderEnvironment(builderId) {
    if (builderId === RUNNER_BUILDER_GITHUB_HOSTED || builderId === RUNNER_BUILDER_LEGACY)
        return 'github-hosted';
    if (builderId === RUNNER_BUILDER_SELF_HOSTED)
        return 'self-hosted';
    return undefined;
}

;// CONCATENATED MODULE: ./src/verify/policy/check-build-type.ts
// Each well-known builder writes one kind of predicate; a predicate of another buildType under
// that builder's signature is refused (slsa-verifier verifiers/internal/gha/slsaprovenance/
// v0.2/provenance.go and v1.0/provenance.go buildTypeMap; build types from
// slsaprovenance/common/buildtypes.go). For v0.2, materials[0] must be the same source as
// configSource, ref included (slsa-verifier provenance.go verifySourceURI).




const check_build_type_GENERATOR = 'https://github.com/slsa-framework/slsa-github-generator';
const NPM_CLI_V1 = 'https://github.com/npm/cli/gha@v1';
const NPM_CLI_V2 = 'https://github.com/npm/cli/gha/v2';
/** builder name → predicate version → accepted buildTypes. */
const BUILD_TYPES = {
    [GENERIC_GENERATOR]: { 'v0.2': [`${check_build_type_GENERATOR}/generic@v1`] },
    [GO_BUILDER]: {
        'v0.2': [`${check_build_type_GENERATOR}/go@v1`, `${check_build_type_GENERATOR}@v1`, `${check_build_type_GENERATOR}-go@v1`]
    },
    [CONTAINER_GENERATOR]: { 'v0.2': [`${check_build_type_GENERATOR}/container@v1`] },
    [CONTAINER_BASED_BUILDER]: { v1: [BUILD_TYPE_CONTAINER_BASED] },
    [OUR_GENERIC_BUILDER]: { v1: [types/* BUILD_TYPE_WORKFLOW_V1 */.iw] },
    [OUR_CONTAINER_BUILDER]: { v1: [types/* BUILD_TYPE_WORKFLOW_V1 */.iw] },
    // Build L2: npm CLI (v0.2 and v1) and actions/attest-build-provenance (v1).
    [RUNNER_BUILDER_LEGACY]: { 'v0.2': [NPM_CLI_V1, NPM_CLI_V2] },
    [RUNNER_BUILDER_GITHUB_HOSTED]: {
        'v0.2': [NPM_CLI_V1, NPM_CLI_V2],
        v1: [types/* BUILD_TYPE_WORKFLOW_V1 */.iw, BUILD_TYPE_ACTIONS_WORKFLOW_V1]
    },
    [RUNNER_BUILDER_SELF_HOSTED]: { v1: [types/* BUILD_TYPE_WORKFLOW_V1 */.iw, BUILD_TYPE_ACTIONS_WORKFLOW_V1] }
};
function checkBuildType(builderName, provenance) {
    const accepted = BUILD_TYPES[builderName];
    if (accepted !== undefined) {
        const types = accepted[provenance.predicateVersion] ?? [];
        if (!types.includes(provenance.buildType)) {
            throw mismatch(`buildType for builder ${builderName}`, types.length === 0
                ? `no SLSA ${provenance.predicateVersion} predicate (this builder writes ${Object.keys(accepted).join(', ')})`
                : types.join(' or '), `${provenance.predicateVersion} ${provenance.buildType}`);
        }
    }
    if (provenance.predicateVersion === 'v0.2')
        checkMaterials(provenance);
}
function checkMaterials(provenance) {
    const material = provenance.materialUri;
    if (material === undefined)
        throw mismatch('provenance materials[0].uri', 'the source the build checked out', 'none');
    // npm CLI provenance before GA recorded the source without a ref (slsa-verifier
    // provenance.go verifySourceURI, slsa-verifier issue #492).
    if (!material.includes('@') && provenance.buildType === NPM_CLI_V1)
        return;
    if (material !== provenance.configSourceUri) {
        throw mismatch('provenance materials[0].uri', `${provenance.configSourceUri ?? 'invocation.configSource.uri'} (the configSource)`, material);
    }
}

;// CONCATENATED MODULE: ./src/verify/policy/check-builder.ts
// Is the signer a builder we trust, and does the predicate name the same builder?
// The certificate SAN is the reusable workflow that obtained the signing identity; only it
// can be trusted. The predicate's builder id is a claim inside the signed payload: for
// ordinary builders it must equal the SAN (slsa-verifier verifiers/internal/gha/provenance.go
// verifyBuilderIDExactMatch), for BYOB delegators it names the builder the delegator ran.
// Provenance whose builder is the GitHub runner itself is Build L2: see check-signer-l2.ts.
//
// Refs (slsa-verifier verifiers/internal/gha/builder.go verifyTrustedBuilderRef +
// verifiers/utils/builder.go IsValidBuilderTag): a builder is trusted at a release tag
// vX.Y.Z only, named or not. Deliberately different: a user who names a ref explicitly
// (`--builder-id …@refs/heads/main`, `…@<sha>`) trusts the builder there, with a warning.
// Advice in a refusal never repeats a ref or commit from the certificate: that is the
// evidence under check, and copying it into --builder-id would trust whatever it names.





const RELEASE_TAG_HINT = 'a release tag refs/tags/vX.Y.Z';
const NAME_A_REF = 'a builder is trusted by default only at a release; to trust another ref you have reviewed, name it in --builder-id NAME@REF';
function checkBuilder(context) {
    const { signerIdentity, provenance, wanted, set } = context;
    const signer = parseBuilderId(signerIdentity);
    if (signer.ref === undefined) {
        throw mismatch('signing certificate', 'a reusable workflow identity NAME@REF', JSON.stringify(signerIdentity));
    }
    if (isByobDelegator(signer.name, set))
        return checkDelegatedBuilder(signer, provenance, wanted);
    if (provenance.builderId !== signerIdentity) {
        throw mismatch('predicate builder id', `the certificate identity ${signerIdentity}`, provenance.builderId, 'the provenance claims a builder that did not sign it');
    }
    // Who signed is decided first (slsa-verifier: VerifyBuilderIdentity before VerifyProvenance);
    // only then is the predicate read as that builder's.
    const trust = trustSigner(signer, context);
    checkBuildType(signer.name, provenance);
    return trust;
}
function trustSigner(signer, context) {
    const { signerIdentity, wanted, set } = context;
    if (wanted !== undefined)
        return checkNamedBuilder(signer, parseBuilderId(wanted), context);
    if (!isDefaultTrustedBuilder(signer.name, set)) {
        throw mismatch('builder', `one of the trusted builders ${defaultBuilders(set).join(', ')} (or one named with --builder-id)`, signerIdentity, 'untrusted reusable workflow');
    }
    if (isOurBuilder(signer.name) && isCommitSha(signer.ref))
        return checkOurReleaseCommit(signer, context);
    if (!isReleaseTag(signer.ref))
        throw mismatch(`builder ${signer.name} ref`, RELEASE_TAG_HINT, signer.ref ?? 'no ref', NAME_A_REF);
    checkReleaseNotMoved(signer, context);
    return level3(signerIdentity, 'release', 'default');
}
function level3(builderId, trustedAt, trustedBy, warnings = []) {
    return { builderId, slsaBuildLevel: 3, trustedAt, trustedBy, warnings };
}
/**
 * Our builder pinned by commit, not named by the user: trusted only when the commit that ran
 * (the certificate's build-signer digest, .1.10) is one of our recorded releases.
 */
function checkOurReleaseCommit(signer, context) {
    const ran = context.extensions.buildSignerDigest;
    const release = context.releases.find((r) => r.commit === signer.ref);
    if (release === undefined || ran !== signer.ref) {
        throw mismatch(`builder ${signer.name} commit`, 'the commit of one of our releases (the verifier ships their list)', `${signer.ref ?? 'none'}${ran !== undefined && ran !== signer.ref ? ` (the certificate's build-signer digest says ${ran})` : ''}`, 'GitHub also resolves commits that exist only in a fork; to trust a commit you have reviewed, name it in --builder-id NAME@<sha>');
    }
    return level3(formatBuilderId(signer), 'commit', 'release-manifest', [
        `builder pinned by commit ${release.commit}, which is our release ${release.tag}`
    ]);
}
/** A recorded release tag must still point at the recorded commit (.1.10 says what ran). */
function checkReleaseNotMoved(signer, context) {
    if (!isOurBuilder(signer.name))
        return;
    const release = context.releases.find((r) => r.tag === signer.ref);
    const ran = context.extensions.buildSignerDigest;
    if (release !== undefined && ran !== undefined && ran !== release.commit) {
        throw mismatch(`builder ${formatBuilderId(signer)} commit`, `${release.commit} (recorded when ${release.tag} was released)`, `${ran} (the certificate's build-signer digest)`);
    }
}
/** --builder-id given: the signer must be exactly that builder (and at that ref if one is given). */
function checkNamedBuilder(signer, wanted, context) {
    const found = formatBuilderId(signer);
    if (wanted.name !== signer.name)
        throw mismatch('builder', formatBuilderId(wanted), found);
    if (wanted.ref === undefined) {
        // slsa-verifier checks the ref whether or not the builder was named (builder.go
        // VerifyBuilderIdentity → verifyTrustedBuilderRef).
        if (!isReleaseTag(signer.ref))
            throw mismatch(`builder ${signer.name} ref`, RELEASE_TAG_HINT, signer.ref ?? 'no ref', NAME_A_REF);
        checkReleaseNotMoved(signer, context);
        return level3(found, 'release', 'builder-id');
    }
    if (wanted.ref !== signer.ref)
        throw mismatch('builder ref', wanted.ref, signer.ref ?? 'no ref');
    const kind = builderRefKind(signer.ref);
    if (kind === 'release') {
        checkReleaseNotMoved(signer, context);
        return level3(found, kind, 'builder-id');
    }
    if (kind === 'commit' && context.extensions.buildSignerDigest !== undefined) {
        if (context.extensions.buildSignerDigest !== signer.ref)
            throw mismatch('builder commit', `${signer.ref} (the commit you named)`, `${context.extensions.buildSignerDigest} (the certificate's build-signer digest)`);
    }
    const why = kind === 'commit'
        ? `builder trusted at commit ${signer.ref} because you named it; GitHub also resolves commits that exist only in a fork, so make sure this commit is in ${signer.name.split('/.github/')[0] ?? signer.name}`
        : `builder trusted at ${kind === 'branch' ? 'a branch' : 'a non-release ref'} ${signer.ref} because you named it; a branch can point at any commit over time`;
    return level3(found, kind, 'builder-id', [why]);
}
/**
 * BYOB: the delegator (SAN) signs on behalf of the builder named in the predicate (a trusted
 * reusable workflow, TRW). slsa-verifier (provenance.go VerifyProvenance, isValidDelegatorBuilderID):
 * the TRW must be at a release tag; without --builder-id it must live under
 * slsa-framework/slsa-github-generator/.github/workflows/; with one, names must match (and refs
 * when the user gives one).
 */
function checkDelegatedBuilder(delegator, provenance, wanted) {
    if (!isReleaseTag(delegator.ref)) {
        throw mismatch(`BYOB delegator ${delegator.name} ref`, RELEASE_TAG_HINT, delegator.ref ?? 'no ref');
    }
    if (provenance.buildType !== BUILD_TYPE_BYOB_DELEGATOR) {
        throw mismatch('provenance signed by a BYOB delegator', `buildType ${BUILD_TYPE_BYOB_DELEGATOR}`, `${provenance.predicateType} with buildType ${provenance.buildType}`);
    }
    const claimed = parseBuilderId(provenance.builderId);
    if (!isReleaseTag(claimed.ref)) {
        throw mismatch(`predicate builder ${claimed.name} ref`, RELEASE_TAG_HINT, claimed.ref ?? 'no ref', 'a BYOB builder is trusted only at a release');
    }
    if (wanted === undefined) {
        if (!claimed.name.startsWith(GENERATOR_WORKFLOWS_PREFIX)) {
            throw mismatch('--builder-id', `the builder you trust (only BYOB builders under ${GENERATOR_WORKFLOWS_PREFIX} are trusted without it)`, `none given; the predicate names ${provenance.builderId}`);
        }
        return level3(provenance.builderId, 'release', 'default');
    }
    const expected = parseBuilderId(wanted);
    if (expected.name !== claimed.name ||
        (expected.ref !== undefined && expected.ref !== claimed.ref)) {
        throw mismatch('builder', formatBuilderId(expected), provenance.builderId);
    }
    return level3(provenance.builderId, 'release', 'builder-id');
}

;// CONCATENATED MODULE: ./src/verify/policy/check-environment.ts

function checkEnvironment(extensions, provenance, policy) {
    const runner = extensions.runnerEnvironment;
    if (runner !== undefined &&
        provenance.runnerEnvironment !== undefined &&
        runner !== provenance.runnerEnvironment)
        throw mismatch('predicate runner environment', `${runner} (from the certificate)`, provenance.runnerEnvironment);
    if (policy.denySelfHostedRunners && runner !== 'github-hosted')
        throw mismatch('runner environment (--deny-self-hosted-runners)', 'github-hosted', runner ?? 'none (the certificate does not say)');
    const deployment = extensions.deploymentEnvironment;
    if (policy.deploymentEnvironment !== undefined && deployment !== policy.deploymentEnvironment)
        throw mismatch('deployment environment', JSON.stringify(policy.deploymentEnvironment), deployment === undefined
            ? 'none (the certificate has no Fulcio .1.23 extension)'
            : JSON.stringify(deployment));
    return {
        ...(runner === undefined ? {} : { runnerEnvironment: runner }),
        ...(deployment === undefined ? {} : { deploymentEnvironment: deployment })
    };
}

;// CONCATENATED MODULE: ./src/verify/policy/check-inputs.ts
// --build-workflow-input k=v, as slsa-verifier reads it (verifiers/internal/gha/
// slsaprovenance/common/common.go GetWorkflowInputs + GetAsString): only a workflow_dispatch
// build has inputs, and each named input must be recorded as a string with exactly that value.

function checkWorkflowInputs(trigger, recorded, wanted) {
    if (Object.keys(wanted).length === 0)
        return;
    if (trigger !== 'workflow_dispatch')
        throw mismatch('--build-workflow-input', 'a build triggered by workflow_dispatch', `a build triggered by ${trigger ?? 'an unrecorded event'}`);
    for (const [key, value] of Object.entries(wanted)) {
        if (!Object.hasOwn(recorded, key)) {
            throw mismatch(`workflow input ${key}`, JSON.stringify(value), `no such input (recorded: ${Object.keys(recorded).join(', ') || 'none'})`);
        }
        const found = recorded[key];
        if (typeof found !== 'string')
            throw mismatch(`workflow input ${key}`, 'a string value', JSON.stringify(found));
        if (found !== value)
            throw mismatch(`workflow input ${key}`, JSON.stringify(value), JSON.stringify(found));
    }
}

;// CONCATENATED MODULE: ./src/verify/policy/semver-prefix.ts
const NUMBER = '(0|[1-9]\\d*)';
const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const FULL = new RegExp(`^v${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENTIFIERS}))?(?:\\+${IDENTIFIERS})?$`);
const SHORT = new RegExp(`^v${NUMBER}(?:\\.${NUMBER})?$`);
/** Go's semver.IsValid, parsed; undefined when not a semantic version. */
function parseVersion(text) {
    const full = FULL.exec(text);
    if (full) {
        const numbers = [full[1], full[2], full[3]].map(Number);
        return full[4] === undefined ? { numbers } : { numbers, prerelease: full[4] };
    }
    const short = SHORT.exec(text);
    if (!short)
        return undefined;
    return { numbers: [short[1], short[2]].filter((n) => n !== undefined).map(Number) };
}
function versionMatchesPrefix(found, wanted) {
    const canonical = [0, 1, 2].map((i) => found.numbers[i] ?? 0);
    if (!wanted.numbers.every((part, i) => canonical[i] === part))
        return false;
    if (wanted.numbers.length < 3)
        return true;
    return found.prerelease === wanted.prerelease;
}

;// CONCATENATED MODULE: ./src/verify/policy/check-ref.ts


function certificateSourceRef(extensions, provenance) {
    const certificateRef = extensions.sourceRepositoryRef ?? extensions.legacyRef;
    if (certificateRef !== undefined && certificateRef !== provenance.sourceRef) {
        throw mismatch('predicate source ref', `${certificateRef} (from the certificate)`, provenance.sourceRef);
    }
    return certificateRef ?? provenance.sourceRef;
}
function checkSourceRef(extensions, provenance, wanted) {
    const ref = certificateSourceRef(extensions, provenance);
    switch (wanted.kind) {
        case 'any':
            return ref;
        case 'branch':
            checkBranch(ref, provenance, wanted.branch);
            return ref;
        case 'tag':
            if (ref !== `refs/tags/${wanted.tag}`)
                throw mismatch('source tag', `refs/tags/${wanted.tag}`, ref);
            return ref;
        case 'versioned-tag':
            return checkVersionedTag(ref, wanted.version);
    }
}
/**
 * A branch build names its branch in the ref. A tag build names none: slsa-verifier then takes
 * the branch from the event (common.go getBranchForTag), and refuses when there is none.
 */
function checkBranch(ref, provenance, branch) {
    const expected = `refs/heads/${branch}`;
    if (ref.startsWith('refs/tags/')) {
        const base = provenance.tagBaseBranch;
        if (base === undefined)
            throw mismatch('source branch', expected, `a build of tag ${ref}, and the provenance does not say which branch`);
        if (base !== expected)
            throw mismatch('source branch', expected, `${base} (the branch of tag ${ref})`);
        return;
    }
    if (ref !== expected)
        throw mismatch('source branch', expected, ref);
}
function checkVersionedTag(ref, wanted) {
    const wantedVersion = parseVersion(wanted);
    if (wantedVersion === undefined)
        throw mismatch('--source-versioned-tag', 'a semantic version vMAJOR[.MINOR[.PATCH[-PRERELEASE]]]', JSON.stringify(wanted));
    const expected = `a tag matching ${wanted}`;
    if (!ref.startsWith('refs/tags/'))
        throw mismatch('source versioned tag', expected, ref);
    const version = parseVersion(ref.slice('refs/tags/'.length));
    if (version === undefined)
        throw mismatch('source versioned tag', expected, `${ref}, which is not a semantic version`);
    if (!versionMatchesPrefix(version, wantedVersion))
        throw mismatch('source versioned tag', expected, ref);
    return ref;
}

;// CONCATENATED MODULE: ./src/verify/policy/check-npm-package.ts
// --package-name / --package-version for npm provenance, as slsa-verifier's verify-npm-package
// (verifiers/internal/gha/npm.go verifyPackageName / verifyPackageVersion /
// verifyPublishAttestationSubjectDigest): the provenance has exactly one subject
// `pkg:npm/NAME@VERSION` (URL-encoded), and npm's publish attestation from the same file
// (signed with the registry's key) names the same package in its subject and predicate.
// Whenever a publish attestation is present, the artifact must be among its subjects too.

const NPM_PUBLISH_PREDICATE = 'https://github.com/npm/attestation/tree/main/specs/publish/v0.1';
const PREFIX = 'pkg:npm/';
function checkNpmPackage(subjects, companions, artifacts, wanted) {
    const publishes = companions.map(readPublish).filter((p) => p !== undefined);
    for (const publish of publishes)
        checkPublishDigests(publish, artifacts);
    if (wanted.packageName === undefined && wanted.packageVersion === undefined)
        return;
    if (subjects.length !== 1)
        throw mismatch('npm provenance subjects', 'exactly one pkg:npm/NAME@VERSION', `${subjects.length}`);
    const provenance = packageOf(subjects[0].name, 'npm provenance subject');
    const publish = publishes[0];
    if (publish === undefined)
        throw mismatch('npm publish attestation', 'one in the provenance file (npm attestations list)', 'none');
    const publishSubject = packageOf(publish.subjects[0]?.name ?? '', 'npm publish subject');
    for (const [what, found] of [
        ['npm provenance subject', provenance],
        ['npm publish subject', publishSubject],
        ['npm publish predicate', { name: publish.name ?? '', version: publish.version ?? '' }]
    ]) {
        if (wanted.packageName !== undefined && found.name !== wanted.packageName)
            throw mismatch(`${what} package name`, wanted.packageName, found.name);
        if (wanted.packageVersion !== undefined && found.version !== wanted.packageVersion)
            throw mismatch(`${what} package version`, wanted.packageVersion, found.version);
    }
}
function readPublish(statement) {
    if (typeof statement !== 'object' || statement === null)
        return undefined;
    const s = statement;
    if (s.predicateType !== NPM_PUBLISH_PREDICATE || !Array.isArray(s.subject))
        return undefined;
    const predicate = (typeof s.predicate === 'object' && s.predicate !== null ? s.predicate : {});
    return {
        subjects: s.subject.map((entry) => {
            const e = (typeof entry === 'object' && entry !== null ? entry : {});
            return {
                name: typeof e.name === 'string' ? e.name : '',
                digest: typeof e.digest === 'object' && e.digest !== null
                    ? e.digest
                    : {}
            };
        }),
        ...(typeof predicate.name === 'string' ? { name: predicate.name } : {}),
        ...(typeof predicate.version === 'string' ? { version: predicate.version } : {})
    };
}
function checkPublishDigests(publish, artifacts) {
    for (const artifact of artifacts) {
        const digests = [
            { algorithm: artifact.algorithm, hex: artifact.hex },
            ...(artifact.alternates ?? [])
        ];
        const found = publish.subjects.some((s) => digests.some(({ algorithm, hex }) => s.digest[algorithm] === hex));
        if (!found)
            throw mismatch(`artifact ${artifact.label}`, 'among the npm publish attestation subjects', publish.subjects.map((s) => s.name).join(', ') || 'none');
    }
}
/** `pkg:npm/@scope%2Fname@1.2.3` → { name: '@scope/name', version: '1.2.3' } (npm.go getPackageNameAndVersion). */
function packageOf(subjectName, what) {
    if (!subjectName.startsWith(PREFIX))
        throw mismatch(what, 'pkg:npm/NAME@VERSION', JSON.stringify(subjectName));
    let decoded;
    try {
        decoded = decodeURIComponent(subjectName.slice(PREFIX.length).replace(/\+/g, ' '));
    }
    catch {
        throw mismatch(what, 'a URL-encoded package name', JSON.stringify(subjectName));
    }
    const scoped = decoded.startsWith('@');
    const parts = (scoped ? decoded.slice(1) : decoded).split('@');
    if (parts.length > 2)
        throw mismatch(what, 'NAME@VERSION', JSON.stringify(decoded));
    return { name: `${scoped ? '@' : ''}${parts[0] ?? ''}`, version: parts[1] ?? '' };
}

;// CONCATENATED MODULE: ./src/verify/policy/check-signer-l2.ts





function isRunnerBuilt(provenance) {
    return runnerBuilderEnvironment(provenance.builderId) !== undefined;
}
function checkL2Signer(context) {
    const { signerIdentity, extensions, provenance } = context;
    const runner = runnerBuilderEnvironment(provenance.builderId);
    if (runner === undefined)
        throw new Error('checkL2Signer called for a non-runner builder');
    checkBuildType(provenance.builderId, provenance);
    const certificateRunner = extensions.runnerEnvironment;
    if (certificateRunner === undefined)
        throw mismatch('certificate runner environment (.1.11)', runner, 'none', 'runner-built provenance needs it to say where it ran');
    if (certificateRunner !== runner)
        throw mismatch('predicate builder id', `the runner the certificate names (${certificateRunner})`, provenance.builderId);
    if (context.wanted !== undefined)
        checkWantedRunner(context.wanted, provenance);
    const signer = parseBuilderId(signerIdentity);
    const trustedBy = matchSigner(signerIdentity, context);
    return {
        builderId: provenance.builderId,
        slsaBuildLevel: 2,
        trustedAt: builderRefKind(signer.ref),
        trustedBy,
        warnings: [
            `SLSA Build L2: the workflow ${signerIdentity} built and signed this provenance itself; nothing isolated the signing from the build`
        ]
    };
}
/**
 * slsa-verifier accepts the id with or without the /github-hosted suffix
 * (provenance.go VerifyNpmPackageProvenance), but the short legacy id only for SLSA v0.2
 * predicates: its v1 buildTypeMap (slsaprovenance/v1.0/provenance.go) knows only
 * https://github.com/actions/runner/github-hosted.
 */
function checkWantedRunner(wanted, provenance) {
    const found = provenance.builderId;
    if (wanted === RUNNER_BUILDER_LEGACY && provenance.predicateVersion === 'v1')
        throw mismatch('builder', `${RUNNER_BUILDER_GITHUB_HOSTED} (SLSA v1 provenance)`, wanted);
    const equivalent = (id) => runnerBuilderEnvironment(id) === 'github-hosted' ? 'github-hosted' : id;
    if (equivalent(wanted) !== equivalent(found))
        throw mismatch('builder', wanted, found);
}
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function matchSigner(signerIdentity, context) {
    const { signerWorkflow, signerRepo } = context;
    if (signerWorkflow === undefined && signerRepo === undefined) {
        throw mismatch('signer', '--signer-workflow OWNER/REPO/.github/workflows/FILE[@REF] or --signer-repo OWNER/REPO', 'neither given', 'this is Build L2 provenance: its builder is the GitHub runner, so say which workflow you trust to have built and signed it');
    }
    if (signerWorkflow !== undefined) {
        const wanted = parseSignerWorkflow(signerWorkflow);
        const found = parseBuilderId(signerIdentity);
        if (found.name !== wanted.name || (wanted.ref !== undefined && wanted.ref !== found.ref))
            throw mismatch('signer workflow', signerWorkflow, signerIdentity);
        return 'signer-workflow';
    }
    const repo = signerRepo;
    if (!REPOSITORY.test(repo))
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `--signer-repo: expected OWNER/REPO, found ${JSON.stringify(repo)}`);
    // gh compares case-insensitively (GitHub owner and repository names are case-insensitive).
    if (!signerIdentity.toLowerCase().startsWith(`https://github.com/${repo.toLowerCase()}/`))
        throw mismatch('signer repository', `a workflow of ${repo}`, signerIdentity);
    return 'signer-repo';
}
/** `[https://][github.com/]OWNER/REPO/.github/workflows/FILE[@REF]` → SAN name and ref. */
function parseSignerWorkflow(value) {
    const withoutScheme = value.replace(/^https:\/\//, '');
    const withHost = withoutScheme.startsWith('github.com/')
        ? withoutScheme
        : `github.com/${withoutScheme}`;
    const at = withHost.indexOf('@');
    const path = at === -1 ? withHost : withHost.slice(0, at);
    if (!/^github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/\.github\/workflows\/[^\s@]+$/.test(path))
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `--signer-workflow: expected OWNER/REPO/.github/workflows/FILE[@REF], found ${JSON.stringify(value)}`);
    const ref = at === -1 ? undefined : withHost.slice(at + 1);
    return { name: `https://${path}`, ...(ref ? { ref } : {}) };
}

;// CONCATENATED MODULE: ./src/verify/policy/check-source-ids.ts

function checkSourceIds(extensions, provenance, wanted) {
    const repositoryId = checkId('source repository id', '.1.15', extensions.sourceRepositoryIdentifier, provenance.sourceRepositoryId, wanted.sourceRepositoryId);
    const ownerId = checkId('source owner id', '.1.17', extensions.sourceRepositoryOwnerIdentifier, provenance.sourceOwnerId, wanted.sourceOwnerId);
    return {
        ...(repositoryId === undefined ? {} : { sourceRepositoryId: repositoryId }),
        ...(ownerId === undefined ? {} : { sourceOwnerId: ownerId })
    };
}
function checkId(what, oid, certificate, predicate, wanted) {
    if (certificate !== undefined && predicate !== undefined && certificate !== predicate)
        throw mismatch(`predicate ${what}`, `${certificate} (from the certificate)`, predicate);
    if (wanted === undefined)
        return certificate ?? predicate;
    if (certificate === undefined)
        throw mismatch(what, wanted, `none (the certificate has no Fulcio ${oid} extension, so the id cannot be checked)`);
    if (certificate !== wanted)
        throw mismatch(what, wanted, certificate);
    return certificate;
}

;// CONCATENATED MODULE: ./src/verify/policy/repository-uri.ts
// Source repositories are compared as `host/owner/name`. Users write `github.com/O/R`,
// `https://github.com/O/R` or `git+https://github.com/O/R` (slsa-verifier
// verifiers/internal/gha/builder.go VerifyCertficateSourceRepository trims `git+https://`);
// certificates say `https://github.com/O/R`. Owner and name are compared case-sensitively, as
// slsa-verifier compares them; the host case-insensitively. Anything else (paths, .git
// suffixes, query strings, other schemes) is refused rather than trimmed.

const repository_uri_REPOSITORY = /^[A-Za-z0-9.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function normaliseRepositoryUri(value, what) {
    const withoutScheme = value.startsWith('git+https://')
        ? value.slice('git+https://'.length)
        : value.startsWith('https://')
            ? value.slice('https://'.length)
            : value;
    if (!repository_uri_REPOSITORY.test(withoutScheme) || withoutScheme.endsWith('.git')) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${what}: expected a repository like github.com/OWNER/REPO, found ${JSON.stringify(value)}`);
    }
    const [host = '', owner = '', name = ''] = withoutScheme.split('/');
    return `${host.toLowerCase()}/${owner}/${name}`;
}

;// CONCATENATED MODULE: ./src/verify/policy/check-source.ts


function certificateSourceRepository(extensions) {
    const modern = extensions.sourceRepositoryURI;
    const legacy = extensions.legacyRepository === undefined
        ? undefined
        : `https://github.com/${extensions.legacyRepository}`;
    if (modern !== undefined &&
        legacy !== undefined &&
        normaliseRepositoryUri(modern, 'certificate source') !==
            normaliseRepositoryUri(legacy, 'certificate source')) {
        throw mismatch('certificate source repository (.1.12 vs legacy .1.5)', modern, legacy);
    }
    const found = modern ?? legacy;
    if (found === undefined)
        throw mismatch('certificate source repository', 'a Fulcio sourceRepositoryURI extension', 'none');
    return found;
}
function checkSource(extensions, provenance, sourceUri) {
    const expected = normaliseRepositoryUri(sourceUri, '--source-uri');
    const certificate = certificateSourceRepository(extensions);
    const found = normaliseRepositoryUri(certificate, 'certificate source repository');
    if (found !== expected)
        throw mismatch('source repository', expected, found);
    const claimed = normaliseRepositoryUri(provenance.sourceRepositoryUri, 'predicate source repository');
    if (claimed !== found)
        throw mismatch('predicate source repository', `${found} (from the certificate)`, claimed);
    return `https://${found}`;
}

;// CONCATENATED MODULE: ./src/verify/policy/check-subjects.ts

const LISTED = 5;
function checkSubjects(subjects, artifacts) {
    return artifacts.map((artifact) => findSubject(subjects, artifact));
}
function findSubject(subjects, artifact) {
    const digests = [
        { algorithm: artifact.algorithm, hex: artifact.hex },
        ...(artifact.alternates ?? [])
    ];
    for (const { algorithm, hex } of digests) {
        const subject = subjects.find((s) => s.digest[algorithm] === hex);
        if (subject)
            return { artifact: artifact.label, subject: subject.name, digest: `${algorithm}:${hex}` };
    }
    const listed = subjects
        .slice(0, LISTED)
        .map((s) => `${s.name || '(unnamed)'} ${s.digest[artifact.algorithm] ?? `(no ${artifact.algorithm})`}`);
    const more = subjects.length > LISTED ? ` and ${subjects.length - LISTED} more` : '';
    throw mismatch(`artifact ${artifact.label}`, `${artifact.algorithm}:${artifact.hex} among the subjects`, `${listed.join(', ')}${more}`);
}

;// CONCATENATED MODULE: ./src/verify/policy/evaluate.ts
// The policy, in order: who signed (issuer, builder — or, for Build L2 provenance, the signer
// workflow the user named), what it claims to have built from (source repository and ids,
// ref, inputs, runner and deployment environment), and what it built (subjects). Fails at the
// first check that does not hold; never returns a partial pass. The source facts reported are
// the certificate's (what GitHub's OIDC token said), never only the predicate's.












function evaluatePolicy(evidence, policy) {
    const { identity, provenance } = evidence;
    const { extensions } = identity;
    const issuer = policy.issuer ?? GITHUB_OIDC_ISSUER;
    if (identity.issuer !== issuer) {
        throw mismatch('certificate OIDC issuer', issuer, identity.issuer ?? 'none');
    }
    const signerIdentity = identity.subjectAlternativeName;
    if (signerIdentity === undefined)
        throw mismatch('signing certificate', 'a workflow identity (SAN)', 'none');
    // A workflow identity is a URI SAN; an email or otherName never names a builder.
    if (identity.subjectAlternativeNameKind !== undefined &&
        identity.subjectAlternativeNameKind !== 'uri')
        throw mismatch('signing certificate', 'a workflow identity (URI SAN)', `${identity.subjectAlternativeNameKind} SAN ${JSON.stringify(signerIdentity)}`);
    const trust = checkTrust(signerIdentity, extensions, provenance, policy);
    const sourceUri = checkSource(extensions, provenance, policy.sourceUri);
    const ids = checkSourceIds(extensions, provenance, policy);
    const sourceRef = checkSourceRef(extensions, provenance, policy.sourceRef);
    const sourceCommit = certificateCommit(extensions, provenance);
    const environment = checkEnvironment(extensions, provenance, policy);
    checkWorkflowInputs(provenance.trigger, provenance.workflowInputs, policy.workflowInputs);
    const matchedSubjects = checkSubjects(provenance.subjects, policy.artifacts);
    checkNpmPackage(provenance.subjects, evidence.companions ?? [], policy.artifacts, policy);
    return {
        ...trust,
        warnings: [
            ...trust.warnings,
            ...(environment.runnerEnvironment === 'self-hosted'
                ? ['built on a self-hosted runner: the runner is outside GitHub’s control']
                : [])
        ],
        signerIdentity,
        sourceUri,
        sourceRef,
        ...(sourceCommit === undefined ? {} : { sourceCommit }),
        sourceDigest: provenance.sourceDigest,
        ...ids,
        ...environment,
        ...(extensions.tokenSubject === undefined ? {} : { tokenSubject: extensions.tokenSubject }),
        ...(provenance.trigger === undefined ? {} : { trigger: provenance.trigger }),
        matchedSubjects
    };
}
function checkTrust(signerIdentity, extensions, provenance, policy) {
    if (isRunnerBuilt(provenance))
        return checkL2Signer({
            signerIdentity,
            extensions,
            provenance,
            wanted: policy.builderId,
            signerWorkflow: policy.signerWorkflow,
            signerRepo: policy.signerRepo
        });
    if (policy.signerWorkflow !== undefined || policy.signerRepo !== undefined)
        throw mismatch('--signer-workflow / --signer-repo', 'Build L2 provenance (builder https://github.com/actions/runner/github-hosted)', `provenance from the builder ${provenance.builderId}; use --builder-id for a builder`);
    // slsa-verifier verify-npm-package: "Users must always provide the builder ID"
    // (verifiers/internal/gha/verifier.go verifyNpmEnvAndCert).
    if ((policy.packageName !== undefined || policy.packageVersion !== undefined) &&
        policy.builderId === undefined)
        throw mismatch('--builder-id', 'the builder of this npm package (required with --package-name / --package-version, as slsa-verifier verify-npm-package)', 'none given');
    return checkBuilder({
        signerIdentity,
        extensions,
        provenance,
        wanted: policy.builderId,
        set: policy.builderSet ?? 'artifact',
        releases: policy.builderReleases ?? BUILDER_RELEASES
    });
}
/**
 * The source commit from the certificate (.1.13, legacy .1.3). The predicate's must agree,
 * except for BYOB builders, which may build a commit of their own making (slsa-verifier
 * provenance.go verifySourceURI: "BYOB builders can build from a different ref").
 */
function certificateCommit(extensions, provenance) {
    const certificate = extensions.sourceRepositoryDigest ?? extensions.legacySha;
    const recorded = provenance.sourceDigest.gitCommit ?? provenance.sourceDigest.sha1;
    if (certificate !== undefined &&
        recorded !== undefined &&
        certificate !== recorded &&
        provenance.buildTypeFamily !== 'byob-delegator')
        throw mismatch('predicate source commit', `${certificate} (from the certificate)`, recorded);
    return certificate ?? recorded;
}

;// CONCATENATED MODULE: ./src/verify/provenance/deep-equal.ts
// Structural equality for JSON values, used to detect two copies of a field that disagree.
function jsonEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length)
        return false;
    return keysA.every((key) => Object.hasOwn(b, key) &&
        jsonEqual(a[key], b[key]));
}

;// CONCATENATED MODULE: ./src/verify/provenance/consistency.ts
// Two places in one predicate that describe the same fact must agree; otherwise the
// predicate is self-contradictory and we refuse to pick either.


function agree(label, first, second) {
    const [firstPath, firstValue] = first;
    const [secondPath, secondValue] = second;
    if (firstValue !== undefined &&
        secondValue !== undefined &&
        !jsonEqual(firstValue, secondValue)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `provenance is inconsistent about the ${label}: ${firstPath} is ${JSON.stringify(firstValue)} but ${secondPath} is ${JSON.stringify(secondValue)}`);
    }
    return firstValue ?? secondValue;
}

;// CONCATENATED MODULE: ./src/verify/provenance/json-guards.ts
// Small readers for hostile JSON: every field is checked for its type before use, and every
// failure names the JSON path that was wrong.

function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function formatError(path, expected, found) {
    return new errors/* ProvenanceError */.CG('FORMAT_INVALID', `provenance ${path}: expected ${expected}, found ${describeValue(found)}`);
}
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value} ${String(value)}`;
}
function requireObject(value, path) {
    if (!isObject(value))
        throw formatError(path, 'an object', value);
    return value;
}
function optionalObject(value, path) {
    if (value === undefined || value === null)
        return undefined;
    return requireObject(value, path);
}
function requireString(value, path) {
    if (typeof value !== 'string' || value.length === 0)
        throw formatError(path, 'a non-empty string', value);
    return value;
}
function optionalString(value, path) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string')
        throw formatError(path, 'a string', value);
    return value;
}
/** Values GitHub sometimes writes as numbers (run ids) are read as their decimal string. */
function optionalScalarString(value, path) {
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return optionalString(value, path);
}
function requireArray(value, path) {
    if (!Array.isArray(value))
        throw formatError(path, 'an array', value);
    return value;
}

;// CONCATENATED MODULE: ./src/verify/provenance/event-branch.ts
// The branch behind a tag build, read from the GitHub context a predicate records, the way
// slsa-verifier does (verifiers/internal/gha/slsaprovenance/common/common.go, getBranchForTag):
// a non-empty github_base_ref; else, for a `push`, the payload's base_ref (null when the tag
// was pushed without a branch); for a `release`, refs/heads/ + release.target_commitish.
// Any other event names no branch.

function branchForTag(baseRef, eventName, payload) {
    if (typeof baseRef === 'string' && baseRef !== '')
        return baseRef;
    if (!isObject(payload))
        return undefined;
    if (eventName === 'push') {
        return typeof payload.base_ref === 'string' && payload.base_ref !== ''
            ? payload.base_ref
            : undefined;
    }
    if (eventName === 'release') {
        const release = isObject(payload.release) ? payload.release : undefined;
        const target = release?.target_commitish;
        return typeof target === 'string' && target !== '' ? `refs/heads/${target}` : undefined;
    }
    return undefined;
}
/** Ids GitHub records as numbers or strings, read as decimal text; anything else is absent. */
function idText(value) {
    if (typeof value === 'number' && Number.isSafeInteger(value))
        return String(value);
    if (typeof value === 'string' && /^\d+$/.test(value))
        return value;
    return undefined;
}

;// CONCATENATED MODULE: ./src/verify/provenance/git-uri.ts
// Source locations in predicates come as `git+https://github.com/O/R@refs/...` (materials,
// configSource, resolvedDependencies) or a bare `https://github.com/O/R` (workflow.repository).

function parseGitLocation(value, path) {
    const withoutScheme = value.startsWith('git+') ? value.slice(4) : value;
    const at = withoutScheme.indexOf('@');
    const repositoryUri = at === -1 ? withoutScheme : withoutScheme.slice(0, at);
    const ref = at === -1 ? undefined : withoutScheme.slice(at + 1);
    if (!/^https:\/\/[^\s/@]+\/[^\s@]+$/.test(repositoryUri)) {
        throw formatError(path, 'a git URI like git+https://github.com/OWNER/REPO@REF', value);
    }
    if (ref !== undefined && !/^[^\s@]+$/.test(ref))
        throw formatError(path, 'a git ref after @', value);
    return ref === undefined ? { repositoryUri } : { repositoryUri, ref };
}

;// CONCATENATED MODULE: ./src/verify/provenance/predicate-v02.ts
// SLSA v0.2 predicates as written by slsa-github-generator (generic, Go, container) and by
// GitHub-hosted producers of the same shape: builder.id, invocation.configSource (source
// repository, ref and commit), invocation.environment (github_* context) and the
// workflow_dispatch inputs (environment.github_event_payload.inputs, older releases also
// invocation.parameters.event_inputs).





function normalisePredicateV02(predicateValue) {
    const predicate = requireObject(predicateValue, 'predicate');
    const builder = requireObject(predicate.builder, 'predicate.builder');
    const builderId = requireString(builder.id, 'predicate.builder.id');
    const buildType = requireString(predicate.buildType, 'predicate.buildType');
    const invocation = requireObject(predicate.invocation, 'predicate.invocation');
    const configSource = requireObject(invocation.configSource, 'predicate.invocation.configSource');
    const location = parseGitLocation(requireString(configSource.uri, 'predicate.invocation.configSource.uri'), 'predicate.invocation.configSource.uri');
    const environment = optionalObject(invocation.environment, 'predicate.invocation.environment') ?? {};
    const sourceRef = agree('source ref', [
        'invocation.environment.github_ref',
        optionalString(environment.github_ref, 'predicate.invocation.environment.github_ref')
    ], ['invocation.configSource.uri', location.ref]);
    if (sourceRef === undefined) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', 'provenance records no source ref (configSource.uri has no @ref)');
    }
    const materials = Array.isArray(predicate.materials) ? predicate.materials : [];
    const firstMaterial = materials[0];
    const materialUri = isObject(firstMaterial) && typeof firstMaterial.uri === 'string'
        ? firstMaterial.uri
        : undefined;
    const tagBaseBranch = branchForTag(environment.github_base_ref, environment.github_event_name, environment.github_event_payload);
    const repositoryId = idText(environment.github_repository_id);
    const ownerId = idText(environment.github_repository_owner_id);
    return {
        predicateVersion: 'v0.2',
        buildType,
        buildTypeFamily: 'slsa-generator-v0.2',
        builderId,
        sourceRepositoryUri: location.repositoryUri,
        sourceRef,
        sourceDigest: readDigest(configSource.digest, environment),
        ...optionalTrigger(environment),
        workflowInputs: readInputs(invocation, environment),
        configSourceUri: requireString(configSource.uri, 'predicate.invocation.configSource.uri'),
        ...(materialUri === undefined ? {} : { materialUri }),
        ...(tagBaseBranch === undefined ? {} : { tagBaseBranch }),
        ...(repositoryId === undefined ? {} : { sourceRepositoryId: repositoryId }),
        ...(ownerId === undefined ? {} : { sourceOwnerId: ownerId })
    };
}
function readDigest(digestValue, environment) {
    const digest = {};
    const recorded = optionalObject(digestValue, 'predicate.invocation.configSource.digest') ?? {};
    for (const [algorithm, value] of Object.entries(recorded)) {
        digest[algorithm] = requireString(value, `predicate.invocation.configSource.digest.${algorithm}`);
    }
    const sha1 = agree('source commit', ['invocation.configSource.digest.sha1', digest.sha1], [
        'invocation.environment.github_sha1',
        optionalString(environment.github_sha1, 'predicate.invocation.environment.github_sha1')
    ]);
    if (sha1 !== undefined)
        digest.sha1 = sha1;
    return digest;
}
function optionalTrigger(environment) {
    const trigger = optionalString(environment.github_event_name, 'predicate.invocation.environment.github_event_name');
    return trigger === undefined ? {} : { trigger };
}
function readInputs(invocation, environment) {
    const payload = optionalObject(environment.github_event_payload, 'predicate.invocation.environment.github_event_payload');
    const fromPayload = optionalObject(payload?.inputs, 'predicate.invocation.environment.github_event_payload.inputs');
    const parameters = optionalObject(invocation.parameters, 'predicate.invocation.parameters');
    const fromParameters = optionalObject(parameters?.event_inputs, 'predicate.invocation.parameters.event_inputs');
    return (agree('workflow inputs', ['invocation.environment.github_event_payload.inputs', fromPayload], ['invocation.parameters.event_inputs', fromParameters]) ?? {});
}

;// CONCATENATED MODULE: ./src/verify/provenance/predicate-v1.ts
// SLSA v1 predicates. Where the source and trigger live depends on the build type:
// - GitHub workflow build types (ours, attest-build-provenance): externalParameters.workflow
//   {ref, repository, path}, externalParameters.inputs, internalParameters.github.event_name;
// - slsa-github-generator BYOB delegator and container-based builders: internalParameters
//   GITHUB_REPOSITORY / GITHUB_REF / GITHUB_SHA / GITHUB_EVENT_NAME / GITHUB_EVENT_PAYLOAD.
// resolvedDependencies[0] (the source checkout) must agree with whichever is authoritative.






function normalisePredicateV1(predicateValue) {
    const predicate = requireObject(predicateValue, 'predicate');
    const definition = requireObject(predicate.buildDefinition, 'predicate.buildDefinition');
    const buildType = requireString(definition.buildType, 'predicate.buildDefinition.buildType');
    const family = v1BuildTypeFamily(buildType);
    if (family === undefined) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `provenance buildType: expected one of ${supportedV1BuildTypes().join(', ')}, found ${JSON.stringify(buildType)}`);
    }
    const runDetails = requireObject(predicate.runDetails, 'predicate.runDetails');
    const builder = requireObject(runDetails.builder, 'predicate.runDetails.builder');
    const builderId = requireString(builder.id, 'predicate.runDetails.builder.id');
    const external = requireObject(definition.externalParameters, 'predicate.buildDefinition.externalParameters');
    const internal = optionalObject(definition.internalParameters, 'predicate.buildDefinition.internalParameters') ??
        {};
    const dependency = readSourceDependency(definition.resolvedDependencies);
    const common = { predicateVersion: 'v1', buildType, buildTypeFamily: family, builderId };
    if (family === 'github-workflow')
        return { ...common, ...readWorkflowSource(external, internal, dependency) };
    return { ...common, ...readGeneratorSource(external, internal, dependency, family) };
}
function readSourceDependency(value) {
    if (value === undefined || value === null)
        return { digest: {} };
    if (!Array.isArray(value))
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', 'provenance resolvedDependencies: expected an array');
    const first = value[0];
    if (!isObject(first) || typeof first.uri !== 'string')
        return { digest: {} };
    const path = 'predicate.buildDefinition.resolvedDependencies[0]';
    const digest = {};
    for (const [algorithm, hex] of Object.entries(optionalObject(first.digest, `${path}.digest`) ?? {})) {
        digest[algorithm] = requireString(hex, `${path}.digest.${algorithm}`);
    }
    return { location: parseGitLocation(first.uri, `${path}.uri`), digest };
}
function optionalFields(fields) {
    return Object.fromEntries(Object.entries(fields).filter((e) => e[1] !== undefined));
}
function readWorkflowSource(external, internal, dependency) {
    const base = 'predicate.buildDefinition.externalParameters';
    const workflow = requireObject(external.workflow, `${base}.workflow`);
    const repository = parseGitLocation(requireString(workflow.repository, `${base}.workflow.repository`), `${base}.workflow.repository`);
    const ref = requireString(workflow.ref, `${base}.workflow.ref`);
    requireString(workflow.path, `${base}.workflow.path`);
    agree('source repository', ['externalParameters.workflow.repository', repository.repositoryUri], ['resolvedDependencies[0].uri', dependency.location?.repositoryUri]);
    agree('source ref', ['externalParameters.workflow.ref', ref], ['resolvedDependencies[0].uri', dependency.location?.ref]);
    const github = optionalObject(internal.github, 'predicate.buildDefinition.internalParameters.github');
    const trigger = optionalString(github?.event_name, 'predicate.buildDefinition.internalParameters.github.event_name');
    return {
        sourceRepositoryUri: repository.repositoryUri,
        sourceRef: ref,
        sourceDigest: dependency.digest,
        ...(trigger === undefined ? {} : { trigger }),
        workflowInputs: optionalObject(external.inputs, `${base}.inputs`) ?? {},
        ...optionalFields({
            sourceRepositoryId: idText(github?.repository_id),
            sourceOwnerId: idText(github?.repository_owner_id),
            runnerEnvironment: typeof github?.runner_environment === 'string' ? github.runner_environment : undefined
        })
    };
}
function readGeneratorSource(external, internal, dependency, family) {
    const base = 'predicate.buildDefinition.internalParameters';
    const repository = requireString(internal.GITHUB_REPOSITORY, `${base}.GITHUB_REPOSITORY`);
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `provenance ${base}.GITHUB_REPOSITORY: expected OWNER/REPO, found ${JSON.stringify(repository)}`);
    }
    const repositoryUri = agree('source repository', ['resolvedDependencies[0].uri', dependency.location?.repositoryUri], ['internalParameters.GITHUB_REPOSITORY', `https://github.com/${repository}`]);
    const declaredSource = optionalObject(external.source, 'predicate.buildDefinition.externalParameters.source');
    const declared = typeof declaredSource?.uri === 'string'
        ? parseGitLocation(declaredSource.uri, 'predicate.buildDefinition.externalParameters.source.uri')
        : undefined;
    agree('source repository', ['externalParameters.source.uri', declared?.repositoryUri], ['resolvedDependencies[0].uri', repositoryUri]);
    const ref = agree('source ref', ['internalParameters.GITHUB_REF', requireString(internal.GITHUB_REF, `${base}.GITHUB_REF`)], ['resolvedDependencies[0].uri', dependency.location?.ref]);
    agree('source ref', ['externalParameters.source.uri', declared?.ref], ['internalParameters.GITHUB_REF', ref]);
    const sha = optionalString(internal.GITHUB_SHA, `${base}.GITHUB_SHA`);
    const digest = { ...dependency.digest };
    const recordedCommit = digest.gitCommit ?? digest.sha1;
    // A BYOB builder may build a commit of its own making (a TRW that commits during a
    // release): slsa-verifier compares the trigger and source URIs, never their commits
    // (verifiers/internal/gha/provenance.go verifySourceURI). Other builders build the trigger's.
    if (family !== 'byob-delegator')
        agree('source commit', ['resolvedDependencies[0].digest', recordedCommit], ['internalParameters.GITHUB_SHA', sha]);
    if (recordedCommit === undefined && sha !== undefined)
        digest.sha1 = sha;
    const trigger = optionalScalarString(internal.GITHUB_EVENT_NAME, `${base}.GITHUB_EVENT_NAME`);
    const payload = optionalObject(internal.GITHUB_EVENT_PAYLOAD, `${base}.GITHUB_EVENT_PAYLOAD`);
    return {
        sourceRepositoryUri: repositoryUri,
        sourceRef: ref,
        sourceDigest: digest,
        ...(trigger === undefined ? {} : { trigger }),
        workflowInputs: optionalObject(payload?.inputs, `${base}.GITHUB_EVENT_PAYLOAD.inputs`) ?? {},
        ...optionalFields({
            tagBaseBranch: branchForTag(internal.GITHUB_BASE_REF, trigger, payload),
            sourceRepositoryId: idText(internal.GITHUB_REPOSITORY_ID),
            sourceOwnerId: idText(internal.GITHUB_REPOSITORY_OWNER_ID)
        })
    };
}

;// CONCATENATED MODULE: ./src/verify/provenance/statement.ts
// The DSSE payload is attacker-chosen bytes until proven otherwise: check the envelope's
// payloadType, then the Statement's _type and predicateType, before any field is believed.



const STATEMENT_TYPE_V01 = 'https://in-toto.io/Statement/v0.1';
const SLSA_PROVENANCE_V02 = 'https://slsa.dev/provenance/v0.2';
const STATEMENT_TYPES = [STATEMENT_TYPE_V01, types/* STATEMENT_TYPE */.zG];
const PREDICATE_TYPES = [SLSA_PROVENANCE_V02, types/* SLSA_PROVENANCE_V1 */.us];
const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
function parseStatementPayload(payloadType, payload) {
    if (payloadType !== types/* INTOTO_PAYLOAD_TYPE */.w9) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `DSSE payloadType: expected ${types/* INTOTO_PAYLOAD_TYPE */.w9}, found ${JSON.stringify(payloadType)}`);
    }
    let text;
    try {
        text =
            typeof payload === 'string'
                ? payload
                : new TextDecoder('utf-8', { fatal: true }).decode(payload);
    }
    catch {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', 'statement: expected UTF-8 JSON, found invalid UTF-8 bytes');
    }
    if (text.length > MAX_PAYLOAD_BYTES) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `statement is ${text.length} bytes; the limit is ${MAX_PAYLOAD_BYTES}`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `statement is not JSON: ${error.message}`);
    }
    return readStatement(requireObject(parsed, 'statement'));
}
function readStatement(statement) {
    const statementType = statement._type;
    if (typeof statementType !== 'string' || !STATEMENT_TYPES.includes(statementType)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `statement _type: expected ${STATEMENT_TYPES.join(' or ')}, found ${JSON.stringify(statementType ?? null)}`);
    }
    const predicateType = statement.predicateType;
    if (typeof predicateType !== 'string' || !PREDICATE_TYPES.includes(predicateType)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `statement predicateType: expected ${PREDICATE_TYPES.join(' or ')}, found ${JSON.stringify(predicateType ?? null)}`);
    }
    return {
        statementType,
        predicateType,
        subject: statement.subject,
        predicate: statement.predicate
    };
}

;// CONCATENATED MODULE: ./src/verify/provenance/subjects.ts

const MAX_SUBJECTS = 100_000;
const HEX_LENGTH = { sha256: 64, sha512: 128 };
function parseSubjects(value) {
    const list = requireArray(value, 'subject');
    if (list.length === 0)
        throw formatError('subject', 'at least one subject', 'an empty list');
    if (list.length > MAX_SUBJECTS) {
        throw formatError('subject', `at most ${MAX_SUBJECTS} subjects`, `${list.length} subjects`);
    }
    return list.map((entry, index) => parseSubject(entry, `subject[${index}]`));
}
function parseSubject(value, path) {
    const object = requireObject(value, path);
    const name = typeof object.name === 'string' ? object.name : '';
    const digestObject = requireObject(object.digest, `${path}.digest`);
    const digest = {};
    let entries = 0;
    for (const [algorithm, hex] of Object.entries(digestObject)) {
        if (typeof hex !== 'string')
            throw formatError(`${path}.digest.${algorithm}`, 'a hex string', hex);
        entries += 1;
        if (algorithm !== 'sha256' && algorithm !== 'sha512')
            continue;
        const length = HEX_LENGTH[algorithm];
        if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) {
            throw formatError(`${path}.digest.${algorithm}`, `${length} hex characters`, hex);
        }
        digest[algorithm] = hex; // kept as written: compared exactly
    }
    if (entries === 0)
        throw formatError(`${path}.digest`, 'at least one digest', 'an empty digest');
    return { name, digest };
}

;// CONCATENATED MODULE: ./src/verify/provenance/index.ts
// parseProvenance: DSSE payloadType + payload bytes → one normalised ProvenanceView.






function parseProvenance(payloadType, payload) {
    const statement = parseStatementPayload(payloadType, payload);
    const subjects = parseSubjects(statement.subject);
    const fields = statement.predicateType === types/* SLSA_PROVENANCE_V1 */.us
        ? normalisePredicateV1(statement.predicate)
        : normalisePredicateV02(statement.predicate);
    return {
        statementType: statement.statementType,
        predicateType: statement.predicateType,
        ...fields,
        subjects
    };
}

;// CONCATENATED MODULE: ./src/verify/policy/evidence.ts
// From what the core verified to what the policy reads. Fails closed when the core hands
// back an envelope without a certificate identity or without any verified signing time:
// without a transparency-log entry or timestamp, a Fulcio certificate proves nothing about
// when it signed, so such provenance (legacy DSSE files that need an online Rekor search)
// is rejected offline.


function evidenceFromEnvelope(envelope) {
    if (envelope.signer.kind !== 'certificate') {
        throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', 'signer: expected a Fulcio certificate (keyless workflow identity), found a public-key signature');
    }
    if (envelope.timestamps.length === 0) {
        throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', 'signing time: expected a transparency-log entry or RFC 3161 timestamp in the file, found none (this provenance needs an online Rekor lookup)');
    }
    return {
        identity: envelope.signer.identity,
        provenance: parseProvenance(envelope.payloadType, envelope.payload)
    };
}

;// CONCATENATED MODULE: ./src/verify/policy/select-envelope.ts
// A provenance file may carry several envelopes (one per line). Each is judged on its own;
// the file passes when one of them passes the whole policy. When none does, every reason is
// reported, so a user sees why each was refused.



function selectPassingEnvelope(envelopes, policy) {
    if (envelopes.length === 0)
        throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', 'provenance: expected at least one verified envelope, found none');
    const failures = [];
    // npm's publish attestation is key-signed: never evidence on its own, read beside the provenance.
    const isCompanion = (e) => e.signer.kind === 'key' && e.format === 'npm-attestations';
    const companions = envelopes.filter(isCompanion).map((e) => e.statement);
    const candidates = envelopes.filter((e) => !isCompanion(e));
    for (const envelope of candidates.length > 0 ? candidates : envelopes) {
        try {
            const evidence = { ...evidenceFromEnvelope(envelope), companions };
            return { envelope, evidence, outcome: evaluatePolicy(evidence, policy) };
        }
        catch (error) {
            if (!(error instanceof errors/* ProvenanceError */.CG))
                throw error;
            failures.push({ index: envelope.index, error });
        }
    }
    const first = failures[0]?.error;
    if (failures.length === 1 && first instanceof errors/* ProvenanceError */.CG)
        throw first;
    // A split provenance fails the same way in every envelope: say each distinct reason once.
    const byReason = new Map();
    for (const f of failures) {
        const reason = (0,errors/* describeError */.Uc)(f.error);
        byReason.set(reason, [...(byReason.get(reason) ?? []), f.index]);
    }
    const reasons = [...byReason]
        .map(([reason, indexes]) => indexes.length === failures.length && failures.length > 1
        ? reason
        : `${indexes.map((i) => `#${i}`).join(', ')}: ${reason}`)
        .join('; ');
    throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `none of the ${failures.length} envelopes passed: ${reasons}`);
}


/***/ })

};
