// slsa-github-generator < v2.1.0 bare DSSE envelopes: never accepted offline.
import { describe, expect, it } from '@jest/globals';
import { MISSING_TLOG_REASON, verifyProvenanceFile } from '../../src/verify/core/index.js';
import { fixture, publicGoodTrust, rejection } from './fixtures.js';

describe('legacy DSSE envelopes', () => {
  it('rejects a genuine v1.2.2 envelope, saying the transparency-log evidence is missing', async () => {
    const err = await rejection(() =>
      verifyProvenanceFile(fixture('legacy-generic-v1.2.2.intoto.jsonl'), {
        trustMaterial: publicGoodTrust(),
        origin: 'old.intoto.jsonl'
      })
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toContain(MISSING_TLOG_REASON);
    expect(err.message).toMatch(/transparency-log evidence/);
    // The offline checks themselves pass: rejection is about the missing evidence alone.
    expect(err.message).toMatch(/DSSE signature valid, certificate chain valid/);
  });

  it('rejects the expired-certificate attack that looks perfect offline', async () => {
    const err = await rejection(() =>
      verifyProvenanceFile(fixture('legacy-expired-cert.intoto.jsonl'), {
        trustMaterial: publicGoodTrust()
      })
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toContain(MISSING_TLOG_REASON);
  });

  it('reports a broken signature on a legacy envelope too', async () => {
    const env = JSON.parse(
      fixture('legacy-generic-v1.2.2.intoto.jsonl').toString('utf8').trim()
    ) as {
      payload: string;
    };
    env.payload = Buffer.from('{"_type":"forged"}').toString('base64');
    const err = await rejection(() =>
      verifyProvenanceFile(Buffer.from(JSON.stringify(env)), { trustMaterial: publicGoodTrust() })
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(/DSSE signature INVALID/);
  });

  it('rejects a legacy envelope without a certificate', async () => {
    const env = {
      payloadType: 'application/vnd.in-toto+json',
      payload: 'e30=',
      signatures: [{ keyid: '', sig: 'AAAA' }]
    };
    const err = await rejection(() =>
      verifyProvenanceFile(Buffer.from(JSON.stringify(env)), { trustMaterial: publicGoodTrust() })
    );
    expect(err.code).toBe('VERIFY_FAILED');
    expect(err.message).toMatch(/no signing certificate/);
  });
});
