// The OCI referrers path of verify-image: a Sigstore bundle attached as a referrer artifact,
// found through the referrers API or its `sha256-<hex>` tag-schema fallback. A fake fetch
// plays the registry (in-memory content-addressed store); the bundle is the real
// slsa-github-generator generic v2.1.0 bundle, verified by the real core.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyImageCommand } from '../../src/verify/cli/verify-image.js';

const BUNDLE = readFileSync(
  fileURLToPath(
    new URL(
      '../../__fixtures__/verify-policy/generic-v2.1.0-push-v14.2.intoto.jsonl',
      import.meta.url
    )
  )
);
// Stands in for the image digest: the generic bundle's only subject.
const SUBJECT = 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa';
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

const sha256 = (bytes: Buffer | string) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function fakeRegistry(options: { referrersApi: boolean }) {
  const blobs = new Map<string, Buffer>();
  const put = (bytes: Buffer | string) => {
    const buffer = Buffer.from(bytes);
    blobs.set(sha256(buffer), buffer);
    return { digest: sha256(buffer), size: buffer.length };
  };
  const bundle = put(BUNDLE.toString('utf8').trim());
  const config = put('{}');
  const manifest = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: BUNDLE_TYPE,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', ...config },
      layers: [{ mediaType: BUNDLE_TYPE, ...bundle }],
      subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: SUBJECT, size: 1 }
    })
  );
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: BUNDLE_TYPE,
        ...manifest
      }
    ]
  });
  const requests: string[] = [];
  const fetchFake: typeof fetch = async (input) => {
    const path = new URL(String(input)).pathname;
    requests.push(path);
    const json = { 'content-type': 'application/vnd.oci.image.index.v1+json' };
    if (path.endsWith(`/referrers/${SUBJECT}`))
      return options.referrersApi
        ? new Response(index, { status: 200, headers: json })
        : new Response('', { status: 404 });
    if (path.endsWith(`/manifests/${SUBJECT.replace(':', '-')}`) && !options.referrersApi)
      return new Response(index, { status: 200, headers: json });
    const digest = /\/(?:manifests|blobs)\/(sha256:[0-9a-f]{64})$/.exec(path)?.[1];
    const body = digest ? blobs.get(digest) : undefined;
    return body ? new Response(body, { status: 200 }) : new Response('', { status: 404 });
  };
  return { fetchFake, requests };
}

async function run(referrersApi: boolean, flags: string[]) {
  const registry = fakeRegistry({ referrersApi });
  const sink = {
    out: '',
    err: '',
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t)
  };
  const code = await verifyImageCommand([`registry.example/acme/app@${SUBJECT}`, ...flags], {
    out: sink,
    fetch: registry.fetchFake,
    dockerConfigPath: '/nonexistent/config.json'
  });
  return { code, err: sink.err, requests: registry.requests };
}

// The bundle is slsa-github-generator's generic provenance; verify-image trusts only the
// container builders by default (slsa-verifier builder.go defaultContainerTrustedReusableWorkflows),
// so these name the generic generator with --builder-id.
const GENERIC_BUILDER = [
  '--builder-id',
  'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml'
];

describe('verify-image through OCI referrers', () => {
  it('does not trust an artifact builder for an image by default', async () => {
    const { code, err } = await run(true, [
      '--source-uri',
      'github.com/slsa-framework/example-package'
    ]);
    expect(err).toMatch(
      /^FAILED: builder: expected one of the trusted builders .*generator_container_slsa3\.yml .*untrusted reusable workflow/
    );
    expect(code).toBe(1);
  });

  it('verifies a bundle found with the referrers API (https for non-loopback registries)', async () => {
    const { code, err, requests } = await run(true, [
      '--source-uri',
      'github.com/slsa-framework/example-package',
      '--source-tag',
      'v14.2',
      ...GENERIC_BUILDER
    ]);
    expect(err).toContain('PASSED: Verified SLSA provenance for');
    expect(code).toBe(0);
    expect(requests).toContain(`/v2/acme/app/referrers/${SUBJECT}`);
  });

  it('falls back to the sha256-<hex> tag when the registry has no referrers API', async () => {
    const { code, requests } = await run(false, [
      '--source-uri',
      'github.com/slsa-framework/example-package',
      ...GENERIC_BUILDER
    ]);
    expect(code).toBe(0);
    expect(requests).toContain(`/v2/acme/app/manifests/${SUBJECT.replace(':', '-')}`);
  });

  it('applies the policy to referrer bundles too', async () => {
    const { code, err } = await run(true, [
      '--source-uri',
      'github.com/acme/app',
      ...GENERIC_BUILDER
    ]);
    expect(err).toBe(
      'FAILED: source repository: expected github.com/acme/app, found github.com/slsa-framework/example-package\n'
    );
    expect(code).toBe(1);
  });
});
