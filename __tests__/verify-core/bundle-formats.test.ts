// Sigstore bundles v0.1 / v0.2 / v0.3 from real slsa-github-generator runs, verified offline
// against the embedded public-good trusted root.
import { describe, expect, it } from '@jest/globals';
import { verifyProvenanceFile } from '../../src/verify/core/index.js';
import { parseArtifactDigest } from '../../src/verify/core/artifact.js';
import { fixture, publicGoodTrust, rejection, trustFromFixture } from './fixtures.js';

describe('verifyProvenanceFile on Sigstore bundles', () => {
  it('verifies a v0.1 bundle (BYOB delegator v1.10.0) and decodes the Fulcio identity', async () => {
    const { verified, skipped } = await verifyProvenanceFile(
      fixture('delegator-v1.10.0.build.slsa'),
      {
        trustMaterial: publicGoodTrust(),
        artifact: { kind: 'bytes', bytes: fixture('delegator-v1.10.0.artifact') }
      }
    );
    expect(skipped).toEqual([]);
    expect(verified).toHaveLength(1);
    const [env] = verified;
    expect(env?.format).toBe('bundle-v0.1');
    expect(env?.payloadType).toBe('application/vnd.in-toto+json');
    expect(env?.timestamps).toEqual([{ source: 'tlog', time: new Date('2024-03-21T12:05:41Z') }]);
    expect(env?.signer.kind).toBe('certificate');
    if (env?.signer.kind !== 'certificate') return;
    expect(env.signer.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(env.signer.identity).toMatchObject({
      subjectAlternativeName:
        'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/delegator_generic_slsa3.yml@refs/tags/v1.10.0',
      issuer: 'https://token.actions.githubusercontent.com',
      extensions: {
        legacyRepository: 'slsa-framework/example-package',
        legacyRef: 'refs/heads/main',
        legacySha: '4e383a8215c979d61c6afd2e125cb2f559090adf',
        legacyWorkflowTrigger: 'workflow_dispatch',
        sourceRepositoryURI: 'https://github.com/slsa-framework/example-package',
        sourceRepositoryRef: 'refs/heads/main',
        sourceRepositoryDigest: '4e383a8215c979d61c6afd2e125cb2f559090adf',
        runnerEnvironment: 'github-hosted',
        buildTrigger: 'workflow_dispatch',
        sourceRepositoryVisibility: 'public'
      }
    });
  });

  it('verifies a v0.2 bundle (container-based v2.1.0) against its (empty) artifact', async () => {
    const { verified } = await verifyProvenanceFile(
      fixture('container-based-v2.1.0.intoto.build.slsa'),
      {
        trustMaterial: publicGoodTrust(),
        artifact: { kind: 'bytes', bytes: fixture('container-based-v2.1.0.artifact') }
      }
    );
    expect(verified.map((v) => v.format)).toEqual(['bundle-v0.2']);
    expect((verified[0]?.statement as { subject: unknown[] }).subject).toHaveLength(1);
  });

  it('verifies a v0.3 .intoto.jsonl (generic generator v2.1.0) by artifact digest', async () => {
    const digest = fixture('generic-v2.1.0.artifact.digest').toString('utf8').trim();
    const { verified } = await verifyProvenanceFile(fixture('generic-v2.1.0.intoto.jsonl'), {
      trustMaterial: publicGoodTrust(),
      artifact: parseArtifactDigest(digest)
    });
    expect(verified.map((v) => v.format)).toEqual(['bundle-v0.3']);
    expect(
      verified[0]?.signer.kind === 'certificate' &&
        verified[0].signer.identity.extensions.buildSignerURI
    ).toBe(
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0'
    );
  });

  it('verifies a Rekor v2 entry (no SET) by its RFC 3161 timestamp alone', async () => {
    const { verified } = await verifyProvenanceFile(
      fixture('conformance-rekor2-happy-path.sigstore.json'),
      {
        trustMaterial: trustFromFixture('conformance-rekor2-trusted-root.json'),
        artifact: { kind: 'bytes', bytes: fixture('conformance-a.txt') }
      }
    );
    expect(verified[0]?.timestamps.map((t) => t.source)).toEqual(['tsa']);
    expect(verified[0]?.messageDigest?.algorithm).toBe('sha256');
  });

  it('rejects when the artifact is not among the statement subjects', async () => {
    const err = await rejection(() =>
      verifyProvenanceFile(fixture('generic-v2.1.0.intoto.jsonl'), {
        trustMaterial: publicGoodTrust(),
        artifact: { kind: 'bytes', bytes: Buffer.from('something else') }
      })
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(/is not among the 1 subject\(s\)/);
  });

  it('verifies every line of a multi-bundle .jsonl and keeps their order', async () => {
    const line = fixture('generic-v2.1.0.intoto.jsonl').toString('utf8').trim();
    const { verified } = await verifyProvenanceFile(Buffer.from(`${line}\n\n${line}\n`), {
      trustMaterial: publicGoodTrust()
    });
    expect(verified.map((v) => v.index)).toEqual([0, 1]);
  });

  it('rejects the whole file when one line is not JSON, naming the line', async () => {
    const line = fixture('generic-v2.1.0.intoto.jsonl').toString('utf8').trim();
    const err = await rejection(() =>
      verifyProvenanceFile(Buffer.from(`${line}\n{not json\n`), {
        trustMaterial: publicGoodTrust(),
        origin: 'p.jsonl'
      })
    );
    expect(err.code).toBe('FORMAT_INVALID');
    expect(err.message).toMatch(/^p\.jsonl line 2: not JSON/);
  });

  it('rejects files that are not provenance at all with FORMAT_INVALID', async () => {
    for (const text of [
      '',
      '   \n',
      '[1,2]',
      '{"_type":"https://in-toto.io/Statement/v1"}',
      '42'
    ]) {
      const err = await rejection(() =>
        verifyProvenanceFile(Buffer.from(text), { trustMaterial: publicGoodTrust() })
      );
      expect(err.code).toBe('FORMAT_INVALID');
    }
  });

  it('rejects an unknown bundle media type', async () => {
    const bundle = JSON.parse(fixture('generic-v2.1.0.intoto.jsonl').toString('utf8')) as {
      mediaType: string;
    };
    bundle.mediaType = 'application/vnd.dev.sigstore.bundle.v0.9+json';
    const err = await rejection(() =>
      verifyProvenanceFile(Buffer.from(JSON.stringify(bundle)), {
        trustMaterial: publicGoodTrust()
      })
    );
    expect(err.code).toBe('FORMAT_INVALID');
    expect(err.message).toMatch(
      /v0\.1, v0\.2 or v0\.3, found "application\/vnd\.dev\.sigstore\.bundle\.v0\.9\+json"/
    );
  });
});
