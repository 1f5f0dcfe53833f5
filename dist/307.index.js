export const id = 307;
export const ids = [307];
export const modules = {

/***/ 76307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildBundleBuilder: () => (/* binding */ buildBundleBuilder)
});

// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var dist = __webpack_require__(15179);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(28902);
;// CONCATENATED MODULE: ./src/signing/rekor-v2-witness.ts
// Rekor v2 witness: logs a DSSE signature in a Rekor v2 (rekor-tiles) log and returns the
// TransparencyLogEntry the log answers with (inclusion proof + signed checkpoint, no SET).
//
// Why not @sigstore/sign's own v2 client: it sends a `dsseRequestV002`, and rekor-tiles dropped
// the DSSE type before Rekor v2 was widely deployed (sigstore/rekor-tiles fa390b1 "Drop DSSE
// support", first released in v2.3.0; CLIENTS.md: "Rekor v2 will not support a DSSE entry type.
// Instead, clients should extract the DSSE Pre-Authentication Encoding (PAE) and signature from
// the DSSE envelope, including the hash of the PAE and the signature in a hashedrekord request").
// sigstore-go v1.4.0 (pkg/sign/transparency.go) does exactly that, and @sigstore/verify 4.1
// verifies a DSSE bundle against such an entry (DSSESignatureContent.compareSignedDigest).





const REKOR_V2_ENTRIES_PATH = '/api/v2/log/entries';
/** CLIENTS.md: "Clients need to increase request timeouts when creating entries to at least 20 seconds." */
const REKOR_V2_MIN_TIMEOUT_MS = 20_000;
/** DSSE v1 pre-authentication encoding (the bytes the signature covers), from @sigstore/core. */
const preAuthEncoding = core_dist.dsse.preAuthEncoding;
/** Key details name the signing algorithm; the hash of the signed bytes must use its hash. */
function keyDetailsOf(cert) {
    const curve = cert.publicKey.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1' || curve === 'P-256')
        return { keyDetails: 'PKIX_ECDSA_P256_SHA_256', hash: 'sha256' };
    if (curve === 'secp384r1' || curve === 'P-384')
        return { keyDetails: 'PKIX_ECDSA_P384_SHA_384', hash: 'sha384' };
    throw new errors/* ProvenanceError */.CG('SIGNING_FAILED', `Rekor v2: unsupported signing key (${cert.publicKey.asymmetricKeyType ?? 'unknown'} ${curve ?? ''})`);
}
/** The hashedrekord v0.0.2 request for one DSSE signature (JSON form of CreateEntryRequest). */
function hashedRekordRequest(content, certificatePem) {
    if (content.$case !== 'dsseEnvelope')
        throw new errors/* ProvenanceError */.CG('SIGNING_FAILED', 'Rekor v2 witness: expected a DSSE envelope');
    const envelope = content.dsseEnvelope;
    const signature = envelope.signatures[0]?.sig;
    if (!signature)
        throw new errors/* ProvenanceError */.CG('SIGNING_FAILED', 'Rekor v2 witness: unsigned envelope');
    const cert = new external_node_crypto_.X509Certificate(certificatePem);
    const { keyDetails, hash } = keyDetailsOf(cert);
    const digest = (0,external_node_crypto_.createHash)(hash)
        .update(preAuthEncoding(envelope.payloadType, envelope.payload))
        .digest();
    return {
        digest,
        signature,
        request: {
            hashedRekordRequestV002: {
                digest: digest.toString('base64'),
                signature: {
                    content: signature.toString('base64'),
                    verifier: { x509Certificate: { rawBytes: cert.raw.toString('base64') }, keyDetails }
                }
            }
        }
    };
}
/**
 * Checks that the log's answer is an entry for what we sent: hashedrekord 0.0.2 with our digest
 * and signature, a log id, and an inclusion proof with a checkpoint. (The proof itself is
 * checked by the verifier; this only stops a wrong answer from being packed into a bundle.)
 */
