export const id = 592;
export const ids = [592];
export const modules = {

/***/ 4975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ artifactDigest),
/* harmony export */   Qw: () => (/* binding */ describeArtifact),
/* harmony export */   mz: () => (/* binding */ parseArtifactDigest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// The artifact a caller wants checked: either its bytes or just its digest (`sha256:<hex>`).


const DIGEST_LENGTHS = { sha256: 32, sha384: 48, sha512: 64 };
/** Parses `sha256:<hex>` (also sha384/sha512); anything else is INPUT_INVALID. */
function parseArtifactDigest(text) {
    const match = /^(sha256|sha384|sha512):([0-9a-fA-F]+)$/.exec(text);
    const algorithm = match?.[1];
    const hex = match?.[2];
    if (!algorithm || !hex || hex.length !== DIGEST_LENGTHS[algorithm] * 2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('INPUT_INVALID', `expected an artifact digest like sha256:<64 hex digits>, found ${JSON.stringify(text.slice(0, 80))}`);
    }
    return { kind: 'digest', algorithm, digest: Buffer.from(hex, 'hex') };
}
function artifactDigest(artifact, algorithm) {
    if (artifact.kind === 'digest')
        return artifact.algorithm === algorithm ? artifact.digest : undefined;
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(artifact.bytes).digest();
}
function describeArtifact(artifact) {
    if (artifact.kind === 'digest')
        return `${artifact.algorithm}:${artifact.digest.toString('hex')}`;
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(artifact.bytes).digest('hex')}`;
}


/***/ }),

/***/ 8480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wb: () => (/* binding */ certificateIdentity),
/* harmony export */   mj: () => (/* binding */ certificatePem)
/* harmony export */ });
/* unused harmony export decodeFulcioExtensions */
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3917);
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_sigstore_core__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// Reads the signer's identity out of a Fulcio leaf certificate.
// OIDs 1.3.6.1.4.1.57264.1.1–.6 (legacy) hold the raw string bytes as the extension value;
// .8 onwards hold a DER UTF8String. Unknown or malformed values are left out, never guessed.


const FULCIO_OID = '1.3.6.1.4.1.57264.1.';
const UTF8_STRING_TAG = 0x0c;
const LEGACY_RAW = {
    '1': 'legacyIssuer',
    '2': 'legacyWorkflowTrigger',
    '3': 'legacySha',
    '4': 'legacyWorkflowName',
    '5': 'legacyRepository',
    '6': 'legacyRef'
};
const DER_UTF8 = {
    '8': 'issuerV2',
    '9': 'buildSignerURI',
    '10': 'buildSignerDigest',
    '11': 'runnerEnvironment',
    '12': 'sourceRepositoryURI',
    '13': 'sourceRepositoryDigest',
    '14': 'sourceRepositoryRef',
    '15': 'sourceRepositoryIdentifier',
    '16': 'sourceRepositoryOwnerURI',
    '17': 'sourceRepositoryOwnerIdentifier',
    '18': 'buildConfigURI',
    '19': 'buildConfigDigest',
    '20': 'buildTrigger',
    '21': 'runInvocationURI',
    '22': 'sourceRepositoryVisibility',
    // Fulcio docs/oid-info.md: .1.23 deployment environment, .1.24 the raw `sub` claim.
    '23': 'deploymentEnvironment',
    '24': 'tokenSubject'
};
/**
 * @sigstore/core decodes extensions lazily and throws TypeErrors on malformed DER (a SAN whose
 * GeneralNames are not a SEQUENCE, a truncated extension list): one clear error instead.
 */
function readingCertificate(what, read) {
    try {
        return read();
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG)
            throw e;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `signing certificate: the ${what} is malformed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e)})`);
    }
}
function decodeFulcioExtensions(cert) {
    return readingCertificate('extension list', () => decodeExtensions(cert));
}
function decodeExtensions(cert) {
    const out = {};
    for (const ext of cert.extensions) {
        const oid = ext.subs[0]?.toOID();
        if (!oid?.startsWith(FULCIO_OID))
            continue;
        const arc = oid.slice(FULCIO_OID.length);
        const value = cert.extension(oid)?.value;
        if (!value)
            continue;
        const legacy = LEGACY_RAW[arc];
        if (legacy) {
            out[legacy] = value.toString('utf8');
            continue;
        }
        const named = DER_UTF8[arc];
        if (named) {
            const text = derUtf8(value);
            if (text !== undefined)
                out[named] = text;
        }
    }
    return out;
}
function derUtf8(value) {
    try {
        const obj = _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.ASN1Obj.parseBuffer(Buffer.from(value));
        if (obj.tag.number !== UTF8_STRING_TAG || obj.tag.constructed)
            return undefined;
        return obj.value.toString('utf8');
    }
    catch {
        return undefined;
    }
}
// Fulcio's otherName SAN for "username" identities (e.g. `foo!oidc.local` from a private
// instance's issuer): sigstore-go matches it like a URI or email SAN.
const FULCIO_USERNAME_OID = '1.3.6.1.4.1.57264.1.7';
function subjectAlternativeName(cert) {
    const ext = cert.extSubjectAltName;
    if (ext === undefined)
        return undefined;
    const uri = ext.uri;
    if (uri)
        return { subjectAlternativeName: uri, subjectAlternativeNameKind: 'uri' };
    const email = ext.rfc822Name;
    if (email)
        return { subjectAlternativeName: email, subjectAlternativeNameKind: 'email' };
    let username;
    try {
        username = ext.otherName(FULCIO_USERNAME_OID);
    }
    catch {
        username = undefined; // a malformed otherName is no identity
    }
    return username
        ? { subjectAlternativeName: username, subjectAlternativeNameKind: 'username' }
        : undefined;
}
function certificateIdentity(cert) {
    const extensions = decodeFulcioExtensions(cert);
    const san = readingCertificate('subjectAlternativeName', () => subjectAlternativeName(cert));
    return {
        ...(san ?? {}),
        ...((extensions.issuerV2 ?? extensions.legacyIssuer) !== undefined
            ? { issuer: extensions.issuerV2 ?? extensions.legacyIssuer }
            : {}),
        extensions
    };
}
function certificatePem(cert) {
    const b64 = cert.root.toDER().toString('base64');
    const lines = b64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}


/***/ }),

/***/ 579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ isSigstoreBundleJSON),
/* harmony export */   q: () => (/* binding */ parseSigstoreBundle)
/* harmony export */ });
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1040);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// Parses a Sigstore bundle (v0.1/v0.2/v0.3) from untrusted JSON. Structure only: nothing here
// is trusted until verify-sigstore-bundle.ts has checked it against the trust material.


const VERSIONS = {
    [_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .BUNDLE_V01_MEDIA_TYPE */ .Td]: 'bundle-v0.1',
    [_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .BUNDLE_V02_MEDIA_TYPE */ .qx]: 'bundle-v0.2',
    [_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .BUNDLE_V03_LEGACY_MEDIA_TYPE */ .ZZ]: 'bundle-v0.3',
    [_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .BUNDLE_V03_MEDIA_TYPE */ .HM]: 'bundle-v0.3'
};
function isSigstoreBundleJSON(json) {
    const mediaType = json?.mediaType;
    return (typeof mediaType === 'string' && mediaType.startsWith('application/vnd.dev.sigstore.bundle'));
}
function parseSigstoreBundle(json, origin) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: expected a Sigstore bundle object, found ${kindOf(json)}`);
    }
    const mediaType = json.mediaType;
    const version = typeof mediaType === 'string' ? VERSIONS[mediaType] : undefined;
    if (!version) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: expected a Sigstore bundle media type v0.1, v0.2 or v0.3, found ${JSON.stringify(mediaType)}`);
    }
    requireOneDsseSignature(json, origin);
    let bundle;
    try {
        bundle = (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .bundleFromJSON */ .vw)(json);
        if (version === 'bundle-v0.1')
            (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .assertBundleV01 */ .YB)(bundle);
        else if (version === 'bundle-v0.2')
            (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .assertBundleV02 */ .PH)(bundle);
        else
            (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__/* .assertBundleLatest */ ._M)(bundle);
    }
    catch (e) {
        const fields = e.fields;
        const detail = Array.isArray(fields) && fields.length
            ? `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e)}: ${fields.join(', ')}`
            : (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: malformed ${version} bundle (${detail})`);
    }
    checkStrictEncodings(json, bundle, origin);
    return { version, bundle };
}
// One envelope, one signer. @sigstore/verify checks only the first DSSE signature, so an extra
// one (a copy, or a foreign key's) would ride along unverified yet be listed by tools that show
// signers. The bundle schema check refuses it too; this does not depend on that library detail.
function requireOneDsseSignature(json, origin) {
    const signatures = json.dsseEnvelope?.signatures;
    if (Array.isArray(signatures) && signatures.length !== 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: a DSSE envelope must carry exactly one signature, found ${signatures.length}`);
    }
}
// protobuf JSON decoding is lenient: it accepts negative log indexes and silently drops
// invalid base64 characters. A bundle that relies on either is malformed, not "close enough".
function checkStrictEncodings(json, bundle, origin) {
    bundle.verificationMaterial.tlogEntries.forEach((entry, i) => {
        if (!/^\d+$/.test(entry.logIndex)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: tlogEntries[${i}].logIndex must be a non-negative integer, found ${entry.logIndex}`);
        }
        if (entry.integratedTime !== undefined && !/^\d+$/.test(entry.integratedTime)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: tlogEntries[${i}].integratedTime must be a non-negative integer, found ${entry.integratedTime}`);
        }
    });
    const content = json.messageSignature ?? json.dsseEnvelope;
    const signatures = [];
    if (json.messageSignature)
        signatures.push(content.signature);
    if (json.dsseEnvelope) {
        const env = content;
        signatures.push(env.payload, ...(env.signatures ?? []).map((s) => s.sig));
    }
    for (const value of signatures) {
        if (typeof value === 'string' && !isStrictBase64(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: signature or payload is not valid base64`);
        }
    }
}
function isStrictBase64(s) {
    return /^[A-Za-z0-9+/]*={0,2}$/.test(s) || /^[A-Za-z0-9_-]*={0,2}$/.test(s);
}
function kindOf(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    return typeof v;
}


