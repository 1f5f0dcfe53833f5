// Fuzz targets for what the verifier reads from files and registries: Sigstore bundles, bare
// DSSE envelopes (legacy slsa-github-generator), the in-toto statement + SLSA predicate in a
// payload, and trusted roots. Seeds are real documents from the fixtures.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseDsseEnvelope } from '../../src/verify/core/dsse-envelope.js';
import { rejectLegacyDsse } from '../../src/verify/core/legacy-dsse.js';
import { parseSigstoreBundle } from '../../src/verify/core/parse-bundle.js';
import { parseProvenance } from '../../src/verify/provenance/index.js';
import { buildTrustMaterial, parseTrustedRootBytes } from '../../src/verify/trust/index.js';
import { bytesNear, mutatedArb, untrustedJsonArb } from './json-mutation.js';
import { fuzzTarget, invariant } from './target.js';

const fixture = (path: string) =>
  readFileSync(new URL(`../../__fixtures__/${path}`, import.meta.url), 'utf8');
const json = (path: string) => JSON.parse(fixture(path)) as Record<string, unknown>;

const BUNDLE_V03 = json('oci/reusable-workflow-attestation.sigstore.json');
const BUNDLE_V01 = json('verify-core/conformance-happy-path-v0.1.sigstore.json');
const BUNDLE_V02 = json('verify-core/conformance-happy-path-v0.2.sigstore.json');
const LEGACY_ENVELOPE = JSON.parse(
  fixture('verify-core/legacy-generic-v1.2.2.intoto.jsonl').split('\n')[0]!
) as { payloadType: string; payload: string };
const TRUSTED_ROOT_TEXT = fixture('oci/public-good-trusted_root.json');
const TRUST = buildTrustMaterial(parseTrustedRootBytes(TRUSTED_ROOT_TEXT, 'fixture'));

const STATEMENT_V1 = json('provenance/tag-push.statement.json');
const STATEMENT_V02 = JSON.parse(
  Buffer.from(LEGACY_ENVELOPE.payload, 'base64').toString('utf8')
) as unknown;
const IN_TOTO = 'application/vnd.in-toto+json';

/** A payload as a verifier meets it: the statement's JSON bytes, near-valid or noise. */
const payloadArb: fc.Arbitrary<[string, Uint8Array | string]> = fc.tuple(
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(IN_TOTO) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }
  ),
  fc.oneof(
    {
      weight: 4,
      arbitrary: mutatedArb(STATEMENT_V1).map((s) => Buffer.from(JSON.stringify(s) ?? ''))
    },
    { weight: 3, arbitrary: mutatedArb(STATEMENT_V02).map((s) => JSON.stringify(s) ?? '') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(JSON.stringify(STATEMENT_V1), JSON.stringify(STATEMENT_V02))
    },
    { weight: 2, arbitrary: bytesNear(JSON.stringify(STATEMENT_V1)) }
  )
);

const bundleArb = fc.oneof(
  { weight: 4, arbitrary: untrustedJsonArb(BUNDLE_V03) },
  { weight: 1, arbitrary: untrustedJsonArb(BUNDLE_V01) },
  { weight: 1, arbitrary: untrustedJsonArb(BUNDLE_V02) }
);

export const verifyTargets = [
  fuzzTarget('verify-bundle', bundleArb, (input) => {
    const parsed = parseSigstoreBundle(input, 'fuzz');
    invariant(parsed.bundle.verificationMaterial !== undefined, 'bundle without material');
  }),
  fuzzTarget('verify-dsse-envelope', untrustedJsonArb(LEGACY_ENVELOPE), (input) => {
    const env = parseDsseEnvelope(input, 'fuzz');
    invariant(env.signatures.length > 0, 'envelope without signatures');
  }),
  // A legacy envelope is never accepted offline: the only allowed outcome is our error.
  fuzzTarget('verify-legacy-dsse', untrustedJsonArb(LEGACY_ENVELOPE), (input) => {
    rejectLegacyDsse(input, TRUST, 'fuzz');
    invariant(false, 'a legacy envelope was accepted');
  }),
  fuzzTarget('verify-provenance', payloadArb, ([payloadType, payload]) => {
    const view = parseProvenance(payloadType, payload);
    invariant(
      Array.isArray(view.subjects) && view.subjects.length > 0,
      'provenance without subjects'
    );
  }),
  fuzzTarget(
    'verify-trusted-root',
    fc.oneof(
      {
        weight: 3,
        arbitrary: mutatedArb(JSON.parse(TRUSTED_ROOT_TEXT)).map((r) => JSON.stringify(r) ?? '')
      },
      { weight: 1, arbitrary: bytesNear(TRUSTED_ROOT_TEXT) }
    ),
    (text) => {
      buildTrustMaterial(parseTrustedRootBytes(text, 'fuzz'));
    }
  )
];
