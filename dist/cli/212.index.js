export const id = 212;
export const ids = [212];
export const modules = {

/***/ 1212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyArtifactCommand: () => (/* binding */ verifyArtifactCommand)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/verify/policy/select-envelope.ts + 30 modules
var select_envelope = __webpack_require__(1211);
// EXTERNAL MODULE: ./src/verify/cli/args.ts
var cli_args = __webpack_require__(8703);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/verify/cli/artifact-digest.ts
// An artifact is named by a file to hash, or directly by `sha256:HEX` / `sha512:HEX` when the
// file itself is not at hand.



const GIVEN_DIGEST = /^(sha256|sha512):([0-9a-fA-F]+)$/;
const LENGTHS = { sha256: 64, sha512: 128 };
async function resolveArtifact(argument) {
    const given = GIVEN_DIGEST.exec(argument);
    if (given) {
        const algorithm = given[1];
        const hex = given[2].toLowerCase();
        if (hex.length !== LENGTHS[algorithm]) {
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `artifact digest ${argument}: expected ${LENGTHS[algorithm]} hex characters after ${algorithm}:, found ${hex.length}`);
        }
        return { label: argument, algorithm, hex };
    }
    const { sha256, sha512 } = await hashFile(argument);
    return {
        label: argument,
        algorithm: 'sha256',
        hex: sha256,
        alternates: [{ algorithm: 'sha512', hex: sha512 }]
    };
}
/** One read, both digests: subjects are sha256 for most producers, sha512 for npm tarballs. */
function hashFile(path) {
    return new Promise((resolve, reject) => {
        const sha256 = (0,external_node_crypto_.createHash)('sha256');
        const sha512 = (0,external_node_crypto_.createHash)('sha512');
        (0,external_node_fs_.createReadStream)(path)
            .on('error', (e) => reject(new errors/* ProvenanceError */.CG('INPUT_INVALID', `cannot read artifact ${path}: ${(0,errors/* describeError */.Uc)(e)}`)))
            .on('data', (chunk) => {
            sha256.update(chunk);
            sha512.update(chunk);
        })
            .on('end', () => resolve({ sha256: sha256.digest('hex'), sha512: sha512.digest('hex') }));
    });
}

// EXTERNAL MODULE: ./src/verify/cli/help.ts
var help = __webpack_require__(8433);
// EXTERNAL MODULE: ./src/verify/cli/policy-flags.ts
var policy_flags = __webpack_require__(3330);
// EXTERNAL MODULE: ./src/verify/cli/report.ts
var report = __webpack_require__(5828);
;// CONCATENATED MODULE: ./src/verify/cli/verify-artifact.ts
// verify-artifact: artifacts (files or digests) + a provenance file + a policy → PASSED/FAILED.







const COMMAND = 'verify-artifact';
async function verifyArtifactCommand(argv, out = report/* processOutput */.Xi) {
    const args = (0,cli_args/* parseArgs */.Z)(argv, { values: { ...policy_flags/* POLICY_FLAGS */.v.values, 'provenance-path': {} }, booleans: policy_flags/* POLICY_FLAGS */.v.booleans }, COMMAND);
    if (args.booleans.has('help')) {
        out.stdout(help/* VERIFY_ARTIFACT_HELP */.p7);
        return 0;
    }
    const json = args.booleans.has('json');
    try {
        if (args.positionals.length === 0)
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${COMMAND}: expected at least one ARTIFACT (a file or sha256:HEX), found none`);
        const provenancePath = (0,cli_args/* single */.J)(args, 'provenance-path');
        if (provenancePath === undefined)
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `${COMMAND}: --provenance-path is required`);
        // The Sigstore libraries load only once a verification really runs (not for --help).
        const { loadTrust, readProvenanceFile, verifyEnvelopes } = await Promise.all(/* import() */[__webpack_require__.e(323), __webpack_require__.e(592), __webpack_require__.e(23)]).then(__webpack_require__.bind(__webpack_require__, 4023));
        const artifacts = await Promise.all(args.positionals.map(resolveArtifact));
        const policy = (0,policy_flags/* readPolicy */.T)(args, COMMAND, artifacts);
        const [bytes, trust] = await Promise.all([
            readProvenanceFile(provenancePath),
            loadTrust((0,cli_args/* single */.J)(args, 'trusted-root'), args.booleans.has('online'))
        ]);
        const pass = (0,select_envelope/* selectPassingEnvelope */.M)(await verifyEnvelopes(bytes, trust, provenancePath), policy);
        const statement = args.booleans.has('print-provenance') ? pass.envelope.payload : undefined;
        (0,report/* writePass */.R_)(out, (0,report/* passReport */.q5)(COMMAND, args.positionals, provenancePath, pass), {
            json,
            statement
        });
        return 0;
    }
    catch (error) {
        if (!(error instanceof errors/* ProvenanceError */.CG))
            throw error;
        (0,report/* writeFail */.Yv)(out, (0,report/* failReport */.Ds)(COMMAND, args.positionals, error.code, error.message), json);
        return 1;
    }
}


/***/ })

};