/***/ }),

/***/ 7786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ verifyParsedBundle)
});

// UNUSED EXPORTS: checkArtifactInSubjects

// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var dist = __webpack_require__(3917);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(4187);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(9654);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/verify/core/artifact.ts
var core_artifact = __webpack_require__(4975);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/verify/core/digest-signature.ts
// Verifies a signature given only the digest of the signed message (the artifact is known by
// `sha256:<hex>` alone). node:crypto always hashes its input, so ECDSA is checked here from the
// curve equations and RSA PKCS#1 v1.5 by recovering the DigestInfo. Ed25519 and RSA-PSS cannot
// be checked from a digest and are reported as such.

// Domain parameters from SEC 2 / FIPS 186-4.
const CURVES = {
    'P-256': {
        p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
        a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
        b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
        n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
        gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
        gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n
    },
    'P-384': {
        p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
        a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
        b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
        n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
        gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
        gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn
    }
};
// SHA-256/384/512 DigestInfo prefixes (RFC 8017 §9.2 note 1).
const DIGEST_INFO_PREFIX = {
    sha256: '3031300d060960864801650304020105000420',
    sha384: '3041300d060960864801650304020205000430',
    sha512: '3051300d060960864801650304020305000440'
};
function verifyDigestSignature(key, digestAlgorithm, digest, signature) {
    const type = key.asymmetricKeyType;
    if (type === 'ec') {
        const jwk = key.export({ format: 'jwk' });
        const curve = jwk.crv ? CURVES[jwk.crv] : undefined;
        if (!curve || !jwk.x || !jwk.y) {
            return {
                ok: false,
                reason: `unsupported EC curve ${String(jwk.crv)} for digest-only verification`
            };
        }
        const q = { x: b64uToBigInt(jwk.x), y: b64uToBigInt(jwk.y) };
        const rs = parseDerSignature(signature);
        if (!rs)
            return { ok: false, reason: 'signature is not a DER ECDSA signature' };
        return ecdsaVerify(curve, q, digest, rs.r, rs.s)
            ? { ok: true }
            : { ok: false, reason: 'signature does not match the digest' };
    }
    if (type === 'rsa') {
        const prefix = DIGEST_INFO_PREFIX[digestAlgorithm];
        if (!prefix)
            return { ok: false, reason: `unsupported digest ${digestAlgorithm} for RSA` };
        let recovered;
        try {
            recovered = (0,external_node_crypto_.publicDecrypt)({ key, padding: external_node_crypto_.constants.RSA_PKCS1_PADDING }, signature);
        }
        catch {
            return { ok: false, reason: 'signature does not match the digest' };
        }
        const expected = Buffer.concat([Buffer.from(prefix, 'hex'), digest]);
        return recovered.equals(expected)
            ? { ok: true }
            : { ok: false, reason: 'signature does not match the digest' };
    }
    return {
        ok: false,
        reason: `a ${String(type)} signature covers the whole message; it cannot be checked from a digest alone`
    };
}
function b64uToBigInt(s) {
    return BigInt('0x' + Buffer.from(s, 'base64url').toString('hex'));
}
/** DER `SEQUENCE { INTEGER r, INTEGER s }`, strictly. */
function parseDerSignature(sig) {
    let pos = 0;
    const readLength = () => {
        const first = sig[pos++];
        if (first === undefined)
            return undefined;
        if (first < 0x80)
            return first;
        if (first !== 0x81)
            return undefined; // ECDSA signatures up to P-521 never need more
        const len = sig[pos++];
        return len !== undefined && len >= 0x80 ? len : undefined;
    };
    const readInteger = () => {
        if (sig[pos++] !== 0x02)
            return undefined;
        const len = readLength();
        if (len === undefined || len === 0 || pos + len > sig.length)
            return undefined;
        const bytes = sig.subarray(pos, pos + len);
        pos += len;
        if ((bytes[0] ?? 0) & 0x80)
            return undefined; // negative
        return BigInt('0x' + bytes.toString('hex'));
    };
    if (sig[pos++] !== 0x30)
        return undefined;
    const total = readLength();
    if (total === undefined || pos + total !== sig.length)
        return undefined;
    const r = readInteger();
    const s = readInteger();
    if (r === undefined || s === undefined || pos !== sig.length)
        return undefined;
    return { r, s };
}
function mod(a, m) {
    const r = a % m;
    return r >= 0n ? r : r + m;
}
function inverse(a, m) {
    let [oldR, r] = [mod(a, m), m];
    let [oldS, s] = [1n, 0n];
    while (r !== 0n) {
        const q = oldR / r;
        [oldR, r] = [r, oldR - q * r];
        [oldS, s] = [s, oldS - q * s];
    }
    return mod(oldS, m);
}
function add(c, p1, p2) {
    if (p1 === null)
        return p2;
    if (p2 === null)
        return p1;
    if (p1.x === p2.x) {
        if (mod(p1.y + p2.y, c.p) === 0n)
            return null;
        const l = mod((3n * p1.x * p1.x + c.a) * inverse(2n * p1.y, c.p), c.p);
        const x = mod(l * l - 2n * p1.x, c.p);
        return { x, y: mod(l * (p1.x - x) - p1.y, c.p) };
    }
    const l = mod((p2.y - p1.y) * inverse(p2.x - p1.x, c.p), c.p);
    const x = mod(l * l - p1.x - p2.x, c.p);
    return { x, y: mod(l * (p1.x - x) - p1.y, c.p) };
}
function multiply(c, k, point) {
    let result = null;
    let addend = point;
    while (k > 0n) {
        if (k & 1n)
            result = add(c, result, addend);
        addend = add(c, addend, addend);
        k >>= 1n;
    }
    return result;
}
function onCurve(c, q) {
    return mod(q.y * q.y - (q.x * q.x * q.x + c.a * q.x + c.b), c.p) === 0n;
}
function ecdsaVerify(c, q, digest, r, s) {
    if (r <= 0n || r >= c.n || s <= 0n || s >= c.n || !onCurve(c, q))
        return false;
    // Use the leftmost bits of the digest, as many as the group order has (FIPS 186-4 §6.4).
    const orderBits = c.n.toString(2).length;
    let e = digest.length ? BigInt('0x' + digest.toString('hex')) : 0n;
    const digestBits = digest.length * 8;
    if (digestBits > orderBits)
        e >>= BigInt(digestBits - orderBits);
    const w = inverse(s, c.n);
    const u1 = mod(e * w, c.n);
    const u2 = mod(r * w, c.n);
    const point = add(c, multiply(c, u1, { x: c.gx, y: c.gy }), multiply(c, u2, q));
    return point !== null && mod(point.x, c.n) === r;
}

