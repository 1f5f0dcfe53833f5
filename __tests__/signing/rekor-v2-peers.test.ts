// Our Rekor v2 output as the ecosystem's verifiers see it: cosign v3 (sigstore-go) and
// sigstore-python 4, built by scripts/install-peers.sh, verify a bundle the action's signing
// code wrote into the sandbox Rekor v2 log, and refuse tampered copies. A peer that is not built
// here is skipped (each test names it). gh picks its verifier by the Fulcio issuer's
// organisation ("sigstore.dev" or "GitHub, Inc."), which the sandbox's stand-in Fulcio is not,
// so gh is not asked (docs/REKOR_V2.md).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleToJSON } from '@sigstore/bundle';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { peerBinary } from '../../sandbox/real/peers.js';
import { resolveInstance } from '../../src/signing/instances.js';
import { signStatements } from '../../src/signing/sign.js';
import { readFile } from 'node:fs/promises';

const COSIGN = peerBinary('cosign');
const SIGSTORE_PYTHON = peerBinary('sigstore-python');
const ARTIFACT = Buffer.from('rekor v2 interop\n');

type Json = Record<string, unknown> & {
  verificationMaterial: {
    tlogEntries: { inclusionProof: { checkpoint: { envelope: string } } }[];
    timestampVerificationData: { rfc3161Timestamps: { signedTimestamp: string }[] };
  };
};

function run(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) =>
    execFile(cmd, args, { timeout: 120_000 }, (error, stdout, stderr) =>
      done({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        output: `${stdout}${stderr}`
      })
    )
  );
}

describe('Rekor v2 bundles and the real verifiers', () => {
  let sandbox: Sandbox;
  let dir: string;
  let bundle: Json;
  let san: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = mkdtempSync(join(tmpdir(), 'rekor-v2-peers-'));
    san = `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`;
    writeFileSync(join(dir, 'artifact.txt'), ARTIFACT);
    const statement = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [
          {
            name: 'artifact.txt',
            digest: { sha256: createHash('sha256').update(ARTIFACT).digest('hex') }
          }
        ],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: { buildDefinition: { buildType: 'https://example.com/t' }, runDetails: {} }
      })
    );
    const signingConfig = JSON.parse(await readFile(sandbox.signingConfigPath, 'utf8')) as unknown;
    const instance = resolveInstance({
      instance: '',
      fulcioUrl: '',
      rekorUrl: '',
      tsaUrl: '',
      repositoryIsPrivate: false,
      allowPublicLogForPrivate: false,
      rekorVersion: '2',
      signingConfig: { json: signingConfig, origin: sandbox.signingConfigPath }
    });
    // Two statements: the second entry has index 1. (protobuf JSON leaves a zero logIndex out,
    // and sigstore-python's bundle model then refuses the entry as missing its index.)
    const [, signed] = await signStatements([statement, statement], {
      instance,
      getToken: async () => sandbox.mintToken({ audience: 'sigstore' })
    });
    bundle = JSON.parse(JSON.stringify(bundleToJSON(signed!))) as Json;
    writeFileSync(join(dir, 'trusted_root.json'), JSON.stringify(sandbox.trustedRoot));
    writeFileSync(
      join(dir, 'trust_config.json'),
      JSON.stringify({
        mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
        trustedRoot: sandbox.trustedRoot,
        signingConfig
      })
    );
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, json: Json) => {
    writeFileSync(join(dir, name), JSON.stringify(json));
    return join(dir, name);
  };
  const tampered = (how: 'checkpoint' | 'timestamp'): Json => {
    const copy = JSON.parse(JSON.stringify(bundle)) as Json;
    if (how === 'checkpoint') {
      const cp = copy.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint;
      const lines = cp.envelope.split('\n');
      lines[1] = String(Number(lines[1]) + 1); // tree size: the signed note no longer matches
      cp.envelope = lines.join('\n');
    } else {
      const ts = copy.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0]!;
      const bytes = Buffer.from(ts.signedTimestamp, 'base64');
      bytes[bytes.length - 20]! ^= 0x01;
      ts.signedTimestamp = bytes.toString('base64');
    }
    return copy;
  };

  const cosign = (bundlePath: string) =>
    run(COSIGN!, [
      'verify-blob-attestation',
      '--bundle',
      bundlePath,
      '--trusted-root',
      join(dir, 'trusted_root.json'),
      '--certificate-identity',
      san,
      '--certificate-oidc-issuer',
      sandbox.urls.oidc,
      '--type',
      'slsaprovenance1',
      join(dir, 'artifact.txt')
    ]);
  const sigstorePython = (bundlePath: string) =>
    run(SIGSTORE_PYTHON!, [
      '--trust-config',
      join(dir, 'trust_config.json'),
      'verify',
      'identity',
      '--bundle',
      bundlePath,
      '--cert-identity',
      san,
      '--cert-oidc-issuer',
      sandbox.urls.oidc,
      join(dir, 'artifact.txt')
    ]);

  (COSIGN ? it : it.skip)('cosign v3 verifies it and refuses tampered copies', async () => {
    const ok = await cosign(write('ok.json', bundle));
    expect(ok.output).toContain('Verified OK');
    expect(ok.code).toBe(0);
    const badCheckpoint = await cosign(write('cp.json', tampered('checkpoint')));
    expect(badCheckpoint.code).not.toBe(0);
    expect(badCheckpoint.output).toContain('checkpoint');
    const badTimestamp = await cosign(write('ts.json', tampered('timestamp')));
    expect(badTimestamp.code).not.toBe(0);
  });

  (SIGSTORE_PYTHON ? it : it.skip)(
    'sigstore-python 4 verifies it and refuses tampered copies',
    async () => {
      const ok = await sigstorePython(write('ok.json', bundle));
      expect(ok.output).toContain('OK: ');
      expect(ok.code).toBe(0);
      expect((await sigstorePython(write('cp.json', tampered('checkpoint')))).code).not.toBe(0);
      expect((await sigstorePython(write('ts.json', tampered('timestamp')))).code).not.toBe(0);
    }
  );
});
