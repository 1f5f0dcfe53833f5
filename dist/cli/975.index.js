export const id = 975;
export const ids = [975];
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
        'certificate-oidc-issuer': {}
    },
    booleans: ['print-provenance', 'json', 'help']
};
function readPolicy(args, command, artifacts) {
    const sourceUri = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'source-uri');
    if (sourceUri === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvenanceError */ .CG('INPUT_INVALID', `${command}: --source-uri is required (e.g. --source-uri github.com/OWNER/REPO)`);
    const builderId = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'builder-id');
    const issuer = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .single */ .J)(args, 'certificate-oidc-issuer');
    return {
        sourceUri,
        sourceRef: readRefRequirement(args, command),
        ...(builderId === undefined ? {} : { builderId: readBuilderId(builderId, command) }),
        ...(issuer === undefined ? {} : { issuer }),
        workflowInputs: readWorkflowInputs(args.values['build-workflow-input'] ?? [], command),
        artifacts
    };
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

/***/ 8418:
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
const BUILDER_WORKFLOW_PATHS = [
    '.github/workflows/generic.yml',
    '.github/workflows/container.yml'
];
const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

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
const RELEASE_TAG = /^refs\/tags\/v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
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

;// CONCATENATED MODULE: ./src/verify/policy/policy-error.ts
// Every policy failure reads "<what>: expected <X>, found <Y>" so a user can see at once
// which flag or which part of the provenance disagrees.

function mismatch(what, expected, found, hint) {
    const message = `${what}: expected ${expected}, found ${found}`;
    return new errors/* ProvenanceError */.CG('VERIFY_FAILED', hint ? `${message} (${hint})` : message);
}

;// CONCATENATED MODULE: ./src/verify/policy/trusted-builders.ts
// The builders trusted without being named: our own reusable workflows and
// slsa-github-generator's, each only at a release tag. BYOB delegators sign on behalf of a
// builder named in the predicate, so they are trusted only together with --builder-id.

const GENERATOR = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows';
const OUR_BUILDERS = BUILDER_WORKFLOW_PATHS.map((path) => `https://github.com/${PROJECT_REPOSITORY}/${path}`);
const GENERATOR_BUILDERS = [
    `${GENERATOR}/generator_generic_slsa3.yml`,
    `${GENERATOR}/builder_go_slsa3.yml`,
    `${GENERATOR}/generator_container_slsa3.yml`,
    `${GENERATOR}/builder_container-based_slsa3.yml`
];
const BYOB_DELEGATORS = [
    `${GENERATOR}/delegator_generic_slsa3.yml`,
    `${GENERATOR}/delegator_lowperms-generic_slsa3.yml`
];
function isDefaultTrustedBuilder(name) {
    return OUR_BUILDERS.includes(name) || GENERATOR_BUILDERS.includes(name);
}
function isByobDelegator(name) {
    return BYOB_DELEGATORS.includes(name);
}

;// CONCATENATED MODULE: ./src/verify/policy/check-builder.ts
// Is the signer a builder we trust, and does the predicate name the same builder?
// The certificate SAN is the reusable workflow that obtained the signing identity; only it
// can be trusted. The predicate's builder id is a claim inside the signed payload: for
// ordinary builders it must equal the SAN, for BYOB delegators it names the builder the
// delegator ran (and the user must say which builder they trust).




