// The sandbox Fulcio's controls, each shown to bite: a token must be signed by the trusted
// issuer's key, carry the sigstore audience and be unexpired, and the caller must prove
// possession of the key it wants certified.
import { generateKeyPairSync, sign, webcrypto } from 'node:crypto';
import 'reflect-metadata';
import x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, signIssuerJwt, signJwt, jwkThumbprint } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

function certificateRequest(
  token: string,
  options: { popKey?: 'same' | 'other'; popSubject?: string } = {}
) {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const subject = options.popSubject ?? (decodeJwt(token).claims.sub as string);
  const popKey = options.popKey === 'other' ? other.privateKey : key.privateKey;
  return {
    credentials: { oidcIdentityToken: token },
    publicKeyRequest: {
      publicKey: {
        algorithm: 'ECDSA',
        content: key.publicKey.export({ format: 'pem', type: 'spki' })
      },
      proofOfPossession: sign('sha256', Buffer.from(subject), popKey).toString('base64')
    }
  };
}

describe('sandbox Fulcio', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const post = async (body: unknown) => {
    const res = await fetch(`${sandbox.urls.fulcio}/api/v2/signingCert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    return {
      status: res.status,
      body: (await res.json()) as { message?: string; signedCertificateEmbeddedSct?: unknown }
    };
  };

  it('issues a certificate chain for a good token and proof of possession', async () => {
    const answer = await post(certificateRequest(sandbox.mintToken({ audience: 'sigstore' })));
    expect(answer.status).toBe(201);
    expect(answer.body.signedCertificateEmbeddedSct).toBeDefined();
  });

  it('refuses a token with the right claims signed by another key', async () => {
    const genuine = decodeJwt(sandbox.mintToken({ audience: 'sigstore' }));
    // An RS256 key like the issuer's, under the issuer's kid: only the signature tells them apart.
    const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = signIssuerJwt(genuine.claims, {
      alg: 'RS256',
      ...impostor,
      kid: genuine.header.kid ?? ''
    });
    const answer = await post(certificateRequest(forged));
    expect(answer.status).toBe(401);
    expect(answer.body.message).toMatch(/signature does not verify/);
    // Under its own kid a forged key is simply unknown to the issuer.
    const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const unknownKid = signJwt(
      genuine.claims,
      attacker.privateKey,
      jwkThumbprint(attacker.publicKey)
    );
    expect((await post(certificateRequest(unknownKid))).body.message).toMatch(
      /not in the issuer's JWKS/
    );
  });

  it('refuses a proof of possession made with another key or over another subject', async () => {
    const token = sandbox.mintToken({ audience: 'sigstore' });
    const otherKey = await post(certificateRequest(token, { popKey: 'other' }));
    expect(otherKey.status).toBe(400);
    expect(otherKey.body.message).toMatch(/proof of possession/);
    const otherSubject = await post(
      certificateRequest(token, { popSubject: 'repo:evil/evil:ref:refs/heads/main' })
    );
    expect(otherSubject.status).toBe(400);
  });

  it('refuses tokens for another audience, expired tokens and foreign issuers', async () => {
    const wrongAudience = await post(certificateRequest(sandbox.mintToken()));
    expect(wrongAudience.status).toBe(401);
    expect(wrongAudience.body.message).toMatch(/audience must include sigstore/);

    const expired = await post(
      certificateRequest(sandbox.mintToken({ audience: 'sigstore', lifetimeSeconds: -600 }))
    );
    expect(expired.body.message).toMatch(/expired/);

    const foreign = await post(
      certificateRequest(
        sandbox.mintToken({
          audience: 'sigstore',
          claims: { iss: 'https://token.actions.githubusercontent.com' }
        })
      )
    );
    expect(foreign.status).toBe(401);
    expect(foreign.body.message).toMatch(/not trusted/);
  });

  it('refuses a GitHub token without the workflow identity claims', async () => {
    const answer = await post(
      certificateRequest(
        sandbox.mintToken({ audience: 'sigstore', claims: { job_workflow_ref: undefined } })
      )
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/job_workflow_ref/);
  });

  it('refuses malformed requests with the reason', async () => {
    expect((await post({})).body.message).toMatch(/oidcIdentityToken is missing/);
    expect((await post({ credentials: { oidcIdentityToken: 'a.b' } })).body.message).toMatch(
      /expected publicKeyRequest or certificateSigningRequest/
    );
  });

  it('accepts a self-signed CSR as proof of possession and refuses a tampered one', async () => {
    const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify'
    ])) as webcrypto.CryptoKeyPair;
    const csr = await x509.Pkcs10CertificateRequestGenerator.create(
      { name: 'CN=sandbox', keys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } },
      webcrypto as unknown as Parameters<typeof x509.Pkcs10CertificateRequestGenerator.create>[1]
    );
    const token = sandbox.mintToken({ audience: 'sigstore' });
    const asRequest = (der: Buffer) => ({
      credentials: { oidcIdentityToken: token },
      certificateSigningRequest: Buffer.from(
        `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`
      ).toString('base64')
    });
    const der = Buffer.from(csr.rawData);
    expect((await post(asRequest(der))).status).toBe(201);
    const tampered = Buffer.from(der);
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0xff;
    const refused = await post(asRequest(tampered));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/CSR signature/);
  });
});
