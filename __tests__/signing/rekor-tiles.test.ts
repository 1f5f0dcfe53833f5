// The action's Rekor v2 witness against Sigstore's own Rekor v2 server: rekor-tiles' POSIX
// backend (github.com/sigstore/rekor-tiles/v2 cmd/rekor-server/posix), which needs no cloud
// storage. The sandbox's Fulcio and TSA sign and timestamp; rekor-tiles logs; the bundle must
// verify with @sigstore/verify and our CLI core against a trusted root listing the server's key.
// Runs when a built server is given (REKOR_TILES_BIN, or .peers/bin/rekor-server-posix or
// .peers/bin/posix); otherwise the test says it was skipped. Built here with
//   GOTOOLCHAIN=go1.27.3 go install github.com/sigstore/rekor-tiles/v2/cmd/rekor-server/posix@v2.3.0
// (v2.4.x needs github.com/sigstore/fulcio v1.9.1, which the module proxy here does not serve).
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../../sandbox/registry.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleFromJSON, bundleToJSON, type Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { checkpointKeyId } from '../../sandbox/rekor-v2.js';
import { resolveInstance } from '../../src/signing/instances.js';
import { signStatements } from '../../src/signing/sign.js';
import { loadTrust } from '../../src/verify/cli/core-bridge.js';
import { verifyProvenanceFile } from '../../src/verify/core/index.js';

function tilesBinary(): string | undefined {
  const candidates = [
    process.env.REKOR_TILES_BIN,
    resolve(import.meta.dirname, '..', '..', '.peers', 'bin', 'rekor-server-posix'),
    // `go install …/cmd/rekor-server/posix@v2.3.0` names the binary after its folder
    resolve(import.meta.dirname, '..', '..', '.peers', 'bin', 'posix')
  ].filter((p): p is string => Boolean(p));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not built here
    }
  }
  return undefined;
}

const TILES = tilesBinary();

async function waitHealthy(url: string, child: ChildProcess, log: string[]): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null)
      throw new Error(`rekor-tiles exited (${child.exitCode}): ${log.join('').slice(-2000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`rekor-tiles did not become healthy: ${log.join('').slice(-2000)}`);
}

(TILES ? describe : describe.skip)('signing into Sigstore’s rekor-tiles (POSIX backend)', () => {
  let sandbox: Sandbox;
  let tiles: ChildProcess;
  let dir: string;
  let url: string;
  let trustedRoot: Record<string, unknown> & { tlogs: unknown[] };
  let bundle: Bundle;
  const log: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = mkdtempSync(join(tmpdir(), 'rekor-tiles-'));
    const key = generateKeyPairSync('ed25519');
    writeFileSync(
      join(dir, 'key.pem'),
      key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    );
    const [http, grpc, metrics] = [await freePort(), await freePort(), await freePort()];
    url = `http://127.0.0.1:${http}`;
    tiles = spawn(
      TILES!,
      [
        'serve',
        '--http-address=127.0.0.1',
        `--http-port=${http}`,
        '--grpc-address=127.0.0.1',
        `--grpc-port=${grpc}`,
        `--http-metrics-port=${metrics}`,
        '--hostname=127.0.0.1',
        `--storage-dir=${join(dir, 'log')}`,
        `--signer-filepath=${join(dir, 'key.pem')}`,
        '--checkpoint-interval=500ms'
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    );
    tiles.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
    tiles.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
    await waitHealthy(url, tiles, log);

    const spki = key.publicKey.export({ format: 'der', type: 'spki' });
    trustedRoot = structuredClone(sandbox.trustedRoot) as unknown as typeof trustedRoot;
    trustedRoot.tlogs.push({
      baseUrl: url,
      hashAlgorithm: 'SHA2_256',
      publicKey: {
        rawBytes: spki.toString('base64'),
        keyDetails: 'PKIX_ED25519',
        validFor: { start: new Date(Date.now() - 60_000).toISOString() }
      },
      logId: { keyId: checkpointKeyId('127.0.0.1', spki).toString('base64') }
    });
    writeFileSync(join(dir, 'trusted_root.json'), JSON.stringify(trustedRoot));

    const instance = resolveInstance({
      instance: 'custom',
      fulcioUrl: sandbox.urls.fulcio,
      rekorUrl: url,
      tsaUrl: sandbox.urls.tsa,
      repositoryIsPrivate: false,
      allowPublicLogForPrivate: false,
      rekorVersion: '2'
    });
    const statement = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'a', digest: { sha256: 'a'.repeat(64) } }],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: { buildDefinition: { buildType: 'https://example.com/t' }, runDetails: {} }
      })
    );
    [bundle] = (await signStatements([statement], {
      instance,
      getToken: async () => sandbox.mintToken({ audience: 'sigstore' })
    })) as [Bundle];
  }, 120_000);

  afterAll(async () => {
    tiles?.kill('SIGTERM');
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs our hashedrekord request and its entry carries a checkpoint, no SET', () => {
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' });
    expect(entry.inclusionPromise).toBeUndefined();
    expect(entry.inclusionProof?.checkpoint?.envelope).toMatch(/^127\.0\.0\.1\n/);
  });

  it('answers as the sandbox Rekor v2 log does (the stand-in is checked against the real one)', async () => {
    const real = bundleToJSON(bundle).verificationMaterial!.tlogEntries[0]! as unknown as Record<
      string,
      unknown
    > & { canonicalizedBody: string; inclusionProof: Record<string, unknown> };
    const body = JSON.parse(Buffer.from(real.canonicalizedBody, 'base64').toString('utf8')) as {
      spec: { hashedRekordV002: { data: { digest: string }; signature: unknown } };
    };
    // The same request, sent to the sandbox's log (a fresh one: also its entry 0).
    const res = await fetch(`${sandbox.urls.rekorV2}/api/v2/log/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        hashedRekordRequestV002: {
          digest: body.spec.hashedRekordV002.data.digest,
          signature: body.spec.hashedRekordV002.signature
        }
      })
    });
    expect(res.status).toBe(201);
    const ours = (await res.json()) as typeof real;
    expect(ours.canonicalizedBody).toBe(real.canonicalizedBody);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(ours.inclusionProof).sort()).toEqual(
      Object.keys(real.inclusionProof).sort()
    );
  });

  it('verifies with @sigstore/verify and with our CLI core', async () => {
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(trustedRoot)), {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1
    });
    const json = JSON.parse(JSON.stringify(bundleToJSON(bundle))) as Record<string, unknown>;
    expect(() => verifier.verify(toSignedEntity(bundleFromJSON(json)))).not.toThrow();
    const trust = await loadTrust(join(dir, 'trusted_root.json'));
    const result = await verifyProvenanceFile(Buffer.from(`${JSON.stringify(json)}\n`), {
      trustMaterial: trust
    });
    expect(result.verified).toHaveLength(1);
  });
});