// EXTERNAL MODULE: ./src/verify/core/fulcio-extensions.ts
var fulcio_extensions = __webpack_require__(8480);
;// CONCATENATED MODULE: ./src/verify/core/signed-timestamps.ts
// RFC 3161 timestamps carried in a bundle: structural limits checked before any cryptography,
// and the rule for a timestamp that does not verify.
//
// A bundle is an unsigned container, so anyone can add or strip timestamps. A timestamp that
// does not verify against the trusted timestamp authorities is therefore no evidence either
// way: it is set aside (as sigstore-go and sigstore-python do) and the bundle is judged on the
// time sources that did verify — exactly what the verdict would be had it been stripped. The
// threshold of verified time sources still applies, and the signing certificate must be valid
// at every verified time. What is never set aside: more timestamps than a client should spend
// work on, and byte-identical copies trying to count twice.


/** The most RFC 3161 timestamps one bundle may carry (sigstore-go and sigstore-python agree). */
const MAX_SIGNED_TIMESTAMPS = 32;
/** Returns the problem with the bundle's timestamp list, or undefined when it is acceptable. */
function signedTimestampListProblem(bundle) {
    const stamps = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? [];
    if (stamps.length > MAX_SIGNED_TIMESTAMPS) {
        return `too many signed timestamps: expected at most ${MAX_SIGNED_TIMESTAMPS}, found ${stamps.length}`;
    }
    for (let i = 0; i < stamps.length; i++) {
        for (let j = i + 1; j < stamps.length; j++) {
            const a = Buffer.from(stamps[i].signedTimestamp);
            const b = Buffer.from(stamps[j].signedTimestamp);
            if (a.length === b.length && dist.crypto.bufferEqual(a, b)) {
                return `duplicate signed timestamp: timestamps #${i} and #${j} are identical (each may count once)`;
            }
        }
    }
    return undefined;
}
/**
 * Keeps the RFC 3161 timestamps that verify against the trusted timestamp authorities (chain
 * valid at the signing time, token signature over this bundle's signature). Each is checked
 * by @sigstore/verify itself, alone: only its TIMESTAMP_ERROR sets a timestamp aside; any
 * later failure (e.g. the certificate not valid at that time) is left for the full check.
 */
