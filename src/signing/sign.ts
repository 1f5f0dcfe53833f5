// Keyless signing of in-toto statements: DSSE envelope, Fulcio certificate for the job's
// OIDC token, Rekor `dsse` entry and/or RFC 3161 timestamp, packed as a Sigstore bundle v0.3.
// Only types are imported statically: the signing stack loads when signing starts.
import type { Bundle, DSSEBundleBuilder } from '@sigstore/sign';
import { ProvenanceError, describeError } from '../errors.js';
import { INTOTO_PAYLOAD_TYPE } from '../types.js';
import type { SigstoreInstance } from './instances.js';
import { mapBounded } from './map-bounded.js';

export interface SigningOptions {
  instance: SigstoreInstance;
  /** Returns the job's OIDC token (audience sigstore). Called once per certificate. */
  getToken: () => Promise<string>;
  /** Per-request timeout in ms; a hung service must not hang the job. */
  timeoutMs?: number;
  /** Retries per request on 5xx/429/network errors. */
  retries?: number;
  /** Statements signed and witnessed at once (default 8); 1 signs strictly in order. */
  concurrency?: number;
}

/**
 * Statements in flight at once. Each waits mostly on Rekor (hundreds of ms per entry on the
 * public-good instance, bench/README.md "Latency model"), so in-flight entries, not CPU, set the
 * pace of a large run. 16 keeps 100,000 subjects (98 entries) to 7 waves. Sigstore publishes no
 * per-client rate limit for Rekor or its TSA; 16 is a modest fixed bound (8 before issue 14).
 */
export const DEFAULT_SIGNING_CONCURRENCY = 16;

export type SignedBundle = Bundle;

const SERVICE_BY_CODE: Record<string, (i: SigstoreInstance) => string> = {
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: (i) => `Fulcio (${i.fulcioUrl})`,
  TLOG_CREATE_ENTRY_ERROR: (i) => `Rekor (${i.rekorUrl ?? ''})`,
  TLOG_FETCH_ENTRY_ERROR: (i) => `Rekor (${i.rekorUrl ?? ''})`,
  TSA_CREATE_TIMESTAMP_ERROR: (i) => `timestamp authority (${i.tsaUrl ?? ''})`,
  IDENTITY_TOKEN_READ_ERROR: () => 'OIDC token provider',
  IDENTITY_TOKEN_PARSE_ERROR: () => 'OIDC token provider'
};

/** Turns @sigstore/sign's internal errors into one line that names the failing service. */
export function signingFailure(e: unknown, instance: SigstoreInstance): ProvenanceError {
  if (e instanceof ProvenanceError) return e;
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const service = SERVICE_BY_CODE[code]?.(instance);
  const cause =
    typeof e === 'object' && e !== null && 'cause' in e
      ? (e as { cause: unknown }).cause
      : undefined;
  // Our own refusal from inside a callback (the token source): it already says what happened.
  if (cause instanceof ProvenanceError) return cause;
  const detail = cause ? `${describeError(e)}: ${describeError(cause)}` : describeError(e);
  if (service)
    return new ProvenanceError('SERVICE_UNAVAILABLE', `${service}: ${detail}`, { cause: e });
  return new ProvenanceError('SIGNING_FAILED', `signing failed: ${detail}`, { cause: e });
}

/**
 * The DSSE bundle builder for `options.instance`. @sigstore/sign (and its HTTP stack) is loaded
 * here, on first use, so the action starts and reports its subjects before paying for it.
 */
export async function createBundleBuilder(options: SigningOptions): Promise<DSSEBundleBuilder> {
  const { buildBundleBuilder } = await import('./bundle-builder.js');
  return buildBundleBuilder(options);
}

/**
 * Loads the signing stack ahead of use: CPU work (≈ 1 MB of bundled code) that can run while the
 * token and the run lookup are on the network. On setImmediate, after the event loop's next poll,
 * so requests already started are on the wire first; a failure here is left to
 * createBundleBuilder, which loads it again and reports.
 */
export function preloadSigningStack(): void {
  setImmediate(() => {
    import('./bundle-builder.js').catch(() => undefined);
  });
}

/**
 * Signs every serialised statement, a few at a time; bundles come back in statement order.
 * All or nothing: on the first failure no further statement starts, and the error is thrown
 * once those in flight have settled (the caller publishes only on success).
 */
export async function signStatements(
  statements: Buffer[],
  options: SigningOptions
): Promise<SignedBundle[]> {
  const builder = await createBundleBuilder(options);
  try {
    return await mapBounded(
      statements,
      options.concurrency ?? DEFAULT_SIGNING_CONCURRENCY,
      (data) => builder.create({ data, type: INTOTO_PAYLOAD_TYPE })
    );
  } catch (e) {
    throw signingFailure(e, options.instance);
  }
}
