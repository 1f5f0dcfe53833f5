// slsa-github-generator before v2.1.0 wrote bare DSSE envelopes with the Fulcio leaf inside and
// nothing from Rekor. Offline, the signature and chain can be checked but the signing time
// cannot: a short-lived certificate is only meaningful with log (or timestamp) evidence that
// the signature was made while it was valid. Known attacks in the corpus (expired cert, skipped
// log upload) look perfect offline. So these are ALWAYS rejected; the reason says why.
import { X509Certificate, crypto, dsse } from '@sigstore/core';
import type { TrustMaterial } from '@sigstore/verify';
import { ProvenanceError, describeError } from '../../errors.js';
import { parseDsseEnvelope } from './dsse-envelope.js';

export const MISSING_TLOG_REASON =
  'no transparency-log evidence: this bare DSSE envelope (slsa-github-generator before v2.1.0) carries no Rekor entry and no signed timestamp, ' +
  "so the signing time cannot be proven inside the short-lived certificate's validity; it needs an online Rekor lookup and is never accepted offline";

export function rejectLegacyDsse(
  json: unknown,
  trustMaterial: TrustMaterial,
  origin: string
): never {
  const env = parseDsseEnvelope(json, origin);
  const first = env.signatures[0];
  if (!first?.cert) {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      `${origin}: ${MISSING_TLOG_REASON}; the envelope also carries no signing certificate`
    );
  }
  let leaf: X509Certificate;
  try {
    leaf = X509Certificate.parse(first.cert);
  } catch (e) {
    throw new ProvenanceError(
      'FORMAT_INVALID',
      `${origin}: signatures[0].cert is not a certificate: ${describeError(e)}`
    );
  }
  const pae = dsse.preAuthEncoding(env.payloadType, Buffer.from(env.payload, 'base64'));
  let signatureOk = false;
  try {
    signatureOk = crypto.verify(
      pae,
      crypto.createPublicKey(leaf.publicKey),
      Buffer.from(first.sig, 'base64')
    );
  } catch {
    signatureOk = false;
  }
  let chainOk = false;
  try {
    chainOk = chainsToTrustedCA(leaf, trustMaterial);
  } catch {
    // @sigstore/core reads fields lazily: a certificate missing its validity throws a TypeError
    // here. Not trusted, and the verdict is rejection either way.
    chainOk = false;
  }
  const observed = `DSSE signature ${signatureOk ? 'valid' : 'INVALID'}, certificate chain ${chainOk ? 'valid' : 'NOT trusted'}`;
  throw new ProvenanceError(
    'VERIFY_FAILED',
    `${origin}: ${MISSING_TLOG_REASON} (offline checks: ${observed})`
  );
}

// Diagnostic only (the verdict is rejection either way): does the leaf chain to a trusted CA
// as of its own notBefore? A leaf may be issued by any certificate of a CA's chain (mid-2022
// leaves were signed directly by the root that is the chain's second certificate).
function chainsToTrustedCA(leaf: X509Certificate, trust: TrustMaterial): boolean {
  const at = leaf.notBefore;
  for (const ca of trust.certificateAuthorities) {
    if (ca.validFor.start > at || ca.validFor.end < at) continue;
    for (let k = 0; k < ca.certChain.length; k++) {
      if (chainFrom(leaf, ca.certChain.slice(k), at)) return true;
    }
  }
  return false;
}

function chainFrom(leaf: X509Certificate, chain: X509Certificate[], at: Date): boolean {
  let child = leaf;
  for (const issuer of chain) {
    try {
      if (!issuer.isCA || !issuer.validForDate(at) || !child.verify(issuer)) return false;
    } catch {
      return false;
    }
    child = issuer;
  }
  return leaf.validForDate(at);
}