const RELEASE_TAG_HINT = 'a release tag refs/tags/vX.Y.Z';
function checkBuilder(signerIdentity, provenance, wanted) {
    const signer = parseBuilderId(signerIdentity);
    if (signer.ref === undefined) {
        throw mismatch('signing certificate', 'a reusable workflow identity NAME@REF', JSON.stringify(signerIdentity));
    }
    if (isByobDelegator(signer.name))
        return checkDelegatedBuilder(signer, provenance, wanted);
    if (provenance.builderId !== signerIdentity) {
        throw mismatch('predicate builder id', `the certificate identity ${signerIdentity}`, provenance.builderId, 'the provenance claims a builder that did not sign it');
    }
    if (wanted !== undefined)
        return checkNamedBuilder(signer, parseBuilderId(wanted));
    if (!isDefaultTrustedBuilder(signer.name)) {
        throw mismatch('builder', `one of the trusted builders ${[...OUR_BUILDERS, ...GENERATOR_BUILDERS].join(', ')} (or one named with --builder-id)`, signerIdentity, 'untrusted reusable workflow');
    }
    if (!isReleaseTag(signer.ref)) {
        throw mismatch(`builder ${signer.name} ref`, RELEASE_TAG_HINT, signer.ref, isCommitSha(signer.ref)
            ? `to trust a builder pinned by commit, pass --builder-id ${signerIdentity}`
            : undefined);
    }
    return signerIdentity;
}
/** --builder-id given: the signer must be exactly that builder (and at that ref if one is given). */
function checkNamedBuilder(signer, wanted) {
    const found = formatBuilderId(signer);
    if (wanted.name !== signer.name)
        throw mismatch('builder', formatBuilderId(wanted), found);
    if (wanted.ref !== undefined) {
        if (wanted.ref !== signer.ref)
            throw mismatch('builder ref', wanted.ref, signer.ref ?? 'no ref');
        return found;
    }
    // A well-known builder named without a ref is still only trusted at a release.
    if (isDefaultTrustedBuilder(signer.name) && !isReleaseTag(signer.ref)) {
        throw mismatch(`builder ${signer.name} ref`, RELEASE_TAG_HINT, signer.ref ?? 'no ref', `name the exact ref with --builder-id ${found} to trust it`);
    }
    return found;
}
function checkDelegatedBuilder(delegator, provenance, wanted) {
    if (!isReleaseTag(delegator.ref)) {
        throw mismatch(`BYOB delegator ${delegator.name} ref`, RELEASE_TAG_HINT, delegator.ref ?? 'no ref');
    }
    if (provenance.buildTypeFamily !== 'byob-delegator') {
        throw mismatch('provenance signed by a BYOB delegator', `an SLSA v1 predicate with buildType ${BUILD_TYPE_BYOB_DELEGATOR}`, `${provenance.predicateType} with buildType ${provenance.buildType}`);
    }
    const claimed = parseBuilderId(provenance.builderId);
    // The builder (a trusted reusable workflow, TRW) is versioned in its own repository, so its
    // ref need not equal the delegator's; like slsa-verifier, it must be a release tag. A TRW
    // at a branch could be any commit of it.
    if (!isReleaseTag(claimed.ref)) {
        throw mismatch(`predicate builder ${claimed.name} ref`, RELEASE_TAG_HINT, claimed.ref ?? 'no ref', 'a BYOB builder is trusted only at a release');
    }
    if (wanted === undefined) {
        throw mismatch('--builder-id', `the builder you trust (provenance from ${BYOB_DELEGATORS.join(' / ')} names its builder in the predicate)`, `none given; the predicate names ${provenance.builderId}`);
    }
    const expected = parseBuilderId(wanted);
    if (expected.name !== claimed.name ||
        (expected.ref !== undefined && expected.ref !== claimed.ref)) {
        throw mismatch('builder', formatBuilderId(expected), provenance.builderId);
    }
    return provenance.builderId;
}

;// CONCATENATED MODULE: ./src/verify/policy/check-inputs.ts
// --build-workflow-input k=v: the recorded workflow_dispatch inputs must contain each key
// with exactly that value (booleans and numbers compared by their text, as users type them).

function checkWorkflowInputs(recorded, wanted) {
    for (const [key, value] of Object.entries(wanted)) {
        if (!Object.hasOwn(recorded, key)) {
            throw mismatch(`workflow input ${key}`, JSON.stringify(value), `no such input (recorded: ${Object.keys(recorded).join(', ') || 'none'})`);
        }
        const found = recorded[key];
        const text = typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean'
            ? String(found)
            : undefined;
        if (text !== value)
            throw mismatch(`workflow input ${key}`, JSON.stringify(value), JSON.stringify(found));
    }
}

;// CONCATENATED MODULE: ./src/verify/policy/semver-prefix.ts
const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
function parseVersion(text) {
    const match = VERSION.exec(text);
    if (!match)
        return undefined;
    const numbers = [match[1], match[2], match[3]]
        .filter((part) => part !== undefined)
        .map(Number);
    return match[4] === undefined ? { numbers } : { numbers, prerelease: match[4] };
}
function versionMatchesPrefix(found, wanted) {
    const full = [0, 1, 2].map((i) => found.numbers[i] ?? 0);
    const prefixMatches = wanted.numbers.every((part, i) => full[i] === part);
    if (!prefixMatches)
        return false;
    if (wanted.prerelease !== undefined)
        return wanted.numbers.length === 3 && found.prerelease === wanted.prerelease;
    return true;
}

