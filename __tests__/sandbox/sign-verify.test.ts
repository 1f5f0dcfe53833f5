// End to end through the sandbox: a token fetched the way a runner serves it, a DSSE
// in-toto statement signed with @sigstore/sign (Fulcio + Rekor dsse + TSA), and the
// v0.3 bundle verified with @sigstore/verify against the sandbox trusted_root.json.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIDToken } from '@actions/core';
import { bundleToJSON } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { FULCIO_OID } from '../../sandbox/fulcio-extensions.js';
import { parseTrustedRootBytes } from '../../src/verify/trust/index.js';
import { derUtf8, oid, signStatement, tokenFrom, verifyBundle } from './helpers.js';

const BUILDER =
  'https://github.com/isolated-provenance/isolated-provenance/.github/workflows/generic.yml@refs/tags/v1.0.0';

describe('sandbox sign and verify', () => {
  let sandbox: Sandbox;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    process.env = savedEnv;
    await sandbox.close();
  });

  it('signs with a runner-served token and verifies with the SAN and OID policy', async () => {
    Object.assign(process.env, sandbox.runnerEnv());
    const bundle = await signStatement(sandbox, { getToken: () => getIDToken('sigstore') });

    const json = bundleToJSON(bundle) as { mediaType: string };
    expect(json.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.verificationMaterial.tlogEntries[0]?.kindVersion).toEqual({
      kind: 'dsse',
      version: '0.0.1'
    });

    const signer = verifyBundle(sandbox, bundle, {
      subjectAlternativeName: BUILDER,
      extensions: { issuer: sandbox.urls.oidc },
      oids: [
        { oid: oid(FULCIO_OID.buildSignerUri), value: derUtf8(BUILDER) },
        { oid: oid(FULCIO_OID.buildSignerDigest), value: derUtf8(sandbox.run.jobWorkflowSha) },
        {
          oid: oid(FULCIO_OID.sourceRepositoryUri),
          value: derUtf8('https://github.com/octo-org/octo-app')
        },
        { oid: oid(FULCIO_OID.sourceRepositoryRef), value: derUtf8(sandbox.run.ref) },
        { oid: oid(FULCIO_OID.runnerEnvironment), value: derUtf8('github-hosted') }
      ]
    });
    expect(signer.identity?.subjectAlternativeName).toBe(BUILDER);
  });

  it('refuses the bundle under a policy for another workflow or another issuer', async () => {
    const bundle = await signStatement(sandbox, tokenFrom(sandbox));
    expect(() =>
      verifyBundle(sandbox, bundle, {
        subjectAlternativeName: BUILDER.replace('generic.yml', 'evil.yml')
      })
    ).toThrow(/subject alternative name|SAN|identity/i);
    expect(() =>
      verifyBundle(sandbox, bundle, {
        extensions: { issuer: 'https://token.actions.githubusercontent.com' }
      })
    ).toThrow(/issuer|extension/i);
  });

  it('puts every GitHub claim in the certificate as a DER UTF8String, like Fulcio', async () => {
    const bundle = await signStatement(sandbox, tokenFrom(sandbox));
    const material = bundle.verificationMaterial.content;
    if (material.$case !== 'certificate')
      throw new Error(`expected a certificate, found ${material.$case}`);
    const cert = X509Certificate.parse(Buffer.from(material.certificate.rawBytes));
    const run = sandbox.run;
    const expected: Record<string, string> = {
      [FULCIO_OID.issuer]: sandbox.urls.oidc,
      [FULCIO_OID.buildSignerUri]: BUILDER,
      [FULCIO_OID.buildSignerDigest]: run.jobWorkflowSha,
      [FULCIO_OID.runnerEnvironment]: run.runnerEnvironment,
      [FULCIO_OID.sourceRepositoryUri]: `https://github.com/${run.repository}`,
      [FULCIO_OID.sourceRepositoryDigest]: run.sha,
      [FULCIO_OID.sourceRepositoryRef]: run.ref,
      [FULCIO_OID.sourceRepositoryIdentifier]: run.repositoryId,
      [FULCIO_OID.sourceRepositoryOwnerUri]: 'https://github.com/octo-org',
      [FULCIO_OID.sourceRepositoryOwnerIdentifier]: run.repositoryOwnerId,
      [FULCIO_OID.buildConfigUri]: `https://github.com/${run.repository}/${run.workflowPath}@${run.ref}`,
      [FULCIO_OID.buildConfigDigest]: run.workflowSha,
      [FULCIO_OID.buildTrigger]: run.eventName,
      [FULCIO_OID.runInvocationUri]: `https://github.com/${run.repository}/actions/runs/${run.runId}/attempts/${run.runAttempt}`,
      [FULCIO_OID.sourceRepositoryVisibility]: run.repositoryVisibility,
      // Current Fulcio also writes the token's raw `sub` (1.24).
      [FULCIO_OID.tokenSubject]: `repo:octo-org@${run.repositoryOwnerId}/octo-app@${run.repositoryId}:ref:${run.ref}`
    };
    for (const [id, value] of Object.entries(expected)) {
      expect({ id, value: cert.extension(id)?.value }).toEqual({ id, value: derUtf8(value) });
    }
    // No deployment environment in the token, so no 1.23 (Fulcio writes it only when set).
    expect(cert.extension(FULCIO_OID.deploymentEnvironment)).toBeUndefined();
    expect(cert.subjectAltName).toBe(BUILDER);
    expect(cert.extSCT).toBeDefined();
  });

  it('follows the run description: a self-hosted branch run under another builder ref', async () => {
    const other = await startSandbox({
      run: {
        ref: 'refs/heads/main',
        runnerEnvironment: 'self-hosted',
        jobWorkflowRef:
          'isolated-provenance/isolated-provenance/.github/workflows/container.yml@refs/heads/main'
      }
    });
    try {
      const bundle = await signStatement(other, tokenFrom(other));
      const builder =
        'https://github.com/isolated-provenance/isolated-provenance/.github/workflows/container.yml@refs/heads/main';
      const signer = verifyBundle(other, bundle, {
        subjectAlternativeName: builder,
        oids: [{ oid: oid(FULCIO_OID.runnerEnvironment), value: derUtf8('self-hosted') }]
      });
      expect(signer.identity?.subjectAlternativeName).toBe(builder);
      expect(other.runnerEnv().GITHUB_REF).toBe('refs/heads/main');
      expect(other.runnerEnv().RUNNER_ENVIRONMENT).toBe('self-hosted');
      // A bundle from one sandbox does not verify under another sandbox's root.
      expect(() => verifyBundle(sandbox, bundle, {})).toThrow();
    } finally {
      await other.close();
    }
  });

  it('writes the deployment environment (1.23) of a job that has one, like current Fulcio', async () => {
    const other = await startSandbox({ run: { environment: 'production' } });
    try {
      const bundle = await signStatement(other, tokenFrom(other));
      const material = bundle.verificationMaterial.content;
      if (material.$case !== 'certificate')
        throw new Error(`expected a certificate, found ${material.$case}`);
      const cert = X509Certificate.parse(Buffer.from(material.certificate.rawBytes));
      expect(cert.extension(FULCIO_OID.deploymentEnvironment)?.value).toEqual(
        derUtf8('production')
      );
      // With an environment, GitHub's default sub names it instead of the ref.
      expect(cert.extension(FULCIO_OID.tokenSubject)?.value).toEqual(
        derUtf8(
          `repo:octo-org@${other.run.repositoryOwnerId}/octo-app@${other.run.repositoryId}:environment:production`
        )
      );
      const signer = verifyBundle(other, bundle, {
        oids: [{ oid: oid(FULCIO_OID.deploymentEnvironment), value: derUtf8('production') }]
      });
      expect(signer.identity).toBeDefined();
    } finally {
      await other.close();
    }
  });

  it('writes the trusted root it serves, CT log key included', async () => {
    const onDisk = JSON.parse(
      await readFile(sandbox.trustedRootPath, 'utf8')
    ) as typeof sandbox.trustedRoot;
    expect(onDisk).toEqual(sandbox.trustedRoot);
    expect(onDisk.mediaType).toBe('application/vnd.dev.sigstore.trustedroot+json;version=0.1');
    expect(onDisk.ctlogs).toHaveLength(1);
    expect(onDisk.tlogs[0]?.baseUrl).toBe(sandbox.urls.rekor);
    expect(onDisk.timestampAuthorities[0]?.certChain.certificates).toHaveLength(2);
    // The project's own verifier accepts it as a trusted root.
    const parsed = parseTrustedRootBytes(await readFile(sandbox.trustedRootPath), 'sandbox');
    expect(parsed.ctlogs).toHaveLength(1);
  });
});
