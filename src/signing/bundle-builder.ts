// Assembles @sigstore/sign's DSSE bundle builder for one Sigstore instance: one reused
// Fulcio certificate (see reused-certificate.ts), a Rekor `dsse` witness and/or a TSA witness.
// Loaded on demand by sign.ts.
import { DSSEBundleBuilder, RekorWitness, TSAWitness, type Witness } from '@sigstore/sign';
import { ProvenanceError } from '../errors.js';
import { ReusedCertificateSigner } from './reused-certificate.js';
import type { SigningOptions } from './sign.js';

export function buildBundleBuilder(options: SigningOptions): DSSEBundleBuilder {
  const { instance } = options;
  const fetchOptions = {
    timeout: options.timeoutMs ?? 30_000,
    retry: { retries: options.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 4_000 }
  };
  const witnesses: Witness[] = [];
  if (instance.rekorUrl) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: instance.rekorUrl,
        entryType: 'dsse',
        fetchOnConflict: true,
        ...fetchOptions
      })
    );
  }
  if (instance.tsaUrl)
    witnesses.push(new TSAWitness({ tsaBaseURL: instance.tsaUrl, ...fetchOptions }));
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
