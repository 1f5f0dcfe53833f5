// Issue 2, "done when": copies of the action's own output, each changed in one place — a payload
// byte, a subject digest, the signature, the certificate — must each fail verification, both
// with @sigstore/verify directly and with the bundled CLI. The untouched copy passes both, so a
// failure can only come from the change.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startActionHarness, type ActionHarness } from '../helpers/action-harness.js';
import type { BundleJson } from '../helpers/provenance-file.js';
import { CLI_ENTRY } from '../helpers/run-action.js';
import { verifyWithSigstore } from '../helpers/sigstore-verify.js';
import { base64Of } from '../helpers/subjects.js';
import { createHash } from 'node:crypto';

const ARTIFACT = 'tamper-target';
const artifactBytes = Buffer.from('bytes that were really built\n');
const artifactSha256 = createHash('sha256').update(artifactBytes).digest('hex');

type Tamper = (bundle: BundleJson) => void;

function flipBase64Byte(b64: string, index: number): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[index % bytes.length] = bytes[index % bytes.length]! ^ 0x01;
  return bytes.toString('base64');
}

const tampers: [string, Tamper][] = [
  [
    'payload byte',
    (b) => {
      // A byte inside the predicate (the last `}` stays a `}` neighbour, JSON stays parsable).
      const payload = Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8');
      const changed = payload.replace('"buildType":"https://', '"buildType":"httpS://');
      b.dsseEnvelope.payload = Buffer.from(changed).toString('base64');
    }
  ],
  [
    'subject digest',
    (b) => {
      const payload = Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8');
      const changed = payload.replace(artifactSha256, 'f'.repeat(64));
      b.dsseEnvelope.payload = Buffer.from(changed).toString('base64');
    }
  ],
  [
    'signature',
    (b) => {
      b.dsseEnvelope.signatures[0]!.sig = flipBase64Byte(b.dsseEnvelope.signatures[0]!.sig, 20);
    }
  ],
  [
    'certificate',
    (b) => {
      const cert = b.verificationMaterial.certificate!;
      cert.rawBytes = flipBase64Byte(cert.rawBytes, 200);
    }
  ]
];

describe("tampered copies of the action's output fail verification", () => {
  let harness: ActionHarness;
  let original: BundleJson;
  let dir: string;

  beforeAll(async () => {
    harness = await startActionHarness();
    dir = harness.tempDir('tamper-');
    writeFileSync(join(dir, ARTIFACT), artifactBytes);
    const run = await harness.run({
      'base64-subjects': base64Of(`${artifactSha256}  ${ARTIFACT}\n`)
    });
    expect(run.exitCode).toBe(0);
    original = run.provenance!.bundles[0]!;
  });
  afterAll(async () => harness?.close());

  async function cli(bundle: BundleJson): Promise<{ code: number; stderr: string }> {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.intoto.jsonl`);
    writeFileSync(path, JSON.stringify(bundle) + '\n');
    const rootPath = join(dir, 'trusted_root.json');
    writeFileSync(rootPath, JSON.stringify(harness.sandbox.trustedRoot));
    const { run } = harness.sandbox;
    const args = [
      CLI_ENTRY,
      'verify-artifact',
      join(dir, ARTIFACT),
      '--provenance-path',
      path,
      '--source-uri',
      `github.com/${run.repository}`,
      '--trusted-root',
      rootPath,
      '--certificate-oidc-issuer',
      harness.sandbox.urls.oidc
    ];
    try {
      const { stderr } = await promisify(execFile)(process.execPath, args);
      return { code: 0, stderr };
    } catch (e) {
      const err = e as { code?: number; stderr?: string };
      return { code: err.code ?? 1, stderr: err.stderr ?? '' };
    }
  }

  it('the untouched copy passes (baseline)', async () => {
    expect(() => verifyWithSigstore(harness.sandbox, original, harness.builderId)).not.toThrow();
    const { code, stderr } = await cli(original);
    expect(stderr).toContain('PASSED');
    expect(code).toBe(0);
  });

  it.each(tampers)('a changed %s fails', async (_label, tamper) => {
    const copy = structuredClone(original);
    tamper(copy);
    expect(JSON.stringify(copy)).not.toBe(JSON.stringify(original));
    expect(() => verifyWithSigstore(harness.sandbox, copy, harness.builderId)).toThrow();
    const { code, stderr } = await cli(copy);
    expect(stderr).toMatch(/^FAILED: /m);
    expect(stderr).not.toMatch(/\n\s+at /); // one line, no stack trace
    expect(code).toBe(1);
  });
});
