export const id = 621;
export const ids = [621];
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

/***/ 3864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VERIFY_BUNDLE_USAGE: () => (/* binding */ VERIFY_BUNDLE_USAGE),
/* harmony export */   parseVerifyBundleArgs: () => (/* binding */ parseVerifyBundleArgs),
/* harmony export */   runVerifyBundle: () => (/* binding */ runVerifyBundle),
/* harmony export */   verifyBundleCommand: () => (/* binding */ verifyBundleCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _core_artifact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4975);
/* harmony import */ var _core_parse_bundle_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(579);
/* harmony import */ var _core_verify_sigstore_bundle_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7786);
/* harmony import */ var _trust_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9321);
// `verify-bundle`: the sigstore-conformance client protocol.
//   verify-bundle --bundle B (--certificate-identity I --certificate-oidc-issuer U | --key K)
//                 [--trusted-root TR] FILE|sha256:HEX
// Exit 0 only when the bundle verifies for that artifact and identity (or key).






const VALUE_FLAGS = {
    '--bundle': 'bundle',
    '--certificate-identity': 'certificateIdentity',
    '--certificate-oidc-issuer': 'certificateOidcIssuer',
    '--key': 'key',
    '--trusted-root': 'trustedRoot'
};
function parseVerifyBundleArgs(argv) {
    const args = argv[0] === 'verify-bundle' ? argv.slice(1) : argv;
    const found = {};
    const positional = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const eq = arg.indexOf('=');
        const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
        const field = VALUE_FLAGS[flag];
        if (field) {
            const value = eq > 0 && flag !== arg ? arg.slice(eq + 1) : args[++i];
            if (value === undefined || value === '')
                throw usage(`${flag} needs a value`);
            if (found[field] !== undefined)
                throw usage(`${flag} given twice`);
            found[field] = value;
        }
        else if (arg.startsWith('--')) {
            throw usage(`unknown option ${arg}`);
        }
        else {
            positional.push(arg);
        }
    }
    if (!found.bundle)
        throw usage('--bundle is required');
    if (positional.length !== 1)
        throw usage(`expected exactly one artifact (FILE or sha256:HEX), found ${positional.length}`);
    const identityGiven = found.certificateIdentity !== undefined || found.certificateOidcIssuer !== undefined;
    if (found.key !== undefined && identityGiven)
        throw usage('use either --key or --certificate-identity/--certificate-oidc-issuer');
    if (found.key === undefined && (!found.certificateIdentity || !found.certificateOidcIssuer)) {
        throw usage('--certificate-identity and --certificate-oidc-issuer are both required (or --key)');
    }
    return { ...found, bundle: found.bundle, artifact: positional[0] };
}
function usage(problem) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('INPUT_INVALID', `${problem}. Usage: verify-bundle --bundle B (--certificate-identity I --certificate-oidc-issuer U | --key K) [--trusted-root TR] FILE|sha256:HEX`);
}
async function runVerifyBundle(args) {
    const root = await (0,_trust_index_js__WEBPACK_IMPORTED_MODULE_5__/* .loadTrustedRoot */ .KE)(args.trustedRoot ? { trustedRootPath: args.trustedRoot } : {});
    const key = args.key ? await readInput(args.key, 'key') : undefined;
    const trustMaterial = (0,_trust_index_js__WEBPACK_IMPORTED_MODULE_5__/* .buildTrustMaterial */ .s8)(root, key ? { anyHintKey: { keyId: '', publicKey: key.toString('utf8') } } : {});
    const artifact = await readArtifact(args.artifact);
    const bundleBytes = await readInput(args.bundle, 'bundle');
    let json;
    try {
        json = JSON.parse(bundleBytes.toString('utf8'));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${args.bundle}: not JSON: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e)}`);
    }
    const parsed = (0,_core_parse_bundle_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSigstoreBundle */ .q)(json, args.bundle);
    const material = parsed.bundle.verificationMaterial.content.$case;
    if (key && material !== 'publicKey') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('VERIFY_FAILED', `--key given, but the bundle is signed with a ${material}, not a public key`);
    }
    if (!key && material === 'publicKey') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('VERIFY_FAILED', 'the bundle is signed with a public key; pass it with --key');
    }
    const envelope = (0,_core_verify_sigstore_bundle_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyParsedBundle */ .p)(parsed, { trustMaterial, artifact, origin: args.bundle });
    if (!key)
        checkIdentity(envelope, args);
    return envelope;
}
function checkIdentity(envelope, args) {
    if (envelope.signer.kind !== 'certificate') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('VERIFY_FAILED', 'expected a certificate signer');
    }
    const { subjectAlternativeName, issuer } = envelope.signer.identity;
    if (subjectAlternativeName !== args.certificateIdentity) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('VERIFY_FAILED', `certificate identity mismatch: expected ${args.certificateIdentity}, found ${subjectAlternativeName ?? '(none)'}`);
    }
    if (issuer !== args.certificateOidcIssuer) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('VERIFY_FAILED', `OIDC issuer mismatch: expected ${args.certificateOidcIssuer}, found ${issuer ?? '(none)'}`);
    }
}
async function readArtifact(spec) {
    if (/^sha(256|384|512):/.test(spec))
        return (0,_core_artifact_js__WEBPACK_IMPORTED_MODULE_2__/* .parseArtifactDigest */ .mz)(spec);
    return { kind: 'bytes', bytes: await readInput(spec, 'artifact') };
}
async function readInput(path, what) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('INPUT_INVALID', `cannot read ${what} ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e)}`);
    }
}
const VERIFY_BUNDLE_USAGE = `Usage: verify-bundle --bundle B (--certificate-identity I --certificate-oidc-issuer U | --key K)
                     [--trusted-root TR] FILE|sha256:HEX

Verifies one Sigstore bundle (v0.1-v0.3) for an artifact, offline, against the embedded
public-good trusted root (or TR). Exit 0 = valid; anything else = invalid.
`;
/** Runs the command; returns the exit code (0 = valid). Never throws. */
async function verifyBundleCommand(argv, stderr = (l) => process.stderr.write(l + '\n')) {
    if (argv.includes('--help')) {
        process.stdout.write(VERIFY_BUNDLE_USAGE);
        return 0;
    }
    try {
        const envelope = await runVerifyBundle(parseVerifyBundleArgs(argv));
        const who = envelope.signer.kind === 'certificate'
            ? envelope.signer.identity.subjectAlternativeName
            : `key ${envelope.signer.keyId ?? ''}`.trim();
        stderr(`PASSED: ${envelope.format} signed by ${who}`);
        return 0;
    }
    catch (e) {
        stderr(`FAILED: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isProvenanceError */ .Ev)(e) ? `[${e.code}] ${e.message}` : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e)}`);
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isProvenanceError */ .Ev)(e) && e.code === 'INPUT_INVALID' ? 2 : 1;
    }
}


/***/ })

};
