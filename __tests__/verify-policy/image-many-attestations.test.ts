// verify-image reads every attestation on the image (issue 16 item 13): junk DSSE layers pushed
// ahead of the real cosign attestation used to crowd it out of a 64-entry window. Real parts:
// Debian's docker-registry (sandbox/registry.ts) and the corpus's slsa-github-generator
// container v2.1.0 cosign attestation.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRegistry, type RunningRegistry } from '../../sandbox/registry.js';
import type { Output } from '../../src/verify/cli/report.js';
import { verifyImageCommand } from '../../src/verify/cli/verify-image.js';
import { MAX_ATTESTATIONS } from '../../src/verify/cli/oci/find-attestations.js';

const LAYOUT = fileURLToPath(
  new URL('../../__fixtures__/verify-policy/container-v2.1.0-layout', import.meta.url)
);
const IMAGE_DIGEST = 'sha256:234e2c830c2fb31ac5671789d22adfe44d30c3ee831d01beae5e237841a13122';
const ATT_MANIFEST = 'sha256:21454caf3a160dfbe6359f0501aa8401c6c0f2c7a8b71380ea21f8c4b48b64fe';
const DSSE = 'application/vnd.dsse.envelope.v1+json';

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

const layoutBlob = (digest: string) => readFileSync(join(LAYOUT, 'blobs', ...digest.split(':')));
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function upload(url: string, repository: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${url}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
  const location = new URL(start.headers.get('location') ?? '', url);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, { method: 'PUT', body: bytes });
  if (put.status !== 201) throw new Error(`upload ${digest}: ${put.status}`);
  return digest;
}

/** The real attestation manifest with `junk` bogus DSSE layers put ahead of the real one. */
async function pushWithJunk(registry: RunningRegistry, repository: string, junk: number) {
  const manifest = JSON.parse(layoutBlob(ATT_MANIFEST).toString('utf8')) as {
    config: Descriptor;
    layers: Descriptor[];
  };
  await upload(registry.url, repository, layoutBlob(manifest.config.digest));
  for (const layer of manifest.layers)
    await upload(registry.url, repository, layoutBlob(layer.digest));
  const junkLayers: Descriptor[] = [];
  for (let i = 0; i < junk; i += 1) {
    const bytes = Buffer.from(
      JSON.stringify({ payloadType: 'junk', payload: '', signatures: [{ sig: String(i) }] })
    );
    junkLayers.push({
      mediaType: DSSE,
      digest: await upload(registry.url, repository, bytes),
      size: bytes.length
    });
  }
  const body = JSON.stringify({ ...manifest, layers: [...junkLayers, ...manifest.layers] });
  const put = await fetch(
    `${registry.url}/v2/${repository}/manifests/${IMAGE_DIGEST.replace(':', '-')}.att`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
      body
    }
  );
  if (put.status !== 201) throw new Error(`manifest: ${put.status} ${await put.text()}`);
}

async function verify(image: string) {
  const sink = { err: '' };
  const out: Output = { stdout: () => undefined, stderr: (t) => void (sink.err += t) };
  const code = await verifyImageCommand(
    [image, '--source-uri', 'github.com/slsa-framework/example-package'],
    { out, dockerConfigPath: '/nonexistent/config.json' }
  );
  return { code, err: sink.err };
}

describe('verify-image with many attestation layers', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry({});
    await pushWithJunk(registry, 'acme/crowded', 80);
    await pushWithJunk(registry, 'acme/flooded', MAX_ATTESTATIONS + 1);
  }, 120_000);
  afterAll(async () => registry?.close());

  it('finds the real attestation behind 80 junk layers', async () => {
    const { code, err } = await verify(`${registry.host}/acme/crowded@${IMAGE_DIGEST}`);
    expect(err).toContain('PASSED: Verified SLSA provenance for');
    expect(code).toBe(0);
  });

  it('says so past the limit instead of verifying a subset', async () => {
    const { code, err } = await verify(`${registry.host}/acme/flooded@${IMAGE_DIGEST}`);
    expect(err).toBe(
      `FAILED: sha256-${IMAGE_DIGEST.slice(7)}.att: expected at most ${MAX_ATTESTATIONS} attestations, found ${MAX_ATTESTATIONS + 2}; the verifier does not pick some of them, so it verifies none\n`
    );
    expect(code).toBe(1);
  });
});
