// The sandbox Rekor v2 log against rekor-tiles' contract, and the action's v2 witness against the
// log's failure modes. The log id formula is checked against the real public-good log2025-1
// entry of the embedded trusted root, so the sandbox log and Sigstore's agree on it.
import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { serveService, type RunningService } from '../../sandbox/http.js';
import { leafHash, rootFromPath } from '../../sandbox/merkle.js';
import { checkpointKeyId, createRekorV2, type SandboxRekorV2 } from '../../sandbox/rekor-v2.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { resolveInstance, type SigstoreInstance } from '../../src/signing/instances.js';
import { preAuthEncoding } from '../../src/signing/rekor-v2-witness.js';
import { signStatements } from '../../src/signing/sign.js';

describe('Rekor v2 log id', () => {
  it('is the C2SP checkpoint key id, as in the public-good trusted root', () => {
    const mirror = (seeds as Record<string, { targets: Record<string, string> }>)[
      'https://tuf-repo-cdn.sigstore.dev'
    ]!;
    const root = JSON.parse(
      Buffer.from(mirror.targets['trusted_root.json']!, 'base64').toString('utf8')
    ) as {
      tlogs: { baseUrl: string; publicKey: { rawBytes: string }; logId: { keyId: string } }[];
    };
    const log = root.tlogs.find((t) => t.baseUrl === 'https://log2025-1.rekor.sigstore.dev')!;
    expect(
      checkpointKeyId(
        'log2025-1.rekor.sigstore.dev',
        Buffer.from(log.publicKey.rawBytes, 'base64')
      ).toString('base64')
    ).toBe(log.logId.keyId);
  });
});

