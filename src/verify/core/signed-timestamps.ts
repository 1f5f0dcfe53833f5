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
import { crypto } from '@sigstore/core';
import {
  Verifier,
  VerificationError,
  type SignedEntity,
  type TrustMaterial
} from '@sigstore/verify';
import type { Bundle } from '@sigstore/bundle';

/** The most RFC 3161 timestamps one bundle may carry (sigstore-go and sigstore-python agree). */
export const MAX_SIGNED_TIMESTAMPS = 32;

/** Returns the problem with the bundle's timestamp list, or undefined when it is acceptable. */
export function signedTimestampListProblem(bundle: Bundle): string | undefined {
  const stamps = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? [];
  if (stamps.length > MAX_SIGNED_TIMESTAMPS) {
    return `too many signed timestamps: expected at most ${MAX_SIGNED_TIMESTAMPS}, found ${stamps.length}`;
  }
  for (let i = 0; i < stamps.length; i++) {
    for (let j = i + 1; j < stamps.length; j++) {
      const a = Buffer.from((stamps[i] as { signedTimestamp: Buffer }).signedTimestamp);
      const b = Buffer.from((stamps[j] as { signedTimestamp: Buffer }).signedTimestamp);
      if (a.length === b.length && crypto.bufferEqual(a, b)) {
        return `duplicate signed timestamp: timestamps #${i} and #${j} are identical (each may count once)`;
      }
    }
  }
  return undefined;
}

export interface TimestampSelection {
  /** The entity with only the RFC 3161 timestamps that verified (log times untouched). */
  entity: SignedEntity;
  /** Why each set-aside timestamp failed, for the error message if too few remain. */
  setAside: string[];
}

/**
 * Keeps the RFC 3161 timestamps that verify against the trusted timestamp authorities (chain
 * valid at the signing time, token signature over this bundle's signature). Each is checked
 * by @sigstore/verify itself, alone: only its TIMESTAMP_ERROR sets a timestamp aside; any
 * later failure (e.g. the certificate not valid at that time) is left for the full check.
 */
export function selectVerifiableTimestamps(
  entity: SignedEntity,
  trust: TrustMaterial
): TimestampSelection {
  const setAside: string[] = [];
  let index = -1; // position among the bundle's rfc3161Timestamps, for messages
  const timestamps = entity.timestamps.filter((timestamp) => {
    if (timestamp.$case !== 'timestamp-authority') return true;
    index++;
    const problem = timestampProblem(entity, timestamp, trust);
    if (problem === undefined) return true;
    setAside.push(
      `RFC 3161 timestamp #${index} (${timestamp.timestamp.signingTime.toISOString()}): ${problem}`
    );
    return false;
  });
  return { entity: { ...entity, timestamps }, setAside };
}

function timestampProblem(
  entity: SignedEntity,
  timestamp: SignedEntity['timestamps'][number],
  trust: TrustMaterial
): string | undefined {
  try {
    new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 1 }).verify({
      ...entity,
      timestamps: [timestamp],
      tlogEntries: []
    });
  } catch (e) {
    if (e instanceof VerificationError && e.code === 'TIMESTAMP_ERROR') {
      return trust.timestampAuthorities.length === 0
        ? 'the trusted root has no timestamp authority'
        : e.message;
    }
  }
  return undefined;
}