function selectVerifiableTimestamps(entity, trust) {
    const setAside = [];
    let index = -1; // position among the bundle's rfc3161Timestamps, for messages
    const timestamps = entity.timestamps.filter((timestamp) => {
        if (timestamp.$case !== 'timestamp-authority')
            return true;
        index++;
        const problem = timestampProblem(entity, timestamp, trust);
        if (problem === undefined)
            return true;
        setAside.push(`RFC 3161 timestamp #${index} (${timestamp.timestamp.signingTime.toISOString()}): ${problem}`);
        return false;
    });
    return { entity: { ...entity, timestamps }, setAside };
}
function timestampProblem(entity, timestamp, trust) {
    try {
        new verify_dist/* Verifier */.BL(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 }).verify({
            ...entity,
            timestamps: [timestamp],
            tlogEntries: []
        });
    }
    catch (e) {
        if (e instanceof verify_dist/* VerificationError */.mk && e.code === 'TIMESTAMP_ERROR') {
            return trust.timestampAuthorities.length === 0
                ? 'the trusted root has no timestamp authority'
                : e.message;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/verify/core/verify-sigstore-bundle.ts
// Cryptographic verification of one parsed Sigstore bundle: signature, certificate chain (or
// trusted key), transparency-log inclusion/SET, timestamps and SCTs, via @sigstore/verify —
// plus the checks it leaves to the caller (future log times, digest-only artifacts, subjects).









// Clock skew tolerated before a log's integrated time counts as "in the future".
const FUTURE_SKEW_MS = 60_000;
const HASH_NAMES = {
    [protobuf_specs_dist.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: 'sha256',
    [protobuf_specs_dist.HashAlgorithm.SHA2_256]: 'sha256',
    [protobuf_specs_dist.HashAlgorithm.SHA2_384]: 'sha384',
    [protobuf_specs_dist.HashAlgorithm.SHA2_512]: 'sha512'
};
function verifyParsedBundle(parsed, options) {
    const { bundle } = parsed;
    const origin = options.origin ?? 'bundle';
    const now = options.now ?? new Date();
    for (const entry of bundle.verificationMaterial.tlogEntries) {
        const integrated = Number(entry.integratedTime ?? '0') * 1000;
        if (integrated > now.getTime() + FUTURE_SKEW_MS) {
            fail(origin, `transparency log entry ${entry.logIndex} claims integration at ${new Date(integrated).toISOString()}, which is in the future`);
        }
    }
    if (parsed.version === 'bundle-v0.3' &&
        bundle.verificationMaterial.content.$case === 'x509CertificateChain') {
        fail(origin, 'a v0.3 bundle must carry a single leaf certificate, not a chain');
    }
    const timestampListProblem = signedTimestampListProblem(bundle);
    if (timestampListProblem)
        fail(origin, timestampListProblem);
    let entity;
    try {
        entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, options.artifact?.kind === 'bytes' ? options.artifact.bytes : undefined);
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: cannot read bundle material: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    const content = bundle.content;
    let messageDigest;
    if (content.$case === 'messageSignature') {
        const algorithm = HASH_NAMES[content.messageSignature.messageDigest.algorithm];
        if (!algorithm)
            fail(origin, 'message digest uses an unsupported hash algorithm');
        const bundleDigest = Buffer.from(content.messageSignature.messageDigest.digest);
        messageDigest = { algorithm, digest: bundleDigest };
        if (options.artifact) {
            const actual = (0,core_artifact/* artifactDigest */.Fp)(options.artifact, algorithm);
            if (!actual)
                fail(origin, `the bundle signs a ${algorithm} digest but the artifact was given as ${(0,core_artifact/* describeArtifact */.Qw)(options.artifact)}`);
            if (!dist.crypto.bufferEqual(actual, bundleDigest)) {
                fail(origin, `artifact digest mismatch: bundle signs ${algorithm}:${bundleDigest.toString('hex')}, artifact is ${algorithm}:${actual.toString('hex')}`);
            }
        }
        if (options.artifact?.kind !== 'bytes') {
            // Only the digest is known: check the signature against it instead of re-hashing bytes.
            entity = withDigestSignature(entity, algorithm, bundleDigest, origin);
        }
    }
    // Timestamps (SET / RFC 3161), certificate chain at those times + SCTs (or the trusted
    // key's validity), log inclusion (SET or Merkle proof + checkpoint) and body, signature.
    const verifier = new verify_dist/* Verifier */.BL(options.trustMaterial, thresholdsFor(options.trustMaterial));
    let setAside = [];
    try {
        try {
            verifier.verify(entity);
        }
        catch (e) {
            // The library checks timestamps first, so only a timestamp error can mean an RFC 3161
            // timestamp needs setting aside (see signed-timestamps.ts). Selecting is a verification
            // per timestamp, so it runs only then, not for every bundle.
            if (!isTimestampError(e) || !hasSignedTimestamp(entity))
                throw e;
            const selection = selectVerifiableTimestamps(entity, options.trustMaterial);
            entity = selection.entity;
            setAside = selection.setAside;
            verifier.verify(entity);
        }
    }
    catch (e) {
        if (e instanceof errors/* ProvenanceError */.CG)
            throw e;
        fail(origin, explainVerificationError(e, entity, setAside));
    }
    const envelope = buildEnvelope(parsed, entity, options, messageDigest);
    if (content.$case === 'dsseEnvelope' && options.artifact) {
        checkArtifactInSubjects(envelope, options.artifact, origin);
    }
    return envelope;
}
function isTimestampError(e) {
    return e instanceof verify_dist/* VerificationError */.mk && e.code === 'TIMESTAMP_ERROR';
}
function hasSignedTimestamp(entity) {
    return entity.timestamps.some((t) => t.$case === 'timestamp-authority');
}
// The trusted root says which evidence exists: a private instance (GitHub's Fulcio + TSA) has
// no transparency or CT log, so demanding entries from them would reject all its bundles.
// Where the root names a log, one verified entry (or SCT) is required; one verified timestamp
// is always required.
function thresholdsFor(trust) {
    return {
        tlogThreshold: trust.tlogs.length > 0 ? 1 : 0,
        ctlogThreshold: trust.ctlogs.length > 0 ? 1 : 0,
        timestampThreshold: 1
    };
}
function withDigestSignature(entity, algorithm, digest, origin) {
    const original = entity.signature;
    return {
        ...entity,
        signature: {
            signature: original.signature,
            compareSignature: (s) => original.compareSignature(s),
            compareDigest: (d) => original.compareDigest(d),
            compareSignedDigest: (d) => original.compareSignedDigest(d),
            verifySignature: (key) => {
                const result = verifyDigestSignature(key, algorithm, digest, original.signature);
                if (!result.ok)
                    fail(origin, `signature verification failed: ${result.reason}`);
                return true;
            }
        }
    };
}
function buildEnvelope(parsed, entity, options, messageDigest) {
    const { bundle } = parsed;
    let signer;
    if (entity.key.$case === 'certificate') {
        const cert = entity.key.certificate;
        signer = {
            kind: 'certificate',
            identity: (0,fulcio_extensions/* certificateIdentity */.Wb)(cert),
            certificatePem: (0,fulcio_extensions/* certificatePem */.mj)(cert)
        };
    }
    else {
        signer = { kind: 'key', ...(entity.key.hint ? { keyId: entity.key.hint } : {}) };
    }
    // Only times the verifier vouched for: an integrated time counts when its SET (inclusion
    // promise) was checked; a Rekor v2 entry has none and relies on its RFC 3161 timestamp.
    const timestamps = [];
    for (const t of entity.timestamps) {
        if (t.$case === 'timestamp-authority') {
            timestamps.push({ source: 'tsa', time: t.timestamp.signingTime });
        }
        else if (t.tlogEntry.inclusionPromise) {
            timestamps.push({
                source: 'tlog',
                time: new Date(Number(t.tlogEntry.integratedTime) * 1000)
            });
        }
    }
    const base = {
        format: options.format ?? parsed.version,
        signer,
        timestamps,
        index: options.index ?? 0
    };
    if (bundle.content.$case === 'dsseEnvelope') {
        const env = bundle.content.dsseEnvelope;
        const payload = Buffer.from(env.payload);
        return {
            ...base,
            payloadType: env.payloadType,
            payload,
            statement: env.payloadType === types/* INTOTO_PAYLOAD_TYPE */.w9
                ? parseStatement(payload, options.origin ?? 'bundle')
                : undefined
        };
    }
    return {
        ...base,
        payloadType: '',
        payload: Buffer.alloc(0),
        statement: undefined,
        ...(messageDigest ? { messageDigest } : {})
    };
}
function parseStatement(payload, origin) {
    try {
        return JSON.parse(payload.toString('utf8'));
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: signed in-toto payload is not JSON: ${(0,errors/* describeError */.Uc)(e)}`);
    }
}
function checkArtifactInSubjects(envelope, artifact, origin) {
    const subjects = envelope.statement?.subject;
    if (!Array.isArray(subjects))
        fail(origin, 'the signed statement has no subject list to match the artifact against');
    for (const subject of subjects) {
        const digests = subject?.digest;
        if (typeof digests !== 'object' || digests === null)
            continue;
        for (const [algorithm, hex] of Object.entries(digests)) {
            if (typeof hex !== 'string' || !/^[0-9a-fA-F]+$/.test(hex))
                continue;
            if (!['sha256', 'sha384', 'sha512'].includes(algorithm))
                continue;
            const actual = (0,core_artifact/* artifactDigest */.Fp)(artifact, algorithm);
            if (actual && dist.crypto.bufferEqual(actual, Buffer.from(hex.toLowerCase(), 'hex')))
                return;
        }
    }
    fail(origin, `artifact ${(0,core_artifact/* describeArtifact */.Qw)(artifact)} is not among the ${subjects.length} subject(s) of the signed statement`);
}
/** The library's error, plus the facts in the bundle that explain it. */
function explainVerificationError(e, entity, setAside) {
    const base = describeVerificationError(e);
    const code = e.code;
    if (code === 'TIMESTAMP_ERROR' && setAside.length > 0) {
        return `${base}; no verified time source remains: ${setAside.join('; ')}`;
    }
    if (code === 'CERTIFICATE_ERROR' && entity.key.$case === 'certificate') {
        const outside = timesOutsideValidity(entity.key.certificate, entity);
        if (outside.length > 0)
            return `${base}; ${outside.join('; ')}`;
    }
    return base;
}
/** Verified times at which the signing certificate was not valid (expired or not yet valid). */
function timesOutsideValidity(cert, entity) {
    const validity = `valid ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}`;
    const found = [];
    for (const t of entity.timestamps) {
        const time = t.$case === 'timestamp-authority'
            ? { source: 'RFC 3161 timestamp', at: t.timestamp.signingTime }
            : t.tlogEntry.inclusionPromise
                ? {
                    source: 'transparency log integrated time',
                    at: new Date(Number(t.tlogEntry.integratedTime) * 1000)
                }
                : undefined;
        if (!time)
            continue;
        if (time.at > cert.notAfter) {
            found.push(`${time.source} ${time.at.toISOString()} is after the signing certificate expired (${validity})`);
        }
        else if (time.at < cert.notBefore) {
            found.push(`${time.source} ${time.at.toISOString()} is before the signing certificate's validity period (${validity})`);
        }
    }
    return found;
}
function describeVerificationError(e) {
    const code = e.code;
    const cause = e.cause;
    const base = (0,errors/* describeError */.Uc)(e);
    const detail = cause ? `${base} (${(0,errors/* describeError */.Uc)(cause)})` : base;
    return typeof code === 'string' ? `${code}: ${detail}` : detail;
}
function fail(origin, reason) {
    throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `${origin}: ${reason}`);
}