describe('the sandbox Rekor v2 log', () => {
  let log: SandboxRekorV2;
  let server: RunningService;
  const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = signer.publicKey.export({ format: 'der', type: 'spki' });
  const post = (body: unknown) =>
    fetch(`${server.url}/api/v2/log/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
  const request = (message: Buffer, key: KeyObject = signer.privateKey, digestOf = message) => ({
    hashedRekordRequestV002: {
      digest: createHash('sha256').update(digestOf).digest('base64'),
      signature: {
        content: sign('sha256', message, key).toString('base64'),
        verifier: {
          publicKey: { rawBytes: spki.toString('base64') },
          keyDetails: 'PKIX_ECDSA_P256_SHA_256'
        }
      }
    }
  });

  beforeAll(async () => {
    log = createRekorV2(generateKeyPairSync('ed25519'));
    server = await serveService(log.service);
    log.bind(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('logs a hashedrekord 0.0.2 entry and proves it with an Ed25519-signed C2SP checkpoint', async () => {
    const pae = preAuthEncoding('application/vnd.in-toto+json', Buffer.from('{"a":1}'));
    await post(request(Buffer.from('warm-up')));
    const res = await post(request(pae));
    expect(res.status).toBe(201);
    const entry = (await res.json()) as {
      logIndex: string;
      logId: { keyId: string };
      kindVersion: { kind: string; version: string };
      inclusionProof: { treeSize: string; hashes: string[]; checkpoint: { envelope: string } };
      canonicalizedBody: string;
      inclusionPromise?: unknown;
      integratedTime?: string;
    };
    expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' });
    expect(entry.inclusionPromise).toBeUndefined();
    expect(entry.integratedTime).toBeUndefined(); // protojson leaves out the zero value
    expect(entry.logId.keyId).toBe(log.logId().toString('base64'));
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString('utf8')) as {
      spec: { hashedRekordV002: { data: { algorithm: string; digest: string } } };
    };
    expect(body.spec.hashedRekordV002.data).toEqual({
      algorithm: 'SHA2_256',
      digest: createHash('sha256').update(pae).digest('base64')
    });

    const [note, signatureLine] = entry.inclusionProof.checkpoint.envelope.split('\n\n');
    const origin = new URL(server.url).hostname;
    const [, size, rootB64] = note!.split('\n');
    expect(note!.split('\n')[0]).toBe(origin);
    const match = /^\u2014 (\S+) (\S+)\n$/.exec(`${signatureLine!}`);
    expect(match?.[1]).toBe(origin);
    const sigBytes = Buffer.from(match![2]!, 'base64');
    expect(sigBytes.subarray(0, 4).equals(log.logId().subarray(0, 4))).toBe(true);
    expect(
      verify(
        null,
        Buffer.from(`${note!}\n`),
        { key: log.publicKey, format: 'der', type: 'spki' },
        sigBytes.subarray(4)
      )
    ).toBe(true);
    const root = rootFromPath(
      Number(entry.logIndex),
      Number(size),
      leafHash(Buffer.from(entry.canonicalizedBody, 'base64')),
      entry.inclusionProof.hashes.map((h) => Buffer.from(h, 'base64'))
    );
    expect(root.toString('base64')).toBe(rootB64);
  });

  it('refuses what rekor-tiles refuses', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const cases: [unknown, number, string][] = [
      [
        { dsseRequestV002: { envelope: {}, verifiers: [] } },
        400,
        'invalid type, must be hashedrekord'
      ],
      [request(Buffer.from('m'), other.privateKey), 400, 'invalid signature'],
      [request(Buffer.from('m'), signer.privateKey, Buffer.from('n')), 400, 'invalid signature'],
      [
        {
          hashedRekordRequestV002: {
            ...request(Buffer.from('m')).hashedRekordRequestV002,
            digest: 'AAAA'
          }
        },
        400,
        'digest length (3) does not match expected size (32)'
      ],
      ['not json', 400, 'invalid type'],
      [
        {
          hashedRekordRequestV002: {
            ...request(Buffer.from('m')).hashedRekordRequestV002,
            signature: { content: 'AAAA' }
          }
        },
        400,
        'missing verifier'
      ]
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { message: string }).message).toContain(message);
    }
  });

  it('answers a duplicate with 409 and does not log it twice', async () => {
    const body = request(Buffer.from('same'));
    expect((await post(body)).status).toBe(201);
    const size = log.size();
    expect((await post(body)).status).toBe(409);
    expect(log.size()).toBe(size);
  });
});

describe('the Rekor v2 witness against a failing or lying log', () => {
  let sandbox: Sandbox;
  let proxy: Server;
  let proxyUrl: string;
  let mode: { failFirst: number; rewriteDigest: boolean; status?: number } = {
    failFirst: 0,
    rewriteDigest: false
  };
  let requests = 0;
  const getToken = async () => sandbox.mintToken({ audience: 'sigstore' });
  const statement = Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [],
      predicateType: 'x',
      predicate: {}
    })
  );
  const instance = (): SigstoreInstance =>
    resolveInstance({
      instance: 'custom',
      fulcioUrl: sandbox.urls.fulcio,
      rekorUrl: proxyUrl,
      tsaUrl: sandbox.urls.tsa,
      repositoryIsPrivate: false,
      allowPublicLogForPrivate: false,
      rekorVersion: '2'
    });

  beforeAll(async () => {
    sandbox = await startSandbox();
    // A pass-through to the sandbox v2 log that can fail or falsify answers.
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          requests++;
          if (mode.failFirst > 0) {
            mode.failFirst--;
            res.writeHead(mode.status ?? 503, {
              'content-type': 'application/json',
              'retry-after': '0'
            });
            res.end('{"code":14,"message":"unavailable"}');
            return;
          }
          const upstream = await fetch(`${sandbox.urls.rekorV2}${req.url ?? ''}`, {
            method: req.method,
            headers: { 'content-type': 'application/json' },
            body: Buffer.concat(chunks)
          });
          let text = await upstream.text();
          if (mode.rewriteDigest) {
            const entry = JSON.parse(text) as { canonicalizedBody: string };
            const body = JSON.parse(
              Buffer.from(entry.canonicalizedBody, 'base64').toString('utf8')
            ) as {
              spec: { hashedRekordV002: { data: { digest: string } } };
            };
            body.spec.hashedRekordV002.data.digest = Buffer.alloc(32, 1).toString('base64');
            entry.canonicalizedBody = Buffer.from(JSON.stringify(body)).toString('base64');
            text = JSON.stringify(entry);
          }
          res.writeHead(upstream.status, { 'content-type': 'application/json' });
          res.end(text);
        })();
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await sandbox.close();
  });

  it('retries a 503 and then logs the entry', async () => {
    mode = { failFirst: 2, rewriteDigest: false };
    requests = 0;
    const before = sandbox.rekorV2Size();
    const [bundle] = await signStatements([statement], {
      instance: instance(),
      getToken,
      retries: 3
    });
    expect(requests).toBe(3);
    expect(sandbox.rekorV2Size()).toBe(before + 1);
    expect(bundle!.verificationMaterial.tlogEntries[0]!.kindVersion?.version).toBe('0.0.2');
  });

  it('names the log and the status in one line when it refuses, without retrying a 400', async () => {
    mode = { failFirst: 1, rewriteDigest: false, status: 400 };
    requests = 0;
    const failure = signStatements([statement], { instance: instance(), getToken, retries: 3 });
    await expect(failure).rejects.toThrow(`Rekor v2 (${proxyUrl}/api/v2/log/entries): HTTP 400`);
    expect(requests).toBe(1);
  });

  it('refuses an answer that logs something other than what was sent', async () => {
    mode = { failFirst: 0, rewriteDigest: true };
    await expect(
      signStatements([statement], { instance: instance(), getToken, retries: 0 })
    ).rejects.toThrow('the logged entry is not the one submitted');
  });
});