;// CONCATENATED MODULE: ./src/verify/policy/check-ref.ts


function checkSourceRef(extensions, provenance, wanted) {
    const ref = provenance.sourceRef;
    const certificateRef = extensions.sourceRepositoryRef ?? extensions.legacyRef;
    if (certificateRef !== undefined && certificateRef !== ref) {
        throw mismatch('predicate source ref', `${certificateRef} (from the certificate)`, ref);
    }
    switch (wanted.kind) {
        case 'any':
            return ref;
        case 'branch':
            if (ref !== `refs/heads/${wanted.branch}`)
                throw mismatch('source branch', `refs/heads/${wanted.branch}`, ref);
            return ref;
        case 'tag':
            if (ref !== `refs/tags/${wanted.tag}`)
                throw mismatch('source tag', `refs/tags/${wanted.tag}`, ref);
            return ref;
        case 'versioned-tag':
            return checkVersionedTag(ref, wanted.version);
    }
}
function checkVersionedTag(ref, wanted) {
    const expected = `a tag matching ${wanted}`;
    if (!ref.startsWith('refs/tags/'))
        throw mismatch('source versioned tag', expected, ref);
    const version = parseVersion(ref.slice('refs/tags/'.length));
    const wantedVersion = parseVersion(wanted);
    if (wantedVersion === undefined)
        throw mismatch('--source-versioned-tag', 'vMAJOR[.MINOR[.PATCH]]', JSON.stringify(wanted));
    if (version === undefined)
        throw mismatch('source versioned tag', expected, `${ref}, which is not a semantic version`);
    if (!versionMatchesPrefix(version, wantedVersion))
        throw mismatch('source versioned tag', expected, ref);
    return ref;
}

;// CONCATENATED MODULE: ./src/verify/policy/repository-uri.ts
// Source repositories are compared as `host/owner/name`. Users write `github.com/O/R`,
// certificates say `https://github.com/O/R`; anything else (paths, .git suffixes, query
// strings, other schemes) is refused rather than trimmed, so look-alikes cannot match.

const REPOSITORY = /^[A-Za-z0-9.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function normaliseRepositoryUri(value, what) {
    const withoutScheme = value.startsWith('https://') ? value.slice('https://'.length) : value;
    if (!REPOSITORY.test(withoutScheme) || withoutScheme.endsWith('.git')) {
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
// The policy, in order: who signed (issuer, builder), what it claims to have built from
// (source repository, ref, inputs), and what it built (subjects). Fails at the first check
// that does not hold; never returns a partial pass.







function evaluatePolicy(evidence, policy) {
    const { identity, provenance } = evidence;
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
    const builderId = checkBuilder(signerIdentity, provenance, policy.builderId);
    const sourceUri = checkSource(identity.extensions, provenance, policy.sourceUri);
    const sourceRef = checkSourceRef(identity.extensions, provenance, policy.sourceRef);
    checkWorkflowInputs(provenance.workflowInputs, policy.workflowInputs);
    const matchedSubjects = checkSubjects(provenance.subjects, policy.artifacts);
    return {
        builderId,
        signerIdentity,
        sourceUri,
        sourceRef,
        sourceDigest: provenance.sourceDigest,
        ...(provenance.trigger === undefined ? {} : { trigger: provenance.trigger }),
        matchedSubjects
    };
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
    return {
        predicateVersion: 'v0.2',
        buildType,
        buildTypeFamily: 'slsa-generator-v0.2',
        builderId,
        sourceRepositoryUri: location.repositoryUri,
        sourceRef,
        sourceDigest: readDigest(configSource.digest, environment),
        ...optionalTrigger(environment),
        workflowInputs: readInputs(invocation, environment)
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
    return { ...common, ...readGeneratorSource(external, internal, dependency) };
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
        workflowInputs: optionalObject(external.inputs, `${base}.inputs`) ?? {}
    };
}
function readGeneratorSource(external, internal, dependency) {
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
        workflowInputs: optionalObject(payload?.inputs, `${base}.GITHUB_EVENT_PAYLOAD.inputs`) ?? {}
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
        digest[algorithm] = hex.toLowerCase();
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
    for (const envelope of envelopes) {
        try {
            const evidence = evidenceFromEnvelope(envelope);
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
