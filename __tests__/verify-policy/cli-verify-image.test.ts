// verify-image against real attestations: the corpus's slsa-github-generator container v2.1.0
// cosign attestation, served (a) by a loopback OCI-layout registry with bearer-token auth and
// (b) by Debian's docker-registry (distribution 2.8) behind htpasswd basic auth.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveOciLayout, type LayoutRegistry } from '../../scripts/corpus/oci-layout-registry.js';
import { startRegistry, type RunningRegistry } from '../../sandbox/registry.js';
import type { Output } from '../../src/verify/cli/report.js';
import {
  verifyImageCommand,
  type VerifyImageDependencies
} from '../../src/verify/cli/verify-image.js';
import { pushCosignAttestation } from './push-attestation.js';

const LAYOUT = fileURLToPath(
  new URL('../../__fixtures__/verify-policy/container-v2.1.0-layout', import.meta.url)
);
const IMAGE_DIGEST = 'sha256:234e2c830c2fb31ac5671789d22adfe44d30c3ee831d01beae5e237841a13122';
const ATT_MANIFEST = 'sha256:21454caf3a160dfbe6359f0501aa8401c6c0f2c7a8b71380ea21f8c4b48b64fe';
const SOURCE = ['--source-uri', 'github.com/slsa-framework/example-package'];
const NO_DOCKER_CONFIG = '/nonexistent/docker/config.json';

function dockerConfig(host: string, username: string, password: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-image-docker-'));
  const path = join(dir, 'config.json');
  writeFileSync(
    path,
    JSON.stringify({
      auths: { [host]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } }
    })
  );
  return path;
}

async function run(argv: string[], deps: Omit<VerifyImageDependencies, 'out'> = {}) {
  const sink = {
    out: '',
    err: '',
    stdout: (t: string) => void (sink.out += t),
    stderr: (t: string) => void (sink.err += t)
  } satisfies Output & { out: string; err: string };
  const code = await verifyImageCommand(argv, {
    dockerConfigPath: NO_DOCKER_CONFIG,
    ...deps,
    out: sink
  });
  return { code, out: sink.out, err: sink.err };
}

