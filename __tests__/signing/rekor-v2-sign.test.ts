// Signing with Rekor v2 through the real parts: the sandbox's signing_config.json picks the
// services, signStatements logs each statement in the sandbox Rekor v2 log (hashedrekord 0.0.2
// over the DSSE PAE, as rekor-tiles takes it) and asks the TSA for an RFC 3161 timestamp; the
// bundles verify with @sigstore/verify and with our CLI's core, and tampered copies do not.
// The same signing config with rekor-version 1 still writes Rekor v1 `dsse` entries with a SET.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleFromJSON, bundleToJSON, type Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { RekorWitness } from '@sigstore/sign';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { serializeBundles } from '../../src/publish/jsonl.js';
import { parseBundle, parseReferrerBundle } from '../../src/publish/oci/bundle.js';
import { resolveInstance, type SigstoreInstance } from '../../src/signing/instances.js';
import { signStatements } from '../../src/signing/sign.js';
import { loadTrust, type TrustMaterial } from '../../src/verify/cli/core-bridge.js';
import { verifyProvenanceFile } from '../../src/verify/core/index.js';

function statement(i: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `file-${i}`, digest: { sha256: i.toString(16).padStart(64, '0') } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: { buildType: 'https://example.com/t' }, runDetails: {} }
    })
  );
}

type BundleJson = ReturnType<typeof bundleToJSON>;
const clone = (b: Bundle): BundleJson => JSON.parse(JSON.stringify(bundleToJSON(b))) as BundleJson;
const flipBase64 = (value: string, at = 10): string => {
  const bytes = Buffer.from(value, 'base64');
  bytes[at % bytes.length]! ^= 0x01;
  return bytes.toString('base64');
};

