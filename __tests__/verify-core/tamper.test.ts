// Security controls: every piece of evidence is checked, and changing any of it is caught.
import { describe, expect, it } from '@jest/globals';
import { verifyProvenanceFile } from '../../src/verify/core/index.js';
import { buildTrustMaterial, parseTrustedRoot } from '../../src/verify/trust/index.js';
import { fixture, fixtureJSON, publicGoodTrust, rejection, trustFromFixture } from './fixtures.js';

type BundleJSON = {
  dsseEnvelope: { payload: string; signatures: { sig: string }[] };
  verificationMaterial: {
    tlogEntries: { integratedTime: string; inclusionPromise?: unknown; inclusionProof?: unknown }[];
  };
};

function v03(): BundleJSON {
  return JSON.parse(fixture('generic-v2.1.0.intoto.jsonl').toString('utf8')) as BundleJSON;
}

function verify(bundle: unknown) {
  return verifyProvenanceFile(Buffer.from(JSON.stringify(bundle)), {
    trustMaterial: publicGoodTrust()
  });
}

describe('tampering is rejected', () => {
  it('accepts the untouched bundle (baseline)', async () => {
    await expect(verify(v03())).resolves.toMatchObject({ verified: [{ format: 'bundle-v0.3' }] });
  });

  it('rejects a changed payload (the statement was edited after signing)', async () => {
    const bundle = v03();
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    ) as {
      subject: { digest: { sha256: string } }[];
    };
    statement.subject[0]!.digest.sha256 = 'f'.repeat(64);
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    const err = await rejection(() => verify(bundle));
    expect(err.code).toBe('VERIFY_FAILED');
  });

  it('rejects a changed signature', async () => {
    const bundle = v03();
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0]!.sig, 'base64');
    sig.writeUInt8((sig.at(-1) ?? 0) ^ 0x01, sig.length - 1);
    bundle.dsseEnvelope.signatures[0]!.sig = sig.toString('base64');
    expect((await rejection(() => verify(bundle))).code).toBe('VERIFY_FAILED');
  });

  it('rejects a bundle whose transparency-log entries were removed', async () => {
    const bundle = v03();
    bundle.verificationMaterial.tlogEntries = [];
    const err = await rejection(() => verify(bundle));
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(/timestamp|tlog/i);
  });

  it('rejects a log entry whose integrated time was moved (SET no longer matches)', async () => {
    const bundle = v03();
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    entry.integratedTime = String(Number(entry.integratedTime) - 3600);
    expect((await rejection(() => verify(bundle))).code).toBe('VERIFY_FAILED');
  });

  it('rejects an integrated time in the future', async () => {
    const bundle = v03();
    bundle.verificationMaterial.tlogEntries[0]!.integratedTime = String(
      Math.floor(Date.now() / 1000) + 86_400
    );
    const err = await rejection(() => verify(bundle));
    expect(err.message).toMatch(/in the future/);
  });

  it('rejects a bundle checked against the wrong trusted root (staging)', async () => {
    const err = await rejection(() =>
      verifyProvenanceFile(fixture('generic-v2.1.0.intoto.jsonl'), {
        trustMaterial: trustFromFixture('staging-trusted-root.json')
      })
    );
    expect(err.code).toBe('VERIFY_FAILED');
  });

  it('rejects a negative log index that protobuf decoding would accept', async () => {
    const bundle = v03() as unknown as {
      verificationMaterial: { tlogEntries: { logIndex: string }[] };
    };
    bundle.verificationMaterial.tlogEntries[0]!.logIndex = '-1';
    expect((await rejection(() => verify(bundle))).code).toBe('FORMAT_INVALID');
  });

  describe('a root without a transparency log (private instance: Fulcio + TSA only)', () => {
    const rekor2WithoutEntries = () => {
      const bundle = JSON.parse(
        fixture('conformance-rekor2-happy-path.sigstore.json').toString('utf8')
      ) as BundleJSON;
      bundle.verificationMaterial.tlogEntries = [];
      return Buffer.from(JSON.stringify(bundle));
    };

    it('accepts a TSA-timestamped bundle with no log entry when the root names no log', async () => {
      const root = fixtureJSON<{ tlogs: unknown[] }>('conformance-rekor2-trusted-root.json');
      root.tlogs = [];
      const trustMaterial = buildTrustMaterial(parseTrustedRoot(root, 'private-root.json'));
      const { verified } = await verifyProvenanceFile(rekor2WithoutEntries(), { trustMaterial });
      expect(verified[0]?.timestamps.map((t) => t.source)).toEqual(['tsa']);
    });

    it('still demands a log entry when the root names a log', async () => {
      const err = await rejection(() =>
        verifyProvenanceFile(rekor2WithoutEntries(), {
          trustMaterial: trustFromFixture('conformance-rekor2-trusted-root.json')
        })
      );
      expect(err.message).toMatch(/expected 1 tlog entries, got 0/);
    });
  });
});
