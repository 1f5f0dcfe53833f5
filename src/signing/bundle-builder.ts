// Assembles @sigstore/sign's DSSE bundle builder for one Sigstore instance: one reused
// Fulcio certificate (see reused-certificate.ts), a Rekor witness per log (v1: @sigstore/sign's
// `dsse` entry client; v2: rekor-v2-witness.ts) and a TSA witness per timestamp authority.
// Loaded on demand by sign.ts.
import { DSSEBundleBuilder, RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import { ProvenanceError } from '../errors.js';
import { RekorV2Witness } from './rekor-v2-witness.js';
import { ReusedCertificateSigner } from './reused-certificate.js';
import type { SigningOptions } from './sign.js';

export function buildBundleBuilder(options: SigningOptions): DSSEBundleBuilder {
  const { instance } = options;
  const fetchOptions = {
    timeout: options.timeoutMs ?? 30_000,
    retry: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 4_000 }
  };
  const witnesses: Witness[] = [];
  const rekorUrls = instance.rekorUrl
    ? [instance.rekorUrl, ...(instance.additionalRekorUrls ?? [])]
    : [];
  for (const rekorBaseURL of rekorUrls) {
    witnesses.push(
      (instance.rekorVersion ?? 1) === 2
        ? new RekorV2Witness({
            rekorBaseURL,
            timeoutMs: fetchOptions.timeout,
            retries: fetchOptions.retry.retries
          })
        : new RekorWitness({
            rekorBaseURL,
            entryType: 'dsse',
            fetchOnConflict: true,
            ...fetchOptions
          })
    );
  }
  const tsaUrls = instance.tsaUrl ? [instance.tsaUrl, ...(instance.additionalTsaUrls ?? [])] : [];
  for (const tsaBaseURL of tsaUrls) witnesses.push(new TSAWitness({ tsaBaseURL, ...fetchOptions }));
  if (witnesses.length === 0) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `Sigstore instance ${instance.name} has neither a Rekor log nor a timestamp authority`
    );
  }
  // One certificate for the whole run: the identity it binds is the same for every statement.
  const signer = new ReusedCertificateSigner({
    fulcioBaseURL: instance.fulcioUrl,
    identityProvider: { getToken: options.getToken },
    ...fetchOptions
  });
  // certificateChain: false → the leaf alone, which is what bundle v0.3 carries.
  return new DSSEBundleBuilder({ signer, witnesses, certificateChain: false });
}
