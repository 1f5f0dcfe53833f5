// RFC 3161 timestamps on real sigstore-python TSA fixtures (staging Fulcio + Rekor, a test TSA):
// unverifiable timestamps are set aside, verified ones still bind the certificate's validity,
// and too many or duplicated timestamps are refused before any cryptography.
import { describe, expect, it } from '@jest/globals';
import type { TrustMaterial } from '@sigstore/verify';
import { parseSigstoreBundle } from '../../src/verify/core/parse-bundle.js';
import {
  MAX_SIGNED_TIMESTAMPS,
  signedTimestampListProblem
} from '../../src/verify/core/signed-timestamps.js';
import { verifyParsedBundle } from '../../src/verify/core/verify-sigstore-bundle.js';
import { buildTrustMaterial, parseTrustedRoot } from '../../src/verify/trust/index.js';
import { fixture, fixtureJSON, rejection } from './fixtures.js';

type Json = Record<string, unknown>;

// sigstore-python's TestVerifierWithTimestamp fixture: the staging root, TSA = tsa/ca.json
// (added to staging's own TSA, which signed the late timestamp).
function stagingWithTestTsa(): TrustMaterial {
  const root = fixtureJSON<Json & { timestampAuthorities: unknown[] }>('staging-trusted-root.json');
  return buildTrustMaterial(
    parseTrustedRoot(
      { ...root, timestampAuthorities: [...root.timestampAuthorities, fixtureJSON('tsa/ca.json')] },
      'staging + tsa/ca.json'
    )
  );
}

function trustConfig(): TrustMaterial {
  return buildTrustMaterial(parseTrustedRoot(fixtureJSON('tsa/trust_config.json'), 'trust_config'));
}

function verify(bundleJson: unknown, trustMaterial: TrustMaterial) {
  return verifyParsedBundle(parseSigstoreBundle(bundleJson, 'bundle'), {
    trustMaterial,
    artifact: { kind: 'bytes', bytes: fixture('tsa/bundle.txt') },
    now: new Date('2026-01-01T00:00:00Z')
  });
}

const bundleTxt = () => fixtureJSON<Json>('tsa/bundle.txt.sigstore');

function withoutInclusionPromise(bundle: Json): Json {
  const copy = structuredClone(bundle) as {
    verificationMaterial: { tlogEntries: Json[] };
  };
  for (const entry of copy.verificationMaterial.tlogEntries) delete entry.inclusionPromise;
  return copy as unknown as Json;
}

function stamps(bundle: Json): { signedTimestamp: string }[] {
  return (
    bundle as {
      verificationMaterial: { timestampVerificationData: { rfc3161Timestamps: [] } };
    }
  ).verificationMaterial.timestampVerificationData.rfc3161Timestamps;
}

describe('RFC 3161 timestamps', () => {
  it('accepts a bundle whose one matching timestamp verifies and sets the other aside', () => {
    // Timestamp #1 was issued over a different signature (message imprint mismatch).
    const envelope = verify(bundleTxt(), stagingWithTestTsa());
    expect(envelope.signer).toMatchObject({
      identity: { subjectAlternativeName: 'alexis.challande@trailofbits.com' }
    });
    expect(envelope.timestamps).toEqual([
      { source: 'tlog', time: new Date(1730370219 * 1000) },
      { source: 'tsa', time: new Date('2024-10-31T10:23:39Z') }
    ]);
  });

  it('counts only the log time when no timestamp authority in the root signed them', () => {
    const envelope = verify(bundleTxt(), trustConfig());
    expect(envelope.timestamps.map((t) => t.source)).toEqual(['tlog']);
  });

  it('needs a verified time source: unverifiable timestamps alone are not one', async () => {
    const noSet = withoutInclusionPromise(bundleTxt());
    // With the TSA that signed timestamp #0 trusted, its time is enough (as in sigstore-python).
    expect(verify(noSet, stagingWithTestTsa()).timestamps.map((t) => t.source)).toEqual(['tsa']);
    // Without it, nothing vouches for the signing time.
    const err = await rejection(() => verify(noSet, trustConfig()));
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(/expected 1 timestamps, got 0; no verified time source remains/);
    expect(err.message).toMatch(/RFC 3161 timestamp #0 \(2024-10-31T10:23:39\.000Z\)/);
  });

  it('rejects a certificate that had expired at a verified timestamp', async () => {
    // Timestamped by the staging TSA 2 minutes after the 10-minute certificate expired; the
    // log's integrated time alone would have been inside the validity period.
    const err = await rejection(() =>
      verify(fixtureJSON('tsa/bundle.txt.late_timestamp.sigstore'), stagingWithTestTsa())
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(
      /CERTIFICATE_ERROR: .*RFC 3161 timestamp 2025-05-12T19:00:27\.000Z is after the signing certificate expired \(valid 2025-05-12T18:48:26\.000Z to 2025-05-12T18:58:26\.000Z\)/
    );
  });

  it(`refuses more than ${MAX_SIGNED_TIMESTAMPS} timestamps before verifying any`, async () => {
    const many = fixtureJSON<Json>('tsa/bundle.many_timestamp.sigstore');
    expect(stamps(many)).toHaveLength(33);
    const err = await rejection(() => verify(many, stagingWithTestTsa()));
    expect(err.message).toMatch(/too many signed timestamps: expected at most 32, found 33/);
  });

  it('refuses byte-identical timestamps, even when each would verify', async () => {
    expect(
      (await rejection(() => verify(fixtureJSON('tsa/bundle.duplicate.sigstore'), trustConfig())))
        .message
    ).toMatch(/duplicate signed timestamp: timestamps #0 and #2 are identical/);
    const doubled = bundleTxt();
    const list = stamps(doubled);
    list.push({ ...(list[0] as { signedTimestamp: string }) });
    const err = await rejection(() => verify(doubled, stagingWithTestTsa()));
    expect(err.message).toMatch(/duplicate signed timestamp: timestamps #0 and #2/);
  });

  it('accepts up to the limit of distinct timestamps structurally', () => {
    const parsed = parseSigstoreBundle(bundleTxt(), 'bundle');
    expect(signedTimestampListProblem(parsed.bundle)).toBeUndefined();
  });
});
