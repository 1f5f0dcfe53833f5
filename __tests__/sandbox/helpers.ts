// Shared by the sandbox tests: sign an in-toto statement against a sandbox with
// @sigstore/sign exactly as the action does, and verify with @sigstore/verify.
import { bundleFromJSON, bundleToJSON, type Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  RekorWitness,
  TSAWitness,
  type IdentityProvider
} from '@sigstore/sign';
import {
  toSignedEntity,
  toTrustMaterial,
  Verifier,
  type VerificationPolicy
} from '@sigstore/verify';
import type { Sandbox } from '../../sandbox/index.js';

export const FAST_RETRY = { retries: 3, minTimeout: 5, maxTimeout: 20, factor: 1 };

export function statement(name = 'app.tar.gz'): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name, digest: { sha256: 'a'.repeat(64) } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: { buildType: 'https://example.com/test' }, runDetails: {} }
    })
  );
}

export async function signStatement(
  sandbox: Sandbox,
  identityProvider: IdentityProvider,
  options: { timeout?: number; retry?: typeof FAST_RETRY; payload?: Buffer } = {}
): Promise<Bundle> {
  const fetchOptions = { retry: options.retry ?? FAST_RETRY, timeout: options.timeout ?? 5_000 };
  const builder = new DSSEBundleBuilder({
    signer: new FulcioSigner({
      fulcioBaseURL: sandbox.urls.fulcio,
      identityProvider,
      ...fetchOptions
    }),
    witnesses: [
      new RekorWitness({
        rekorBaseURL: sandbox.urls.rekor,
        entryType: 'dsse',
        fetchOnConflict: true,
        ...fetchOptions
      }),
      new TSAWitness({ tsaBaseURL: sandbox.urls.tsa, ...fetchOptions })
    ]
  });
  return builder.create({
    data: options.payload ?? statement(),
    type: 'application/vnd.in-toto+json'
  });
}

/** Verifies a bundle after a JSON round trip (what a consumer reading the .jsonl gets). */
export function verifyBundle(sandbox: Sandbox, bundle: Bundle, policy: VerificationPolicy) {
  const roundTripped = bundleFromJSON(JSON.parse(JSON.stringify(bundleToJSON(bundle))));
  const trust = toTrustMaterial(TrustedRoot.fromJSON(sandbox.trustedRoot));
  const verifier = new Verifier(trust, {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    timestampThreshold: 2
  });
  return verifier.verify(toSignedEntity(roundTripped), policy);
}

/** DER UTF8String, the form Fulcio's extension values take and policies compare. */
export function derUtf8(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length >= 128) throw new Error('test helper handles short strings only');
  return Buffer.concat([Buffer.from([0x0c, bytes.length]), bytes]);
}

export function oid(dotted: string): { id: number[] } {
  return { id: dotted.split('.').map(Number) };
}

export const tokenFrom = (sandbox: Sandbox): IdentityProvider => ({
  getToken: async () => sandbox.mintToken({ audience: 'sigstore' })
});
