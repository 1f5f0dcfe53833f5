export const id = 23;
export const ids = [23];
export const modules = {

/***/ 4023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadTrust: () => (/* binding */ loadTrust),
  readProvenanceFile: () => (/* binding */ readProvenanceFile),
  verifyCosignLayer: () => (/* binding */ verifyCosignLayer),
  verifyEnvelopes: () => (/* binding */ verifyEnvelopes)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/types.ts
var types = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/verify/trust/trust-material.ts
var trust_material = __webpack_require__(2914);
;// CONCATENATED MODULE: ./src/verify/core/dsse-envelope.ts
// Strict parsing of a bare DSSE envelope (JSON), as found in pre-v2.1.0 slsa-github-generator
// `.intoto.jsonl` lines and in cosign attestation layers.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$|^[A-Za-z0-9_-]*={0,2}$/;
function isDsseEnvelopeJSON(json) {
    const o = json;
    return typeof o === 'object' && o !== null && 'payloadType' in o && 'signatures' in o;
}
function parseDsseEnvelope(json, origin) {
    const o = json;
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: expected a DSSE envelope object`);
    }
    const { payloadType, payload, signatures } = o;
    if (typeof payloadType !== 'string' || payloadType === '') {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: DSSE payloadType must be a non-empty string`);
    }
    if (typeof payload !== 'string' || payload === '' || !BASE64.test(payload)) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: DSSE payload must be non-empty base64`);
    }
    if (!Array.isArray(signatures) || signatures.length === 0) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: DSSE envelope has no signatures`);
    }
    const parsed = signatures.map((s, i) => {
        const sig = s;
        if (typeof sig?.sig !== 'string' || sig.sig === '' || !BASE64.test(sig.sig)) {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: signatures[${i}].sig must be non-empty base64`);
        }
        if (sig.keyid !== undefined && typeof sig.keyid !== 'string') {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: signatures[${i}].keyid must be a string`);
        }
        if (sig.cert !== undefined && typeof sig.cert !== 'string') {
            throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: signatures[${i}].cert must be a PEM string`);
        }
        return {
            keyid: sig.keyid ?? '',
            sig: sig.sig,
            ...(typeof sig.cert === 'string' ? { cert: sig.cert } : {})
        };
    });
    return { payloadType, payload, signatures: parsed };
}

// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var dist = __webpack_require__(3917);
;// CONCATENATED MODULE: ./src/verify/core/legacy-dsse.ts
// slsa-github-generator before v2.1.0 wrote bare DSSE envelopes with the Fulcio leaf inside and
// nothing from Rekor. Offline, the signature and chain can be checked but the signing time
// cannot: a short-lived certificate is only meaningful with log (or timestamp) evidence that
// the signature was made while it was valid. Known attacks in the corpus (expired cert, skipped
// log upload) look perfect offline. So these are ALWAYS rejected; the reason says why.



const MISSING_TLOG_REASON = 'no transparency-log evidence: this bare DSSE envelope (slsa-github-generator before v2.1.0) carries no Rekor entry and no signed timestamp, ' +
    "so the signing time cannot be proven inside the short-lived certificate's validity; it needs an online Rekor lookup and is never accepted offline";
function rejectLegacyDsse(json, trustMaterial, origin) {
    const env = parseDsseEnvelope(json, origin);
    const first = env.signatures[0];
    if (!first?.cert) {
        throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `${origin}: ${MISSING_TLOG_REASON}; the envelope also carries no signing certificate`);
    }
    let leaf;
    try {
        leaf = dist.X509Certificate.parse(first.cert);
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: signatures[0].cert is not a certificate: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    const pae = dist.dsse.preAuthEncoding(env.payloadType, Buffer.from(env.payload, 'base64'));
    let signatureOk = false;
    try {
        signatureOk = dist.crypto.verify(pae, dist.crypto.createPublicKey(leaf.publicKey), Buffer.from(first.sig, 'base64'));
    }
    catch {
        signatureOk = false;
    }
    let chainOk = false;
    try {
        chainOk = chainsToTrustedCA(leaf, trustMaterial);
    }
    catch {
        // @sigstore/core reads fields lazily: a certificate missing its validity throws a TypeError
        // here. Not trusted, and the verdict is rejection either way.
        chainOk = false;
    }
    const observed = `DSSE signature ${signatureOk ? 'valid' : 'INVALID'}, certificate chain ${chainOk ? 'valid' : 'NOT trusted'}`;
    throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `${origin}: ${MISSING_TLOG_REASON} (offline checks: ${observed})`);
}
// Diagnostic only (the verdict is rejection either way): does the leaf chain to a trusted CA
// as of its own notBefore? A leaf may be issued by any certificate of a CA's chain (mid-2022
// leaves were signed directly by the root that is the chain's second certificate).
function chainsToTrustedCA(leaf, trust) {
    const at = leaf.notBefore;
    for (const ca of trust.certificateAuthorities) {
        if (ca.validFor.start > at || ca.validFor.end < at)
            continue;
        for (let k = 0; k < ca.certChain.length; k++) {
            if (chainFrom(leaf, ca.certChain.slice(k), at))
                return true;
        }
    }
    return false;
}
function chainFrom(leaf, chain, at) {
    let child = leaf;
    for (const issuer of chain) {
        try {
            if (!issuer.isCA || !issuer.validForDate(at) || !child.verify(issuer))
                return false;
        }
        catch {
            return false;
        }
        child = issuer;
    }
    return leaf.validForDate(at);
}

// EXTERNAL MODULE: ./src/verify/core/parse-bundle.ts
var parse_bundle = __webpack_require__(579);
// EXTERNAL MODULE: ./src/verify/core/verify-sigstore-bundle.ts + 2 modules
var verify_sigstore_bundle = __webpack_require__(7786);
;// CONCATENATED MODULE: ./src/verify/core/verify-file.ts







// Far above any real provenance file; bounds memory/CPU on hostile input.
const MAX_PROVENANCE_BYTES = 64 * 1024 * 1024;
const MAX_ENVELOPES = 1000;
async function verifyProvenanceFile(bytes, options) {
    const origin = options.origin ?? 'provenance';
    if (bytes.length > MAX_PROVENANCE_BYTES) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: ${bytes.length} bytes exceeds the ${MAX_PROVENANCE_BYTES}-byte limit`);
    }
    const text = bytes.toString('utf8');
    if (text.trim() === '')
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: file is empty`);
    const whole = tryParse(text);
    const items = [];
    if (whole.ok && isAttestationList(whole.value)) {
        const list = whole.value.attestations;
        list.forEach((entry, i) => {
            const { bundle, predicateType } = (entry ?? {});
            if (bundle === undefined)
                throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: attestations[${i}] has no bundle`);
            if (predicateType !== undefined && typeof predicateType !== 'string') {
                throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: attestations[${i}].predicateType must be a string`);
            }
            // npm's attestation lists carry in-toto statements only; anything else is refused
            // before any cryptography (as slsa-verifier does).
            const payloadType = bundle
                ?.dsseEnvelope?.payloadType;
            if (payloadType !== undefined && payloadType !== types/* INTOTO_PAYLOAD_TYPE */.w9) {
                throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: attestations[${i}] DSSE payloadType: expected ${types/* INTOTO_PAYLOAD_TYPE */.w9}, found ${JSON.stringify(payloadType).slice(0, 80)}`);
            }
            items.push({
                json: bundle,
                origin: `${origin} attestations[${i}]`,
                fromList: true,
                ...(predicateType ? { listedPredicateType: predicateType } : {})
            });
        });
    }
    else if (whole.ok && !Array.isArray(whole.value)) {
        items.push({ json: whole.value, origin, fromList: false });
    }
    else {
        text.split('\n').forEach((line, i) => {
            if (line.trim() === '')
                return;
            const parsed = tryParse(line);
            if (!parsed.ok)
                throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin} line ${i + 1}: not JSON: ${parsed.error}`);
            items.push({ json: parsed.value, origin: `${origin} line ${i + 1}`, fromList: false });
        });
    }
    if (items.length === 0)
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: no envelopes found`);
    if (items.length > MAX_ENVELOPES) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: ${items.length} envelopes exceeds the limit of ${MAX_ENVELOPES}`);
    }
    const verified = [];
    const skipped = [];
    items.forEach((item, index) => {
        const result = verifyItem(item, index, options);
        if ('reason' in result) {
            skipped.push(result);
            options.onNote?.(`${item.origin}: skipped: ${result.reason}`);
        }
        else
            verified.push(result);
    });
    if (verified.length === 0) {
        throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `${origin}: nothing could be verified (${skipped.map((s) => s.reason).join('; ')})`);
    }
    return { verified, skipped };
}
function verifyItem(item, index, options) {
    if ((0,parse_bundle/* isSigstoreBundleJSON */.f)(item.json)) {
        const parsed = (0,parse_bundle/* parseSigstoreBundle */.q)(item.json, item.origin);
        const format = item.fromList ? 'npm-attestations' : parsed.version;
        let trustMaterial = options.trustMaterial;
        if (parsed.bundle.verificationMaterial.content.$case === 'publicKey') {
            const hint = parsed.bundle.verificationMaterial.content.publicKey.hint;
            const key = options.publicKeys?.find((k) => k.keyId === hint);
            if (key)
                trustMaterial = withPublicKey(trustMaterial, key);
            else if (item.fromList && !hasKey(trustMaterial, hint)) {
                return {
                    index,
                    format,
                    reason: `signed by registry key ${JSON.stringify(hint)}, which was not provided (npm registry keys.json)`
                };
            }
        }
        const envelope = (0,verify_sigstore_bundle/* verifyParsedBundle */.p)(parsed, {
            trustMaterial,
            format,
            index,
            origin: item.origin,
            ...(options.artifact ? { artifact: options.artifact } : {})
        });
        if (item.listedPredicateType !== undefined)
            checkListedPredicateType(envelope, item.listedPredicateType, item.origin);
        return envelope;
    }
    if (isDsseEnvelopeJSON(item.json)) {
        return rejectLegacyDsse(item.json, options.trustMaterial, item.origin);
    }
    throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${item.origin}: expected a Sigstore bundle (mediaType application/vnd.dev.sigstore.bundle…) or a DSSE envelope, found ${describeShape(item.json)}`);
}
// The list's predicateType is unsigned; a consumer may select attestations by it, so it must
// agree with what was signed.
function checkListedPredicateType(envelope, listed, origin) {
    const signed = envelope.statement?.predicateType;
    if (signed !== listed) {
        throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `${origin}: listed predicateType ${JSON.stringify(listed)} does not match the signed statement's ${JSON.stringify(signed)}`);
    }
}
function withPublicKey(trust, key) {
    return {
        ...trust,
        publicKey: (hint) => {
            if (hint !== key.keyId)
                return trust.publicKey(hint);
            const start = key.validFor?.start ?? new Date(0);
            const end = key.validFor?.end ?? new Date(8640000000000000);
            return {
                publicKey: (0,trust_material/* toKeyObject */.cb)(key.publicKey),
                validFor: (date) => start <= date && date <= end
            };
        }
    };
}
function hasKey(trust, hint) {
    try {
        trust.publicKey(hint);
        return true;
    }
    catch {
        return false;
    }
}
function isAttestationList(json) {
    const list = json?.attestations;
    return typeof json === 'object' && json !== null && Array.isArray(list);
}
function tryParse(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch (e) {
        return { ok: false, error: (0,errors/* describeError */.Uc)(e) };
    }
}
function describeShape(json) {
    if (json === null || typeof json !== 'object')
        return JSON.stringify(json)?.slice(0, 40) ?? String(json);
    const keys = Object.keys(json).slice(0, 5);
    return `an object with keys ${keys.join(', ') || '(none)'}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/verify/core/cosign-attestation.ts
// cosign's OCI attestation layout: a DSSE envelope layer plus annotations holding the Fulcio
// leaf, its chain and the Rekor "bundle" (SET + entry payload). We rebuild the v0.1 Sigstore
// bundle those pieces amount to and verify it like any other (the SET against the Rekor key in
// the trusted root, the body against the envelope).






const COSIGN_DSSE_LAYER_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
function verifyCosignAttestation(layerBytes, annotations, trustMaterial, options = {}) {
    const origin = options.origin ?? 'cosign attestation layer';
    if (options.layerDigest !== undefined) {
        const actual = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(layerBytes).digest('hex')}`;
        if (actual !== options.layerDigest) {
            throw new errors/* ProvenanceError */.CG('VERIFY_FAILED', `${origin}: layer digest mismatch: manifest says ${options.layerDigest}, blob is ${actual}`);
        }
    }
    const bundleJSON = cosignPiecesToBundleJSON(layerBytes, annotations, origin);
    const parsed = (0,parse_bundle/* parseSigstoreBundle */.q)(bundleJSON, origin);
    return (0,verify_sigstore_bundle/* verifyParsedBundle */.p)(parsed, {
        trustMaterial,
        format: 'cosign-layout',
        origin,
        ...(options.subjectDigest ? { artifact: options.subjectDigest } : {})
    });
}
/** The v0.1 Sigstore bundle (JSON form) equivalent to a cosign attestation layer + annotations. */
function cosignPiecesToBundleJSON(layerBytes, annotations, origin) {
    let envelopeJSON;
    try {
        envelopeJSON = JSON.parse(layerBytes.toString('utf8'));
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: layer is not a JSON DSSE envelope: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    const envelope = parseDsseEnvelope(envelopeJSON, origin);
    if (envelope.signatures.length !== 1) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: expected exactly one DSSE signature, found ${envelope.signatures.length}`);
    }
    const leafPem = requireAnnotation(annotations, COSIGN_CERTIFICATE_ANNOTATION, origin);
    const chainPem = annotations[COSIGN_CHAIN_ANNOTATION] ?? '';
    const certificates = [
        ...splitPem(leafPem, origin),
        ...(chainPem ? splitPem(chainPem, origin) : [])
    ];
    const rekor = parseRekorAnnotation(requireAnnotation(annotations, COSIGN_BUNDLE_ANNOTATION, origin), origin);
    let body;
    try {
        body = JSON.parse(Buffer.from(rekor.Payload.body, 'base64').toString('utf8'));
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: Rekor entry body is not base64 JSON: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    if (typeof body.kind !== 'string' || typeof body.apiVersion !== 'string') {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: Rekor entry body lacks kind/apiVersion`);
    }
    return {
        mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
        verificationMaterial: {
            x509CertificateChain: {
                certificates: certificates.map((der) => ({ rawBytes: der.toString('base64') }))
            },
            tlogEntries: [
                {
                    logIndex: String(rekor.Payload.logIndex),
                    logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
                    kindVersion: { kind: body.kind, version: body.apiVersion },
                    integratedTime: String(rekor.Payload.integratedTime),
                    inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
                    canonicalizedBody: rekor.Payload.body
                }
            ]
        },
        dsseEnvelope: {
            payload: envelope.payload,
            payloadType: envelope.payloadType,
            signatures: envelope.signatures.map((s) => ({ sig: s.sig, keyid: s.keyid }))
        }
    };
}
function requireAnnotation(annotations, name, origin) {
    const value = annotations[name];
    if (typeof value !== 'string' || value === '') {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: missing annotation ${name}`);
    }
    return value;
}
function splitPem(text, origin) {
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length === 0)
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: expected PEM certificates`);
    return blocks.map((block) => dist.pem.toDER(block));
}
function parseRekorAnnotation(text, origin) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: ${COSIGN_BUNDLE_ANNOTATION} is not JSON: ${(0,errors/* describeError */.Uc)(e)}`);
    }
    const o = json;
    const p = o?.Payload;
    const ok = typeof o?.SignedEntryTimestamp === 'string' &&
        typeof p?.body === 'string' &&
        Number.isSafeInteger(p.integratedTime) &&
        Number.isSafeInteger(p.logIndex) &&
        p.logIndex >= 0 &&
        typeof p.logID === 'string' &&
        /^[0-9a-f]{64}$/.test(p.logID);
    if (!ok) {
        throw new errors/* ProvenanceError */.CG('FORMAT_INVALID', `${origin}: ${COSIGN_BUNDLE_ANNOTATION} must be {SignedEntryTimestamp, Payload:{body, integratedTime, logIndex, logID}}`);
    }
    return o;
}

// EXTERNAL MODULE: ./src/verify/core/artifact.ts
var artifact = __webpack_require__(4975);
// EXTERNAL MODULE: ./src/verify/core/fulcio-extensions.ts
var fulcio_extensions = __webpack_require__(8480);
;// CONCATENATED MODULE: ./src/verify/core/index.ts








// EXTERNAL MODULE: ./src/verify/trust/index.ts + 4 modules
var trust = __webpack_require__(9321);
;// CONCATENATED MODULE: ./src/verify/cli/core-bridge.ts
// The one place the CLI reaches into the cryptographic core and the trust roots, so the
// commands stay about flags, policy and output.




// npm's registry keys are trusted too, so the publish attestation in an npm attestation list
// is verified rather than skipped: a tampered one fails the file.
// --online refreshes the public-good root over TUF (@sigstore/tuf) instead of the embedded copy.
function loadTrust(trustedRootPath, online = false) {
    const publicKeys = (0,trust/* embeddedNpmRegistryKeys */.fM)();
    return (0,trust/* loadTrustMaterial */.ak)({
        publicKeys,
        ...(trustedRootPath === undefined ? {} : { trustedRootPath }),
        ...(online ? { online: true } : {})
    });
}
async function readProvenanceFile(path) {
    try {
        return await (0,promises_.readFile)(path);
    }
    catch (error) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `cannot read provenance ${path}: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
/** Cryptographic verification of every envelope in a provenance file (throws if any fails). */
async function verifyEnvelopes(bytes, trustMaterial, origin) {
    const result = await verifyProvenanceFile(Buffer.from(bytes), { trustMaterial, origin });
    return result.verified;
}
/** A cosign-layout attestation: the DSSE layer plus its certificate/chain/bundle annotations. */
function verifyCosignLayer(layer, trustMaterial) {
    return verifyCosignAttestation(layer.envelope, layer.annotations, trustMaterial, {
        layerDigest: layer.digest,
        origin: layer.origin
    });
}


/***/ })

};