/***/ }),

/***/ 9321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s8: () => (/* reexport */ trust_material/* buildTrustMaterial */.s8),
  fM: () => (/* binding */ embeddedNpmRegistryKeys),
  ak: () => (/* binding */ loadTrustMaterial),
  KE: () => (/* binding */ loadTrustedRoot)
});

// UNUSED EXPORTS: loadNpmRegistryKeys, parseNpmRegistryKeys, parseTrustedRoot, parseTrustedRootBytes, publicGoodTrustedRoot, toKeyObject

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var seeds = __webpack_require__(8032);
;// CONCATENATED MODULE: ./src/verify/trust/embedded-root.ts
// The public-good Sigstore trust material, embedded at build time.
// @sigstore/tuf ships the TUF-verified trusted_root.json (and npm's registry keys) base64-encoded
// in seeds.json; importing it lets the bundler inline it, so the verifier never reads
// node_modules at runtime and works offline.

const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';
function seedTarget(name) {
    const mirrors = seeds;
    const encoded = mirrors[PUBLIC_GOOD_TUF_MIRROR]?.targets?.[name];
    if (encoded === undefined) {
        throw new Error(`embedded @sigstore/tuf seeds lack target ${name}`);
    }
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}
/** The public-good trusted_root.json (JSON form), as distributed by Sigstore's TUF repository. */
function publicGoodTrustedRootJSON() {
    return seedTarget('trusted_root.json');
}
/** npm's registry keys (keys.json form) from the same TUF repository. */
function embeddedNpmRegistryKeysJSON() {
    return seedTarget('registry.npmjs.org%2Fkeys.json');
}

