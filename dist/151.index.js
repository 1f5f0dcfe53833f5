export const id = 151;
export const ids = [151];
export const modules = {

/***/ 55151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


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
// Fulcio certificate (see reused-certificate.ts), a Rekor `dsse` witness and/or a TSA witness.
// Loaded on demand by sign.ts.



function buildBundleBuilder(options) {
    const { instance } = options;
    const fetchOptions = {
        timeout: options.timeoutMs ?? 30_000,
        retry: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 4_000 }
    };
    const witnesses = [];
    if (instance.rekorUrl) {
        witnesses.push(new dist/* RekorWitness */.fU({
            rekorBaseURL: instance.rekorUrl,
            entryType: 'dsse',
            fetchOnConflict: true,
            ...fetchOptions
        }));
    }
    if (instance.tsaUrl)
        witnesses.push(new dist/* TSAWitness */.gs({ tsaBaseURL: instance.tsaUrl, ...fetchOptions }));
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
