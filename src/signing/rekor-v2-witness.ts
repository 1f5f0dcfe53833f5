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
import { X509Certificate, createHash } from 'node:crypto';
import type { TransparencyLogEntry } from '@sigstore/bundle';
import type { SignatureBundle, VerificationMaterial, Witness } from '@sigstore/sign';
import { TransparencyLogEntry as ProtoTransparencyLogEntry } from '@sigstore/protobuf-specs';
import { dsse } from '@sigstore/core';
import { ProvenanceError, describeError } from '../errors.js';
import {
  isRetryableStatus,
  retryAfterMs,
  withRetries,
  type AttemptOutcome
} from '../http/retry.js';

export const REKOR_V2_ENTRIES_PATH = '/api/v2/log/entries';
/** CLIENTS.md: "Clients need to increase request timeouts when creating entries to at least 20 seconds." */
export const REKOR_V2_MIN_TIMEOUT_MS = 20_000;

export interface RekorV2WitnessOptions {
  rekorBaseURL: string;
  timeoutMs?: number;
  /** Retries on 5xx / 429 / network errors. */
  retries?: number;
}

/** DSSE v1 pre-authentication encoding (the bytes the signature covers), from @sigstore/core. */
export const preAuthEncoding = dsse.preAuthEncoding;

/** Key details name the signing algorithm; the hash of the signed bytes must use its hash. */
function keyDetailsOf(cert: X509Certificate): { keyDetails: string; hash: 'sha256' | 'sha384' } {
  const curve = cert.publicKey.asymmetricKeyDetails?.namedCurve;
  if (curve === 'prime256v1' || curve === 'P-256')
    return { keyDetails: 'PKIX_ECDSA_P256_SHA_256', hash: 'sha256' };
  if (curve === 'secp384r1' || curve === 'P-384')
    return { keyDetails: 'PKIX_ECDSA_P384_SHA_384', hash: 'sha384' };
  throw new ProvenanceError(
    'SIGNING_FAILED',
    `Rekor v2: unsupported signing key (${cert.publicKey.asymmetricKeyType ?? 'unknown'} ${curve ?? ''})`
  );
}

/** The hashedrekord v0.0.2 request for one DSSE signature (JSON form of CreateEntryRequest). */
export function hashedRekordRequest(
  content: SignatureBundle,
  certificatePem: string
): { request: unknown; digest: Buffer; signature: Buffer } {
  if (content.$case !== 'dsseEnvelope')
    throw new ProvenanceError('SIGNING_FAILED', 'Rekor v2 witness: expected a DSSE envelope');
  const envelope = content.dsseEnvelope;
  const signature = envelope.signatures[0]?.sig;
  if (!signature)
    throw new ProvenanceError('SIGNING_FAILED', 'Rekor v2 witness: unsigned envelope');
  const cert = new X509Certificate(certificatePem);
  const { keyDetails, hash } = keyDetailsOf(cert);
  const digest = createHash(hash)
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
export function checkEntry(
  entry: TransparencyLogEntry,
  sent: { digest: Buffer; signature: Buffer }
): string | undefined {
  if (entry.kindVersion?.kind !== 'hashedrekord' || entry.kindVersion.version !== '0.0.2')
    return `expected a hashedrekord 0.0.2 entry, got ${entry.kindVersion?.kind ?? '?'} ${entry.kindVersion?.version ?? '?'}`;
  if (!entry.logId?.keyId?.length) return 'the entry has no log id';
  if (!entry.inclusionProof?.checkpoint?.envelope)
    return 'the entry has no inclusion proof with a checkpoint';
  let body: {
    kind?: unknown;
    apiVersion?: unknown;
    spec?: {
      hashedRekordV002?: { data?: { digest?: unknown }; signature?: { content?: unknown } };
    };
  };
  try {
    body = JSON.parse(entry.canonicalizedBody.toString('utf8')) as typeof body;
  } catch {
    return 'canonicalizedBody is not JSON';
  }
  const spec = body.spec?.hashedRekordV002;
  if (
    body.kind !== 'hashedrekord' ||
    body.apiVersion !== '0.0.2' ||
    spec?.data?.digest !== sent.digest.toString('base64') ||
    spec.signature?.content !== sent.signature.toString('base64')
  )
    return 'the logged entry is not the one submitted (digest or signature differ)';
  return undefined;
}

export class RekorV2Witness implements Witness {
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(options: RekorV2WitnessOptions) {
    this.url = `${options.rekorBaseURL.replace(/\/+$/, '')}${REKOR_V2_ENTRIES_PATH}`;
    this.timeoutMs = Math.max(
      options.timeoutMs ?? REKOR_V2_MIN_TIMEOUT_MS,
      REKOR_V2_MIN_TIMEOUT_MS
    );
    this.retries = options.retries ?? 3;
  }

  async testify(content: SignatureBundle, publicKey: string): Promise<VerificationMaterial> {
    const sent = hashedRekordRequest(content, publicKey);
    const body = JSON.stringify(sent.request);
    const fail = (problem: string): never => {
      throw new ProvenanceError('SERVICE_UNAVAILABLE', `Rekor v2 (${this.url}): ${problem}`);
    };
    const result = await withRetries(
      {
        attempts: this.retries + 1,
        baseDelayMs: 500,
        maxDelayMs: 4_000,
        budgetMs: 4 * this.timeoutMs,
        timeoutMs: this.timeoutMs
      },
      async (): Promise<AttemptOutcome<unknown>> => {
        let response: Response;
        try {
          response = await fetch(this.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body,
            signal: AbortSignal.timeout(this.timeoutMs)
          });
        } catch (e) {
          return { retry: describeError(e) };
        }
        const text = await response.text().catch(() => '');
        if (response.status === 200 || response.status === 201) {
          try {
            return { done: JSON.parse(text) as unknown };
          } catch {
            return fail(`HTTP ${response.status} with a body that is not JSON`);
          }
        }
        const detail = `HTTP ${response.status}${text ? `: ${text.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`;
        if (isRetryableStatus(response.status))
          return { retry: detail, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
        return fail(detail);
      }
    );
    if (!result.ok) return fail(`${result.problem} (after ${result.attempts} attempts)`);
    let entry: TransparencyLogEntry;
    try {
      entry = ProtoTransparencyLogEntry.fromJSON(result.value) as TransparencyLogEntry;
    } catch (e) {
      return fail(`unreadable TransparencyLogEntry: ${describeError(e)}`);
    }
    const problem = checkEntry(entry, sent);
    if (problem) return fail(problem);
    return { tlogEntries: [entry] };
  }
}