describe('Rekor v2 signing on the sandbox', () => {
  let sandbox: Sandbox;
  let trust: TrustMaterial;
  let configJson: unknown;
  const getToken = async () => sandbox.mintToken({ audience: 'sigstore' });
  const instanceFor = (rekorVersion: string): SigstoreInstance =>
    resolveInstance({
      instance: '',
      fulcioUrl: '',
      rekorUrl: '',
      tsaUrl: '',
      repositoryIsPrivate: false,
      allowPublicLogForPrivate: false,
      rekorVersion,
      signingConfig: { json: configJson, origin: sandbox.signingConfigPath }
    });
  let v2Bundles: Bundle[];

  const verifyOurs = (bundles: BundleJson[]) =>
    verifyProvenanceFile(Buffer.from(bundles.map((b) => `${JSON.stringify(b)}\n`).join('')), {
      trustMaterial: trust,
      origin: 'test.intoto.jsonl'
    });

  beforeAll(async () => {
    sandbox = await startSandbox();
    configJson = JSON.parse(await readFile(sandbox.signingConfigPath, 'utf8')) as unknown;
    trust = await loadTrust(sandbox.trustedRootPath);
    const before = { v1: sandbox.rekorSize(), v2: sandbox.rekorV2Size() };
    v2Bundles = await signStatements([0, 1, 2].map(statement), {
      instance: instanceFor('2'),
      getToken,
      concurrency: 2
    });
    expect(sandbox.rekorV2Size() - before.v2).toBe(3);
    expect(sandbox.rekorSize() - before.v1).toBe(0);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('chooses the sandbox v2 log and its TSA from the signing config', () => {
    expect(instanceFor('2')).toEqual({
      name: 'custom',
      fulcioUrl: sandbox.urls.fulcio,
      rekorUrl: sandbox.urls.rekorV2,
      rekorVersion: 2,
      tsaUrl: `${sandbox.urls.tsa}/api/v1/timestamp`
    });
  });

  it('writes hashedrekord 0.0.2 entries with a checkpoint, no SET, and an RFC 3161 timestamp', () => {
    for (const bundle of v2Bundles) {
      const entries = bundle.verificationMaterial.tlogEntries;
      expect(entries).toHaveLength(1);
      const entry = entries[0]!;
      expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' });
      expect(entry.inclusionPromise).toBeUndefined();
      expect(entry.integratedTime).toBe('0');
      expect(entry.inclusionProof?.checkpoint?.envelope).toMatch(
        /^127\.0\.0\.1\n\d+\n[A-Za-z0-9+/=]+\n\n\u2014 127\.0\.0\.1 /
      );
      expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(
        1
      );
    }
  });

  it('keeps one certificate for the whole run, as with Rekor v1', () => {
    const certs = v2Bundles.map((b) => {
      const m = b.verificationMaterial.content;
      return m.$case === 'certificate'
        ? Buffer.from(m.certificate.rawBytes).toString('base64')
        : '';
    });
    expect(new Set(certs).size).toBe(1);
    expect(certs[0]).not.toBe('');
  });

  it('verifies with @sigstore/verify (log inclusion via checkpoint, time via the TSA)', () => {
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(sandbox.trustedRoot)), {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1
    });
    for (const bundle of v2Bundles) {
      const signer = verifier.verify(toSignedEntity(bundleFromJSON(clone(bundle))), {
        extensions: { issuer: sandbox.urls.oidc }
      });
      expect(signer.identity?.extensions?.issuer).toBe(sandbox.urls.oidc);
    }
  });

  it('verifies with our CLI core', async () => {
    const result = await verifyOurs(v2Bundles.map(clone));
    expect(result.verified).toHaveLength(3);
    expect(
      Buffer.from(serializeBundles(v2Bundles)).toString('utf8').split('\n').filter(Boolean)
    ).toHaveLength(3);
  });

  const tampered: [string, (b: BundleJson) => void, RegExp][] = [
    [
      'checkpoint signature',
      (b) => {
        const cp = b.verificationMaterial!.tlogEntries![0]!.inclusionProof!.checkpoint!;
        const [note, sigLine] = cp.envelope.split('\n\n');
        const [dash, name, sig] = sigLine!.trim().split(' ');
        cp.envelope = `${note}\n\n${dash} ${name} ${flipBase64(sig!, 20)}\n`;
      },
      /invalid checkpoint signature/
    ],
    [
      'checkpoint root hash',
      (b) => {
        const cp = b.verificationMaterial!.tlogEntries![0]!.inclusionProof!.checkpoint!;
        const lines = cp.envelope.split('\n');
        lines[2] = flipBase64(lines[2]!, 3);
        cp.envelope = lines.join('\n');
      },
      /invalid checkpoint signature/
    ],
    [
      'checkpoint tree size',
      (b) => {
        const cp = b.verificationMaterial!.tlogEntries![0]!.inclusionProof!.checkpoint!;
        const lines = cp.envelope.split('\n');
        lines[1] = String(Number(lines[1]) + 1);
        cp.envelope = lines.join('\n');
      },
      /invalid checkpoint signature/
    ],
    [
      'inclusion proof hash',
      (b) => {
        const proof = b.verificationMaterial!.tlogEntries![0]!.inclusionProof!;
        // Entry 1 of 3 has a sibling hash to corrupt; for any entry, a bogus extra one.
        proof.hashes =
          proof.hashes.length > 0
            ? [flipBase64(proof.hashes[0]!), ...proof.hashes.slice(1)]
            : [Buffer.alloc(32, 7).toString('base64')];
      },
      /root hash does not match/
    ],
    [
      'log index',
      (b) => {
        const entry = b.verificationMaterial!.tlogEntries![0]!;
        entry.logIndex = String(Number(entry.logIndex) + 1);
        entry.inclusionProof!.logIndex = entry.logIndex;
      },
      /TLOG_INCLUSION_PROOF_ERROR/
    ],
    [
      'RFC 3161 timestamp',
      (b) => {
        const ts = b.verificationMaterial!.timestampVerificationData!.rfc3161Timestamps![0]!;
        const bytes = Buffer.from(ts.signedTimestamp, 'base64');
        bytes[bytes.length - 20]! ^= 0x01; // inside the TSA's signature
        ts.signedTimestamp = bytes.toString('base64');
      },
      /timestamp could not be verified/
    ],
    [
      'missing RFC 3161 timestamp (a v2 entry alone gives no time)',
      (b) => {
        b.verificationMaterial!.timestampVerificationData = { rfc3161Timestamps: [] };
      },
      /expected 1 timestamps, got 0/
    ],
    [
      'DSSE payload',
      (b) => {
        const env = b.dsseEnvelope!;
        const statementJson = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as {
          subject: { name: string }[];
        };
        statementJson.subject[0]!.name = 'evil';
        env.payload = Buffer.from(JSON.stringify(statementJson)).toString('base64');
      },
      /TLOG_BODY_ERROR: digest mismatch/
    ],
    [
      'logged digest (canonicalized body)',
      (b) => {
        const entry = b.verificationMaterial!.tlogEntries![0]!;
        const body = JSON.parse(
          Buffer.from(entry.canonicalizedBody, 'base64').toString('utf8')
        ) as {
          spec: { hashedRekordV002: { data: { digest: string } } };
        };
        body.spec.hashedRekordV002.data.digest = flipBase64(body.spec.hashedRekordV002.data.digest);
        entry.canonicalizedBody = Buffer.from(JSON.stringify(body)).toString('base64');
      },
      /root hash does not match/
    ]
  ];

  it.each(tampered)('refuses a copy with a tampered %s', async (_what, tamper, reason) => {
    const copy = clone(v2Bundles[1]!);
    tamper(copy);
    await expect(verifyOurs([copy])).rejects.toThrow(reason);
  });

  it('the OCI referrer takes a Rekor v2 bundle; the cosign layout refuses it for want of a SET', () => {
    const json = clone(v2Bundles[0]!) as unknown as Record<string, unknown>;
    const parts = parseReferrerBundle(json);
    expect(parts.tlog).toBeUndefined();
    expect(parts.json).toBe(JSON.stringify(json));
    expect(() => parseBundle(json)).toThrow(/inclusionPromise \(the Rekor SET cosign reads\)/);
  });

  it('still writes Rekor v1 dsse entries with a SET when the same config is used with rekor-version 1', async () => {
    const instance = instanceFor('1');
    expect(instance.rekorUrl).toBe(sandbox.urls.rekor);
    expect(instance.rekorVersion).toBeUndefined();
    const before = sandbox.rekorV2Size();
    const [bundle] = await signStatements([statement(9)], { instance, getToken });
    expect(sandbox.rekorV2Size()).toBe(before);
    const entry = bundle!.verificationMaterial.tlogEntries[0]!;
    expect(entry.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
    expect(entry.inclusionPromise?.signedEntryTimestamp.length).toBeGreaterThan(0);
    expect((await verifyOurs([clone(bundle!)])).verified).toHaveLength(1);
  });

  it('the log refuses the dsse 0.0.2 request @sigstore/sign 5.1 sends, as rekor-tiles >= 2.3.0 does', async () => {
    const envelope = v2Bundles[0]!.content;
    const cert = v2Bundles[0]!.verificationMaterial.content;
    if (cert.$case !== 'certificate') throw new Error('expected a certificate');
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(cert.certificate.rawBytes).toString('base64')}\n-----END CERTIFICATE-----\n`;
    const witness = new RekorWitness({
      rekorBaseURL: sandbox.urls.rekorV2,
      majorApiVersion: 2,
      retry: { retries: 0 },
      timeout: 5_000
    });
    await expect(witness.testify(envelope, pem)).rejects.toThrow(/tlog entry/);
  });
});
