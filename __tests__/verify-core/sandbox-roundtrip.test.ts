// Integration through the real parts: a statement signed keylessly against the loopback
// sandbox (Fulcio + CT log, Rekor, TSA) with @sigstore/sign, then verified by the core with
// the sandbox's trusted_root.json — as a .intoto.jsonl, through the verify-bundle protocol,
// and re-packed as a cosign OCI attestation layer by the publisher.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { parseBundle } from '../../src/publish/oci/bundle.js';
import { issuingChain, toPem } from '../../src/publish/oci/chain.js';
import { attestationLayer, cosignEnvelope } from '../../src/publish/oci/cosign-layout.js';
import {
  parseArtifactDigest,
  verifyCosignAttestation,
  verifyProvenanceFile
} from '../../src/verify/core/index.js';
import { verifyBundleCommand } from '../../src/verify/cli/verify-bundle.js';
import { loadTrustMaterial } from '../../src/verify/trust/index.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicGoodTrust, rejection } from './fixtures.js';

const SUBJECT = `sha256:${'a'.repeat(64)}`;
const STATEMENT = JSON.stringify({
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'app.tar.gz', digest: { sha256: 'a'.repeat(64) } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: { buildDefinition: { buildType: 'https://example.com/test' }, runDetails: {} }
});

/** Signs STATEMENT against the sandbox in a tsx child process (see sign-with-sandbox.ts). */
async function signInChild(sandbox: Sandbox): Promise<unknown> {
  const script = fileURLToPath(new URL('./sign-with-sandbox.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, script], {
    env: {
      ...process.env,
      SANDBOX_FULCIO: sandbox.urls.fulcio,
      SANDBOX_REKOR: sandbox.urls.rekor,
      SANDBOX_TSA: sandbox.urls.tsa,
      SANDBOX_TOKEN: sandbox.mintToken({ audience: 'sigstore' }),
      SANDBOX_PAYLOAD: STATEMENT
    },
    timeout: 30_000
  });
  return JSON.parse(stdout) as unknown;
}

describe('verifier core against the sandbox', () => {
  let sandbox: Sandbox;
  let bundleJSON: unknown;
  let builder: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    bundleJSON = await signInChild(sandbox);
    builder = `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`;
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('verifies a sandbox-signed .intoto.jsonl with the sandbox trusted root', async () => {
    const trustMaterial = await loadTrustMaterial({ trustedRootPath: sandbox.trustedRootPath });
    const file = Buffer.from(`${JSON.stringify(bundleJSON)}\n`);
    const { verified } = await verifyProvenanceFile(file, {
      trustMaterial,
      artifact: parseArtifactDigest(SUBJECT)
    });
    expect(verified).toHaveLength(1);
    const env = verified[0]!;
    expect(env.format).toBe('bundle-v0.3');
    expect(env.timestamps.map((t) => t.source).sort()).toEqual(['tlog', 'tsa']);
    if (env.signer.kind !== 'certificate') throw new Error('expected a certificate signer');
    expect(env.signer.identity.subjectAlternativeName).toBe(builder);
    expect(env.signer.identity.issuer).toBe(sandbox.urls.oidc);
    expect(env.signer.identity.extensions.buildSignerDigest).toBe(sandbox.run.jobWorkflowSha);
  });

  it('rejects the same file under the public-good root', async () => {
    const err = await rejection(() =>
      verifyProvenanceFile(Buffer.from(JSON.stringify(bundleJSON)), {
        trustMaterial: publicGoodTrust()
      })
    );
    expect(err.code).toBe('VERIFY_FAILED');
  });

  it('passes verify-bundle with --trusted-root, and fails it for another identity', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-core-sandbox-'));
    const bundlePath = join(dir, 'bundle.sigstore.json');
    writeFileSync(bundlePath, JSON.stringify(bundleJSON));
    const args = [
      '--bundle',
      bundlePath,
      '--trusted-root',
      sandbox.trustedRootPath,
      '--certificate-oidc-issuer',
      sandbox.urls.oidc
    ];
    const lines: string[] = [];
    expect(
      await verifyBundleCommand([...args, '--certificate-identity', builder, SUBJECT], (l) =>
        lines.push(l)
      )
    ).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^PASSED: /)]);
    const other = builder.replace(/[^/]+\.yml@/, 'evil.yml@');
    expect(
      await verifyBundleCommand(
        [...args, '--certificate-identity', other, SUBJECT],
        () => undefined
      )
    ).toBe(1);
  });

  it('verifies the cosign attestation layer the OCI publisher builds from the bundle', async () => {
    const trustMaterial = await loadTrustMaterial({ trustedRootPath: sandbox.trustedRootPath });
    // proto3 JSON omits logIndex 0 (the sandbox log's first entry); parseBundle (publisher)
    // currently insists on the field, so spell it out here. Reported to the lead.
    const withIndex = structuredClone(bundleJSON) as {
      verificationMaterial: { tlogEntries: { logIndex?: string }[] };
    };
    for (const entry of withIndex.verificationMaterial.tlogEntries) entry.logIndex ??= '0';
    const parts = parseBundle(withIndex as unknown as Record<string, unknown>);
    const envelope = cosignEnvelope(parts);
    const chain = issuingChain(parts.leafDer, sandbox.trustedRoot);
    const layer = attestationLayer(
      envelope,
      parts,
      toPem(parts.leafDer),
      chain.map(toPem).join('')
    );
    const env = verifyCosignAttestation(envelope, layer.annotations ?? {}, trustMaterial, {
      layerDigest: layer.digest,
      subjectDigest: parseArtifactDigest(SUBJECT)
    });
    expect(env.format).toBe('cosign-layout');
    expect(env.timestamps).toEqual([{ source: 'tlog', time: expect.any(Date) }]);
  });
});
