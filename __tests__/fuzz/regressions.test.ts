// Inputs the fuzzer found that used to escape as TypeErrors instead of our typed errors.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { X509Certificate } from '@sigstore/core';
import { certificate } from '../../scripts/fuzz/certificates.js';
import { parseGitHubClaims } from '../../src/context/claims.js';
import { verifyOidcToken } from '../../src/context/oidc.js';
import { parseRunAttempt } from '../../src/context/run.js';
import { ProvenanceError } from '../../src/errors.js';
import { RegistryClient } from '../../src/oci/registry-client.js';
import { mergeAttestationManifest } from '../../src/publish/oci/cosign-layout.js';
import { findAttestations } from '../../src/verify/cli/oci/find-attestations.js';
import { certificateIdentity } from '../../src/verify/core/fulcio-extensions.js';
import { rejectLegacyDsse } from '../../src/verify/core/legacy-dsse.js';
import { parseProvenance } from '../../src/verify/provenance/index.js';
import { buildTrustMaterial, parseTrustedRootBytes } from '../../src/verify/trust/index.js';
import { readFileSync } from 'node:fs';

const SHA = 'a'.repeat(40);
const CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  iat: 1_700_000_000,
  repository: 'octo-org/octo-app',
  repository_id: '123',
  repository_owner_id: '456',
  ref: 'refs/tags/v1.2.3',
  sha: SHA,
  workflow_ref: 'octo-org/octo-app/.github/workflows/release.yml@refs/tags/v1.2.3',
  job_workflow_ref: 'o/r/.github/workflows/generic.yml@refs/tags/v1.0.0',
  job_workflow_sha: SHA,
  event_name: 'push',
  run_id: '789',
  run_attempt: '1',
  runner_environment: 'github-hosted'
};
const RUN = {
  id: 789,
  run_attempt: 1,
  run_started_at: '2026-01-02T03:04:05Z',
  path: '.github/workflows/release.yml',
  head_sha: SHA,
  head_branch: 'v1.2.3',
  event: 'push',
  html_url: 'https://github.com/octo-org/octo-app/actions/runs/789/attempts/1',
  repository: { id: 123, full_name: 'octo-org/octo-app', owner: { id: 456 } }
};
/** What JSON.parse makes of `{"toString": ...}`: String() and Number() throw on it. */
const poisoned = JSON.parse('{"toString":[true],"valueOf":{}}') as unknown;

function typed(fn: () => unknown): ProvenanceError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ProvenanceError);
    return e as ProvenanceError;
  }
  throw new Error('expected a ProvenanceError, nothing was thrown');
}

describe('fuzz regressions', () => {
  it('claims: an object where a string belongs is described, not stringified', () => {
    const e = typed(() => parseGitHubClaims({ ...CLAIMS, repository_visibility: poisoned }));
    expect(e.message).toMatch(/repository_visibility must be .*found \{"toString":\[true\]/);
    expect(parseGitHubClaims({ ...CLAIMS, iat: poisoned, iss: poisoned })).toMatchObject({
      iss: '',
      iat: NaN
    });
  });

  it('run attempt: an object where a time belongs is described, not stringified', () => {
    const e = typed(() => parseRunAttempt({ ...RUN, run_started_at: poisoned }));
    expect(e.message).toMatch(/run_started_at/);
  });

  it('JWT: a JWKS whose entries are not objects is refused as the issuer fault', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const token = `${b64({ alg: 'ES256', kid: 'k1' })}.${b64(CLAIMS)}.AAAA`;
    const e = await verifyOidcToken(token, {
      issuer: CLAIMS.iss,
      keys: { keys: [null, 5, []] } as never
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProvenanceError);
    expect((e as ProvenanceError).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('provenance: a payload that is not UTF-8 is a format error', () => {
    const e = typed(() =>
      parseProvenance('application/vnd.in-toto+json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))
    );
    expect(e.code).toBe('FORMAT_INVALID');
  });

  it.each([
    ['a null layer', { schemaVersion: 2, config: { digest: 'sha256:x' }, layers: [null] }],
    ['a null config', { schemaVersion: 2, config: null, layers: [] }],
    ['a manifest that is null', null]
  ])('cosign merge: an existing .att manifest with %s is refused', (_what, existing) => {
    const e = typed(() =>
      mergeAttestationManifest(
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          body: Buffer.from(JSON.stringify(existing))
        },
        { mediaType: 'application/vnd.dsse.envelope.v1+json', size: 1, digest: 'sha256:y' },
        'sha256-x.att'
      )
    );
    expect(e.code).toBe('REGISTRY_ERROR');
  });

  it('registry read-back: descriptors of the wrong shape are passed over', async () => {
    const image = `sha256:${createHash('sha256').update('image').digest('hex')}`;
    const index = JSON.stringify({
      schemaVersion: 2,
      manifests: [{ digest: 'sha256:1', artifactType: 5 }, null, 7]
    });
    const att = JSON.stringify({ schemaVersion: 2, layers: 5 });
    const client = new RegistryClient(
      { apiHost: 'registry.example', repository: 'a/b' },
      undefined,
      {
        fetch: async (url) => {
          const path = new URL(url).pathname;
          if (path.endsWith('.att')) return new Response(att, { status: 200 });
          if (path.includes('/referrers/'))
            return new Response(index, {
              status: 200,
              headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' }
            });
          return new Response(null, { status: 404 });
        }
      }
    );
    await expect(findAttestations(client, image)).resolves.toEqual([]);
  });

  it('Fulcio extensions: an empty SAN extension value is a format error', () => {
    const der = certificate([{ oid: '2.5.29.17', critical: false, value: Buffer.alloc(0) }]);
    const e = typed(() => certificateIdentity(X509Certificate.parse(Buffer.from(der))));
    expect(e.message).toMatch(/subjectAlternativeName is malformed/);
  });

  it('legacy DSSE: a certificate without a validity is rejected with our error', () => {
    // SEQUENCE { tbs SEQUENCE { [0] v3, serial, ecdsa-with-SHA256 }, ecdsa-with-SHA256, BIT STRING }:
    // it parses, and @sigstore/core only fails when notBefore is read.
    const alg = '300a06082a8648ce3d040302';
    const der = Buffer.from(`3026` + `3014a003020102020101${alg}` + alg + '03020000', 'hex');
    const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect(() => X509Certificate.parse(pem)).not.toThrow();
    const trust = buildTrustMaterial(
      parseTrustedRootBytes(
        readFileSync('__fixtures__/oci/public-good-trusted_root.json'),
        'fixture'
      )
    );
    const envelope = {
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from('{}').toString('base64'),
      signatures: [{ keyid: '', sig: 'AAAA', cert: pem }]
    };
    const e = typed(() => rejectLegacyDsse(envelope, trust, 'legacy.intoto.jsonl'));
    expect(e.code).toBe('VERIFY_FAILED');
    expect(e.message).toMatch(/certificate chain NOT trusted/);
  });
});
