// Signature checks from a digest alone (artifact given as sha256:<hex>).
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { verifyDigestSignature } from '../../src/verify/core/digest-signature.js';

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('verifyDigestSignature', () => {
  it('accepts ECDSA P-256 signatures over the digest and rejects any other message', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        (msg, other) => {
          const sig = sign('sha256', msg, p256.privateKey);
          const good = createHash('sha256').update(msg).digest();
          expect(verifyDigestSignature(p256.publicKey, 'sha256', good, sig)).toEqual({ ok: true });
          const bad = createHash('sha256')
            .update(Buffer.concat([msg, other]))
            .digest();
          expect(verifyDigestSignature(p256.publicKey, 'sha256', bad, sig).ok).toBe(false);
        }
      ),
      { numRuns: 5 }
    );
  });

  it('accepts ECDSA P-384 and RSA PKCS#1 v1.5', () => {
    const msg = Buffer.from('artifact');
    const d256 = createHash('sha256').update(msg).digest();
    const d384 = createHash('sha384').update(msg).digest();
    expect(
      verifyDigestSignature(p384.publicKey, 'sha384', d384, sign('sha384', msg, p384.privateKey))
    ).toEqual({ ok: true });
    expect(
      verifyDigestSignature(rsa.publicKey, 'sha256', d256, sign('sha256', msg, rsa.privateKey))
    ).toEqual({ ok: true });
    expect(
      verifyDigestSignature(
        rsa.publicKey,
        'sha256',
        d384.subarray(0, 32),
        sign('sha256', msg, rsa.privateKey)
      ).ok
    ).toBe(false);
  });

  it('rejects malformed DER and out-of-range signature values', () => {
    const d = createHash('sha256').update('x').digest();
    for (const sig of [
      Buffer.alloc(0),
      Buffer.from('3000', 'hex'),
      Buffer.from('300602010002010', 'hex'),
      Buffer.from('3006020100020100', 'hex')
    ]) {
      expect(verifyDigestSignature(p256.publicKey, 'sha256', d, sig).ok).toBe(false);
    }
  });

  it('says why an Ed25519 signature cannot be checked from a digest', () => {
    const ed = generateKeyPairSync('ed25519');
    const result = verifyDigestSignature(
      ed.publicKey,
      'sha256',
      Buffer.alloc(32),
      Buffer.alloc(64)
    );
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/cannot be checked from a digest/)
    });
  });
});