describe('verify-image against an OCI layout registry with bearer auth', () => {
  let registry: LayoutRegistry;
  let config: string;
  beforeAll(async () => {
    registry = await serveOciLayout(LAYOUT, {
      credentials: { username: 'reader', password: 's3cret' }
    });
    config = dockerConfig(registry.host, 'reader', 's3cret');
  });
  afterAll(async () => registry.close());

  it('verifies the cosign attestation, with credentials from the docker config', async () => {
    const { code, err, out } = await run(
      [
        `${registry.host}/slsa-framework/example-package@${IMAGE_DIGEST}`,
        ...SOURCE,
        '--source-branch',
        'main',
        '--json'
      ],
      { dockerConfigPath: config }
    );
    expect(err).toContain('PASSED: Verified SLSA provenance for');
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      builderId: string;
      envelope: { format: string };
      subjects: { digest: string }[];
    };
    expect(report.builderId).toBe(
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v2.1.0'
    );
    expect(report.envelope.format).toBe('cosign-layout');
    expect(report.subjects[0]?.digest).toBe(IMAGE_DIGEST);
    expect(registry.requests).toContain(
      `GET /v2/slsa-framework/example-package/manifests/${IMAGE_DIGEST.replace(':', '-')}.att`
    );
  });

  it('fails without credentials for a registry that requires them', async () => {
    const { code, err } = await run([
      `${registry.host}/slsa-framework/example-package@${IMAGE_DIGEST}`,
      ...SOURCE
    ]);
    expect(err).toMatch(
      /^FAILED: registry http:\/\/127\.0\.0\.1:\d+: token http:\/\/127\.0\.0\.1:\d+: expected 200, found 401/
    );
    expect(code).toBe(1);
  });

  it.each([
    [
      ['--source-uri', 'github.com/slsa-framework/example-packageA'],
      'FAILED: source repository: expected github.com/slsa-framework/example-packageA, found github.com/slsa-framework/example-package'
    ],
    [
      [...SOURCE, '--source-branch', 'master'],
      'FAILED: source branch: expected refs/heads/master, found refs/heads/main'
    ],
    [
      [
        ...SOURCE,
        '--builder-id',
        'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/not-trusted.yml'
      ],
      'FAILED: builder: expected https://github.com/slsa-framework/slsa-github-generator/.github/workflows/not-trusted.yml, found https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v2.1.0'
    ]
  ])('fails the policy %j', async (flags, message) => {
    const { code, err } = await run(
      [`${registry.host}/slsa-framework/example-package@${IMAGE_DIGEST}`, ...flags],
      { dockerConfigPath: config }
    );
    expect(err).toBe(`${message}\n`);
    expect(code).toBe(1);
  });

  it('fails for an image without attestations', async () => {
    const other = `sha256:${'0'.repeat(64)}`;
    const { code, err } = await run(
      [`${registry.host}/slsa-framework/example-package@${other}`, ...SOURCE],
      { dockerConfigPath: config }
    );
    expect(err).toBe(
      `FAILED: image ${other}: expected a provenance attestation (cosign 000000000000….att or OCI referrer), found none\n`
    );
    expect(code).toBe(1);
  });

  it('refuses an attestation layer whose bytes do not match its digest', async () => {
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/blobs/sha256:e163b4')) return response;
      const bytes = Buffer.from(await response.arrayBuffer());
      const at = bytes.length - 10;
      bytes.writeUInt8((bytes.readUInt8(at) ^ 1) & 0xff, at);
      return new Response(bytes, { status: 200, headers: response.headers });
    };
    const { code, err } = await run(
      [`${registry.host}/slsa-framework/example-package@${IMAGE_DIGEST}`, ...SOURCE],
      { dockerConfigPath: config, fetch: tampering }
    );
    expect(err).toMatch(
      /^FAILED: blob sha256:e163b4.*: expected content with digest sha256:e163b4.*, found sha256:/
    );
    expect(code).toBe(1);
  });

  it('requires a digest reference', async () => {
    const { code, err } = await run([
      `${registry.host}/slsa-framework/example-package:latest`,
      ...SOURCE
    ]);
    expect(err).toMatch(/^FAILED: image: expected IMAGE@sha256:<64 hex>/);
    expect(code).toBe(1);
  });
});

describe("verify-image against Debian's docker-registry with htpasswd basic auth", () => {
  let registry: RunningRegistry;
  const auth = { username: 'pusher', password: 'pa55word' };
  beforeAll(async () => {
    registry = await startRegistry({ auth });
    await pushCosignAttestation({
      registryUrl: registry.url,
      repository: 'acme/app',
      layoutDir: LAYOUT,
      manifestDigest: ATT_MANIFEST,
      tag: `${IMAGE_DIGEST.replace(':', '-')}.att`,
      authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
    });
  }, 30_000);
  afterAll(async () => registry?.close());

  it('finds and verifies the cosign attestation (no referrers API: falls back cleanly)', async () => {
    const { code, err } = await run(
      [`${registry.host}/acme/app@${IMAGE_DIGEST}`, ...SOURCE, '--source-branch', 'main'],
      { dockerConfigPath: dockerConfig(registry.host, auth.username, auth.password) }
    );
    expect(err).toContain('PASSED: Verified SLSA provenance for');
    expect(code).toBe(0);
  });

  it('fails with wrong credentials', async () => {
    const { code, err } = await run([`${registry.host}/acme/app@${IMAGE_DIGEST}`, ...SOURCE], {
      dockerConfigPath: dockerConfig(registry.host, auth.username, 'wrong')
    });
    expect(err).toMatch(
      /^FAILED: registry http:\/\/127\.0\.0\.1:\d+: GET .*: expected 200, found 401/
    );
    expect(code).toBe(1);
  });
});