function checkEntry(entry, sent) {
    if (entry.kindVersion?.kind !== 'hashedrekord' || entry.kindVersion.version !== '0.0.2')
        return `expected a hashedrekord 0.0.2 entry, got ${entry.kindVersion?.kind ?? '?'} ${entry.kindVersion?.version ?? '?'}`;
    if (!entry.logId?.keyId?.length)
        return 'the entry has no log id';
    if (!entry.inclusionProof?.checkpoint?.envelope)
        return 'the entry has no inclusion proof with a checkpoint';
    let body;
    try {
        body = JSON.parse(entry.canonicalizedBody.toString('utf8'));
    }
    catch {
        return 'canonicalizedBody is not JSON';
    }
    const spec = body.spec?.hashedRekordV002;
    if (body.kind !== 'hashedrekord' ||
        body.apiVersion !== '0.0.2' ||
        spec?.data?.digest !== sent.digest.toString('base64') ||
        spec.signature?.content !== sent.signature.toString('base64'))
        return 'the logged entry is not the one submitted (digest or signature differ)';
    return undefined;
}
class RekorV2Witness {
    url;
    timeoutMs;
    retries;
    constructor(options) {
        this.url = `${options.rekorBaseURL.replace(/\/+$/, '')}${REKOR_V2_ENTRIES_PATH}`;
        this.timeoutMs = Math.max(options.timeoutMs ?? REKOR_V2_MIN_TIMEOUT_MS, REKOR_V2_MIN_TIMEOUT_MS);
        this.retries = options.retries ?? 3;
    }
    async testify(content, publicKey) {
        const sent = hashedRekordRequest(content, publicKey);
        const body = JSON.stringify(sent.request);
        const fail = (problem) => {
            throw new errors/* ProvenanceError */.CG('SERVICE_UNAVAILABLE', `Rekor v2 (${this.url}): ${problem}`);
        };
        const result = await (0,retry/* withRetries */.LH)({
            attempts: this.retries + 1,
            baseDelayMs: 500,
            maxDelayMs: 4_000,
            budgetMs: 4 * this.timeoutMs,
            timeoutMs: this.timeoutMs
        }, async () => {
            let response;
            try {
                response = await fetch(this.url, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', accept: 'application/json' },
                    body,
                    signal: AbortSignal.timeout(this.timeoutMs)
                });
            }
            catch (e) {
                return { retry: (0,errors/* describeError */.Uc)(e) };
            }
            const text = await response.text().catch(() => '');
            if (response.status === 200 || response.status === 201) {
                try {
                    return { done: JSON.parse(text) };
                }
                catch {
                    return fail(`HTTP ${response.status} with a body that is not JSON`);
                }
            }
            const detail = `HTTP ${response.status}${text ? `: ${text.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`;
            if ((0,retry/* isRetryableStatus */.PS)(response.status))
                return { retry: detail, retryAfterMs: (0,retry/* retryAfterMs */.Vs)(response.headers.get('retry-after')) };
            return fail(detail);
        });
        if (!result.ok)
            return fail(`${result.problem} (after ${result.attempts} attempts)`);
        let entry;
        try {
            entry = protobuf_specs_dist.TransparencyLogEntry.fromJSON(result.value);
        }
        catch (e) {
            return fail(`unreadable TransparencyLogEntry: ${(0,errors/* describeError */.Uc)(e)}`);
        }
        const problem = checkEntry(entry, sent);
        if (problem)
            return fail(problem);
        return { tlogEntries: [entry] };
    }
}

;// CONCATENATED MODULE: ./src/signing/reused-certificate.ts
// One ephemeral key and one Fulcio certificate for every statement of a run.
// The certificate binds the job's identity to the key; it is the same for every bundle of the
// run, so asking Fulcio (and its CT log) once per statement only costs time. Each bundle still
// gets its own signature and its own Rekor entry / timestamp, all inside the certificate's
// validity window: the certificate is renewed (with a fresh key) before it expires.


/** Renew when less than this much validity is left (Fulcio certificates last 10 minutes). */
const RENEW_MARGIN_MS = 2 * 60_000;
/** An in-memory P-256 key; the private half never leaves this object. */
class EphemeralKey {
    privateKey;
    publicKeyPem;
    constructor() {
        const pair = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
        this.privateKey = pair.privateKey;
        this.publicKeyPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    }
    async sign(data) {
        return {
            signature: (0,external_node_crypto_.sign)('sha256', data, this.privateKey),
            key: { $case: 'publicKey', publicKey: this.publicKeyPem }
        };
    }
}
/**
 * A Signer for @sigstore/sign's bundle builders that asks Fulcio for a certificate once and
 * signs every later payload with the same key. Concurrent first calls share one request.
 */
class ReusedCertificateSigner {
    options;
    session;
    now;
    /** How many certificates this signer has requested (for the report and tests). */
    certificatesIssued = 0;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
    }
    async sign(data) {
        const session = await this.currentSession();
        const { pem } = await session.certificate;
        const { signature } = await session.key.sign(data);
        return { signature, key: { $case: 'x509Certificate', certificate: pem } };
    }
    async currentSession() {
        const existing = this.session;
        if (existing) {
            try {
                const { notAfterMs } = await existing.certificate;
                if (notAfterMs - this.now() > RENEW_MARGIN_MS)
                    return existing;
            }
            catch {
                // Fall through: a failed request is not cached, the next call asks again.
            }
            // Another caller may already have replaced it while we waited.
            if (this.session !== existing && this.session)
                return this.currentSession();
        }
        return this.startSession();
    }
    startSession() {
        const key = new EphemeralKey();
        const { fulcioBaseURL, identityProvider, timeout, retry } = this.options;
        const make = this.options.fulcioSigner ?? ((o) => new dist/* FulcioSigner */.$o(o));
        const fulcio = make({ fulcioBaseURL, identityProvider, timeout, retry, keyHolder: key });
        this.certificatesIssued++;
        // FulcioSigner proves possession of `key`, gets the certificate and signs the payload;
        // only the certificate is kept (the empty payload's signature is thrown away).
        const certificate = fulcio.sign(Buffer.alloc(0)).then((result) => {
            if (result.key.$case !== 'x509Certificate') {
                throw new Error(`Fulcio signer returned ${result.key.$case}, expected a certificate`);
            }
            const notAfterMs = Date.parse(new external_node_crypto_.X509Certificate(result.key.certificate).validTo);
            return { pem: result.key.certificate, notAfterMs };
        });
        const session = { key, certificate };
        this.session = session;
        certificate.catch(() => {
            if (this.session === session)
                this.session = undefined;
        });
        return session;
    }
}

;// CONCATENATED MODULE: ./src/signing/bundle-builder.ts
// Assembles @sigstore/sign's DSSE bundle builder for one Sigstore instance: one reused
// Fulcio certificate (see reused-certificate.ts), a Rekor witness per log (v1: @sigstore/sign's
// `dsse` entry client; v2: rekor-v2-witness.ts) and a TSA witness per timestamp authority.
// Loaded on demand by sign.ts.




function buildBundleBuilder(options) {
    const { instance } = options;
    const fetchOptions = {
        timeout: options.timeoutMs ?? 30_000,
        retry: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 4_000 }
    };
    const witnesses = [];
    const rekorUrls = instance.rekorUrl
        ? [instance.rekorUrl, ...(instance.additionalRekorUrls ?? [])]
        : [];
    for (const rekorBaseURL of rekorUrls) {
        witnesses.push((instance.rekorVersion ?? 1) === 2
            ? new RekorV2Witness({
                rekorBaseURL,
                timeoutMs: fetchOptions.timeout,
                retries: fetchOptions.retry.retries
            })
            : new dist/* RekorWitness */.fU({
                rekorBaseURL,
                entryType: 'dsse',
                fetchOnConflict: true,
                ...fetchOptions
            }));
    }
    const tsaUrls = instance.tsaUrl ? [instance.tsaUrl, ...(instance.additionalTsaUrls ?? [])] : [];
    for (const tsaBaseURL of tsaUrls)
        witnesses.push(new dist/* TSAWitness */.gs({ tsaBaseURL, ...fetchOptions }));
    if (witnesses.length === 0) {
        throw new errors/* ProvenanceError */.CG('INPUT_INVALID', `Sigstore instance ${instance.name} has neither a Rekor log nor a timestamp authority`);
    }
    // One certificate for the whole run: the identity it binds is the same for every statement.
    const signer = new ReusedCertificateSigner({
        fulcioBaseURL: instance.fulcioUrl,
        identityProvider: { getToken: options.getToken },
        ...fetchOptions
    });
    // certificateChain: false → the leaf alone, which is what bundle v0.3 carries.
    return new dist/* DSSEBundleBuilder */.VV({ signer, witnesses, certificateChain: false });
}


/***/ })

};
