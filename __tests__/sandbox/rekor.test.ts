import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { inclusionPath, leafHash, rootFromPath, rootHash } from '../../sandbox/merkle.js';
import { signStatement, statement, tokenFrom, verifyBundle } from './helpers.js';

function pae(type: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
}

function proposedDsse(options: { tamper?: boolean } = {}) {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const payload = statement();
  const type = 'application/vnd.in-toto+json';
  const sig = sign('sha256', pae(type, payload), key.privateKey);
  const signed = options.tamper ? statement('other.tar.gz') : payload;
  const envelope = {
    payloadType: type,
    payload: signed.toString('base64'),
    signatures: [{ keyid: '', sig: sig.toString('base64') }]
  };
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      proposedContent: {
        envelope: JSON.stringify(envelope),
        verifiers: [
          Buffer.from(key.publicKey.export({ format: 'pem', type: 'spki' })).toString('base64')
        ]
      }
    }
  };
}

describe('sandbox Rekor', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });
  const post = (body: unknown) =>
    fetch(`${sandbox.urls.rekor}/api/v1/log/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });

  it('stores the canonical dsse body and answers a duplicate with 409 + Location', async () => {
    const entry = proposedDsse();
    const created = await post(entry);
    expect(created.status).toBe(201);
    const [uuid, stored] = Object.entries(
      (await created.json()) as Record<string, { body: string }>
    )[0] as [string, { body: string }];
    const body = JSON.parse(Buffer.from(stored.body, 'base64').toString()) as {
      spec: Record<string, unknown>;
    };
    expect(Object.keys(body.spec).sort()).toEqual(['envelopeHash', 'payloadHash', 'signatures']);

    const again = await post(entry);
    expect(again.status).toBe(409);
    expect(again.headers.get('location')).toBe(`/api/v1/log/entries/${uuid}`);
    const fetched = await fetch(`${sandbox.urls.rekor}${again.headers.get('location')}`);
    expect(Object.keys((await fetched.json()) as object)).toEqual([uuid]);
  });

  it('refuses an envelope whose signature does not cover its payload', async () => {
    const res = await post(proposedDsse({ tamper: true }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/does not verify/);
  });

  it('refuses entry kinds it does not implement, naming them', async () => {
    const res = await post({ kind: 'hashedrekord', apiVersion: '0.0.1', spec: {} });
    expect(((await res.json()) as { message: string }).message).toMatch(/found kind hashedrekord/);
  });

  it('gives inclusion proofs that verify as the log grows', async () => {
    const bundles = [];
    for (let i = 0; i < 3; i++) bundles.push(await signStatement(sandbox, tokenFrom(sandbox)));
    for (const bundle of bundles) expect(() => verifyBundle(sandbox, bundle, {})).not.toThrow();
    const last = bundles[2]?.verificationMaterial.tlogEntries[0];
    expect(Number(last?.inclusionProof?.treeSize)).toBe(sandbox.rekorSize());
    expect(last?.inclusionProof?.hashes.length).toBeGreaterThan(0);
  });
});

describe('RFC 6962 tree', () => {
  it('audit paths lead back to the root for every leaf of trees up to 20 leaves', () => {
    const leaves = Array.from({ length: 20 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
    for (let size = 1; size <= leaves.length; size++) {
      const tree = leaves.slice(0, size);
      const root = rootHash(tree);
      for (let i = 0; i < size; i++)
        expect(rootFromPath(i, size, tree[i] as Buffer, inclusionPath(i, tree)).equals(root)).toBe(
          true
        );
    }
  });

  it('a path for another leaf does not lead to the root', () => {
    const leaves = Array.from({ length: 7 }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
    expect(
      rootFromPath(2, 7, leaves[3] as Buffer, inclusionPath(2, leaves)).equals(rootHash(leaves))
    ).toBe(false);
  });
});
