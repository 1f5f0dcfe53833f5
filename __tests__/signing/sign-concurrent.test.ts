// signStatements through the real sandbox (Fulcio, CT log, Rekor, TSA): one certificate per
// run, one Rekor entry and one verifiable bundle per statement, order kept, all or nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { ProvenanceError } from '../../src/errors.js';
import type { SigstoreInstance } from '../../src/signing/instances.js';
import { ReusedCertificateSigner } from '../../src/signing/reused-certificate.js';
import { signStatements } from '../../src/signing/sign.js';
import { verifyBundle } from '../sandbox/helpers.js';

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

function certificateOf(bundle: Awaited<ReturnType<typeof signStatements>>[number]): string {
  const material = bundle.verificationMaterial.content;
  if (material.$case !== 'certificate')
    throw new Error(`expected a certificate, found ${material.$case}`);
  return Buffer.from(material.certificate.rawBytes).toString('base64');
}

describe('signStatements on the sandbox', () => {
  let sandbox: Sandbox;
  let instance: SigstoreInstance;
  let tokensIssued = 0;
  const getToken = async () => {
    tokensIssued++;
    return sandbox.mintToken({ audience: 'sigstore' });
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    instance = {
      name: 'custom',
      fulcioUrl: sandbox.urls.fulcio,
      rekorUrl: sandbox.urls.rekor,
      tsaUrl: sandbox.urls.tsa
    };
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('asks Fulcio once, logs every statement, keeps order, and every bundle verifies', async () => {
    tokensIssued = 0;
    const before = sandbox.rekorSize();
    const payloads = Array.from({ length: 7 }, (_, i) => statement(i));
    const bundles = await signStatements(payloads, { instance, getToken, concurrency: 3 });

    expect(tokensIssued).toBe(1); // one token → one certificate request for the whole run
    expect(sandbox.rekorSize() - before).toBe(7);
    expect(new Set(bundles.map(certificateOf)).size).toBe(1);
    bundles.forEach((bundle, i) => {
      const content = bundle.content;
      if (content.$case !== 'dsseEnvelope') throw new Error('expected a DSSE envelope');
      expect(Buffer.from(content.dsseEnvelope.payload).equals(payloads[i]!)).toBe(true);
      expect(() => verifyBundle(sandbox, bundle, {})).not.toThrow();
    });
  });

  it('renews the key and certificate before the certificate expires', async () => {
    tokensIssued = 0;
    // A clock 9 minutes ahead: every 10-minute certificate is within the renewal margin.
    const signer = new ReusedCertificateSigner({
      fulcioBaseURL: sandbox.urls.fulcio,
      identityProvider: { getToken },
      now: () => Date.now() + 9 * 60_000
    });
    const first = await signer.sign(Buffer.from('a'));
    const second = await signer.sign(Buffer.from('b'));
    expect(signer.certificatesIssued).toBe(2);
    expect(tokensIssued).toBe(2);
    if (first.key.$case !== 'x509Certificate' || second.key.$case !== 'x509Certificate')
      throw new Error('expected certificates');
    expect(first.key.certificate).not.toBe(second.key.certificate);

    const steady = new ReusedCertificateSigner({
      fulcioBaseURL: sandbox.urls.fulcio,
      identityProvider: { getToken }
    });
    await Promise.all([
      steady.sign(Buffer.from('a')),
      steady.sign(Buffer.from('b')),
      steady.sign(Buffer.from('c'))
    ]);
    expect(steady.certificatesIssued).toBe(1);
  });
});

describe('signStatements all or nothing', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    // Rekor accepts nothing: every statement fails after its retries.
    sandbox = await startSandbox({ faults: 'rekor=500x*' });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('returns no bundle when any statement cannot be logged, naming the service', async () => {
    const instance: SigstoreInstance = {
      name: 'custom',
      fulcioUrl: sandbox.urls.fulcio,
      rekorUrl: sandbox.urls.rekor
    };
    const run = signStatements([statement(1), statement(2), statement(3)], {
      instance,
      getToken: async () => sandbox.mintToken({ audience: 'sigstore' }),
      retries: 0,
      timeoutMs: 5_000,
      concurrency: 2
    });
    await expect(run).rejects.toBeInstanceOf(ProvenanceError);
    await expect(run).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(run).rejects.toThrow(/Rekor/);
    expect(sandbox.rekorSize()).toBe(0);
  });
});