;// CONCATENATED MODULE: ./src/verify/trust/online-root.ts

async function fetchTrustedRootOnline(options = {}) {
    const tuf = await __webpack_require__.e(/* import() */ 694).then(__webpack_require__.bind(__webpack_require__, 4423));
    try {
        return await tuf.getTrustedRoot({
            ...(options.mirrorURL ? { mirrorURL: options.mirrorURL } : {}),
            ...(options.cachePath ? { cachePath: options.cachePath } : {})
        });
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('SERVICE_UNAVAILABLE', `could not refresh the trusted root over TUF from ${options.mirrorURL ?? tuf.DEFAULT_MIRROR_URL}: ${(0,errors/* describeError */.Uc)(e)}`);
    }
}

// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(9654);
// EXTERNAL MODULE: ./src/verify/trust/trust-material.ts
var trust_material = __webpack_require__(2914);
;// CONCATENATED MODULE: ./src/verify/trust/trusted-root.ts
// Parsing a trusted_root.json (public-good, staging, a private instance, or the sandbox's).
// A trusted root decides what we believe, so it is parsed strictly: anything malformed is a
// FORMAT_INVALID error naming the field, never a partially-trusted root.



const TRUSTED_ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(\.v0\.\d+\+json|\+json;version=0\.\d+)$/;
// A ClientTrustConfig (sigstore-python's --trust-config) wraps a trusted root together with a
// signing config; a verifier needs only the root. Nothing else in the wrapper is trusted.
const CLIENT_TRUST_CONFIG_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.clienttrustconfig(\.v0\.\d+\+json|\+json;version=0\.\d+)$/;
function parseTrustedRoot(json, origin) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: expected a trusted_root JSON object`);
    }
    const outer = json.mediaType;
    if (typeof outer === 'string' && CLIENT_TRUST_CONFIG_MEDIA_TYPE.test(outer)) {
        const inner = json.trustedRoot;
        if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: expected a trustedRoot object inside the client trust config, found ${inner === undefined ? 'none' : JSON.stringify(inner).slice(0, 40)}`);
        }
        return parseTrustedRoot(inner, `${origin} (trustedRoot)`);
    }
    const mediaType = outer;
    if (typeof mediaType !== 'string' || !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: expected mediaType application/vnd.dev.sigstore.trustedroot… (or a clienttrustconfig wrapping one), found ${JSON.stringify(mediaType)}`);
    }
    let root;
    try {
        root = dist.TrustedRoot.fromJSON(json);
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: not a trusted root: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    root.tlogs.forEach((log, i) => {
        if (!log.publicKey?.rawBytes?.length) {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: tlogs[${i}] has no public key`);
        }
        if (!log.logId?.keyId?.length) {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: tlogs[${i}] has no logId`);
        }
    });
    root.ctlogs.forEach((log, i) => {
        if (!log.publicKey?.rawBytes?.length) {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: ctlogs[${i}] has no public key`);
        }
    });
    root.certificateAuthorities.forEach((ca, i) => {
        if (!ca.certChain?.certificates.length) {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: certificateAuthorities[${i}] has no certificates`);
        }
    });
    (0,trust_material/* assertLogKeysBounded */.OC)(root, origin);
    return root;
}
function parseTrustedRootBytes(bytes, origin) {
    let json;
    try {
        json = JSON.parse(bytes.toString());
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: not JSON: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    return parseTrustedRoot(json, origin);
}

;// CONCATENATED MODULE: ./src/verify/trust/npm-keys.ts
// npm registry keys.json: the keys that sign npm "publish" attestations (publicKey-hint bundles).

const ATTESTATION_USAGE = 'npm:attestations';
function npm_keys_parseNpmRegistryKeys(json, origin) {
    const keys = json?.keys;
    if (!Array.isArray(keys)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: expected {"keys": [...]}`);
    }
    const result = [];
    keys.forEach((entry, i) => {
        const k = entry;
        if (typeof k?.keyId !== 'string' || typeof k.publicKey?.rawBytes !== 'string') {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: keys[${i}] needs keyId and publicKey.rawBytes`);
        }
        if (k.keyUsage !== ATTESTATION_USAGE)
            return;
        result.push({
            keyId: k.keyId,
            publicKey: Buffer.from(k.publicKey.rawBytes, 'base64'),
            validFor: {
                ...(typeof k.publicKey.validFor?.start === 'string'
                    ? { start: new Date(k.publicKey.validFor.start) }
                    : {}),
                ...(typeof k.publicKey.validFor?.end === 'string'
                    ? { end: new Date(k.publicKey.validFor.end) }
                    : {})
            }
        });
    });
    return result;
}

;// CONCATENATED MODULE: ./src/verify/trust/index.ts
// Where the verifier's trust comes from: the embedded public-good root (default), a
// --trusted-root file, or an explicit --online TUF refresh.










function publicGoodTrustedRoot() {
    return parseTrustedRoot(publicGoodTrustedRootJSON(), 'embedded public-good trusted root');
}
/** npm's registry signing keys as shipped in the embedded TUF seeds. */
function embeddedNpmRegistryKeys() {
    return npm_keys_parseNpmRegistryKeys(embeddedNpmRegistryKeysJSON(), 'embedded npm registry keys');
}
async function loadTrustedRoot(options = {}) {
    if (options.trustedRootPath && options.online) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', 'use either --trusted-root or --online, not both');
    }
    if (options.trustedRootPath) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(options.trustedRootPath);
        }
        catch (e) {
            throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `cannot read trusted root ${options.trustedRootPath}: ${(0,errors/* describeError */.Uc)(e)}`);
        }
        return parseTrustedRootBytes(bytes, options.trustedRootPath);
    }
    if (options.online) {
        return fetchTrustedRootOnline(typeof options.online === 'object' ? options.online : {});
    }
    return publicGoodTrustedRoot();
}
async function loadTrustMaterial(options = {}) {
    return (0,trust_material/* buildTrustMaterial */.s8)(await loadTrustedRoot(options), options);
}
/** Reads a keys.json (npm registry format) file. */
async function loadNpmRegistryKeys(path) {
    let json;
    try {
        json = JSON.parse(await readFile(path, 'utf8'));
    }
    catch (e) {
        throw new ProvenanceError('INPUT_INVALID', `cannot read npm registry keys ${path}: ${describeError(e)}`);
    }
    return parseNpmRegistryKeys(json, path);
}


/***/ }),

/***/ 2914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OC: () => (/* binding */ assertLogKeysBounded),
/* harmony export */   cb: () => (/* binding */ toKeyObject),
/* harmony export */   s8: () => (/* binding */ buildTrustMaterial)
/* harmony export */ });
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3917);
/* harmony import */ var _sigstore_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_sigstore_core__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4187);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
// Turns a parsed trusted root (+ optional trusted public keys) into @sigstore/verify's
// TrustMaterial, tightening two defaults that would otherwise widen trust.



const NEVER = new Date(8640000000000000);
// @sigstore/verify would treat a log key without validFor.start as valid since 1970. The spec
// requires a start, so such a root is malformed and rejected outright (fail closed).
function assertLogKeysBounded(root, origin) {
    for (const [kind, logs] of [
        ['tlogs', root.tlogs],
        ['ctlogs', root.ctlogs]
    ]) {
        logs.forEach((log, i) => {
            if (!log.publicKey?.validFor?.start) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProvenanceError */ .CG('FORMAT_INVALID', `${origin}: ${kind}[${i}] (${log.baseUrl}) has no publicKey.validFor.start`);
            }
        });
    }
}
function buildTrustMaterial(root, options = {}) {
    assertLogKeysBounded(root, 'trusted root');
    let material;
    try {
        material = (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_1__/* .toTrustMaterial */ .jO)(root, (hint) => findKey(hint, options));
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProvenanceError */ .CG('FORMAT_INVALID', `trusted root is unusable: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(e)}`);
    }
    return material;
}
function findKey(hint, options) {
    const key = options.anyHintKey ?? options.publicKeys?.find((k) => k.keyId === hint);
    if (!key) {
        throw new _sigstore_verify__WEBPACK_IMPORTED_MODULE_1__/* .VerificationError */ .mk({
            code: 'PUBLIC_KEY_ERROR',
            message: `no trusted public key for hint ${JSON.stringify(hint)}`
        });
    }
    const publicKey = toKeyObject(key.publicKey);
    const start = key.validFor?.start ?? new Date(0);
    const end = key.validFor?.end ?? NEVER;
    return { publicKey, validFor: (date) => start <= date && date <= end };
}
function toKeyObject(key) {
    if (typeof key === 'string' && key.includes('-----BEGIN CERTIFICATE-----')) {
        return _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.crypto.createPublicKey(_sigstore_core__WEBPACK_IMPORTED_MODULE_0__.X509Certificate.parse(key).publicKey);
    }
    return _sigstore_core__WEBPACK_IMPORTED_MODULE_0__.crypto.createPublicKey(key);
}


/***/ })

};
