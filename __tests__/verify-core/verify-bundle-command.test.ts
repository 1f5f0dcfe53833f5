// The sigstore-conformance client protocol, in-process, on fixtures; and the full conformance
// suite from ../shared/corpus when it is present.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseVerifyBundleArgs, verifyBundleCommand } from '../../src/verify/cli/verify-bundle.js';
import { fixture, fixturePath } from './fixtures.js';

const IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await verifyBundleCommand(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

const A_TXT_DIGEST = () =>
  `sha256:${createHash('sha256').update(fixture('conformance-a.txt')).digest('hex')}`;

describe('verify-bundle', () => {
  for (const version of ['v0.1', 'v0.2', 'v0.3']) {
    it(`passes the ${version} happy path with the file and with sha256:HEX`, async () => {
      const common = [
        '--bundle',
        fixturePath(`conformance-happy-path-${version}.sigstore.json`),
        '--certificate-identity',
        IDENTITY,
        '--certificate-oidc-issuer',
        ISSUER
      ];
      const byFile = await run([...common, fixturePath('conformance-a.txt')]);
      expect(byFile).toEqual({ code: 0, out: expect.stringMatching(/^PASSED: /) });
      expect((await run([...common, A_TXT_DIGEST()])).code).toBe(0);
    });
  }

  it('verifies a Rekor v2 entry with an RFC 3161 timestamp under its own trusted root', async () => {
    const result = await run([
      '--bundle',
      fixturePath('conformance-rekor2-happy-path.sigstore.json'),
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      fixturePath('conformance-rekor2-trusted-root.json'),
      A_TXT_DIGEST()
    ]);
    expect(result.code).toBe(0);
  });

  it('fails on a wrong identity, a wrong issuer, or another artifact', async () => {
    const bundle = ['--bundle', fixturePath('conformance-happy-path-v0.3.sigstore.json')];
    const wrongId = await run([
      ...bundle,
      '--certificate-identity',
      IDENTITY + 'x',
      '--certificate-oidc-issuer',
      ISSUER,
      A_TXT_DIGEST()
    ]);
    expect(wrongId).toEqual({
      code: 1,
      out: expect.stringMatching(/^FAILED: .*certificate identity mismatch/)
    });
    const wrongIssuer = await run([
      ...bundle,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      'https://accounts.google.com',
      A_TXT_DIGEST()
    ]);
    expect(wrongIssuer.out).toMatch(/OIDC issuer mismatch/);
    const otherDigest = `sha256:${'0'.repeat(64)}`;
    const wrongArtifact = await run([
      ...bundle,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
      otherDigest
    ]);
    expect(wrongArtifact.out).toMatch(/artifact digest mismatch/);
  });

  it('rejects a certificate bundle when --key is given', async () => {
    const result = await run([
      '--bundle',
      fixturePath('conformance-happy-path-v0.3.sigstore.json'),
      '--key',
      fixturePath('conformance-a.txt'),
      A_TXT_DIGEST()
    ]);
    expect(result.code).not.toBe(0);
  });

  it('reports usage errors with exit 2', async () => {
    expect((await run(['--bundle', 'b.json', 'file'])).code).toBe(2);
    expect(() =>
      parseVerifyBundleArgs(['--bundle', 'b', '--key', 'k', '--certificate-identity', 'i', 'f'])
    ).toThrow(/either --key/);
    expect(() => parseVerifyBundleArgs(['--bundle', 'b', '--key', 'k'])).toThrow(
      /exactly one artifact/
    );
    expect(parseVerifyBundleArgs(['verify-bundle', '--bundle=b', '--key', 'k', 'f'])).toEqual({
      bundle: 'b',
      key: 'k',
      artifact: 'f'
    });
  });
});

const CORPUS = resolve(process.env.CORPUS_DIR ?? '../shared/corpus');
const CASES = resolve(CORPUS, 'sigstore-conformance/test/assets/bundle-verify');
const describeCorpus = existsSync(CASES) ? describe : describe.skip;

describeCorpus('sigstore-conformance bundle-verify (full corpus)', () => {
  it('reaches the right verdict on every case, by file and by digest', async () => {
    const { runConformance } = await import('../../scripts/corpus/conformance-cases.js');
    const results = await runConformance(CASES);
    const wrong = results
      .filter((r) => !r.correct)
      .map((r) => `${r.name} [${r.mode}]: ${r.output}`);
    expect(wrong).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(140);
  });
});
