// The sigstore-conformance `bundle-verify` cases, run through verifyBundleCommand in-process.
// Each case folder holds bundle.sigstore.json and optionally artifact (default ../a.txt),
// trusted_root.json (default: embedded public-good) and key.pub; a `_fail` suffix means the
// bundle must be rejected. Every case runs twice: with the artifact file, then sha256:<hex>.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyBundleCommand } from '../../src/verify/cli/verify-bundle.js';

export const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
export const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

export interface CaseResult {
  name: string;
  mode: 'file' | 'digest';
  mustFail: boolean;
  exitCode: number;
  correct: boolean;
  output: string;
}

export async function runConformance(casesDir: string, filter?: string): Promise<CaseResult[]> {
  const names = readdirSync(casesDir)
    .filter((name) => statSync(join(casesDir, name)).isDirectory())
    .filter((name) => !filter || name.includes(filter))
    .sort();
  const results: CaseResult[] = [];
  for (const name of names) {
    const dir = join(casesDir, name);
    const mustFail = name.endsWith('_fail');
    const artifactPath = existsSync(join(dir, 'artifact'))
      ? join(dir, 'artifact')
      : join(casesDir, 'a.txt');
    const digest = `sha256:${createHash('sha256').update(readFileSync(artifactPath)).digest('hex')}`;
    const args = ['--bundle', join(dir, 'bundle.sigstore.json')];
    if (existsSync(join(dir, 'trusted_root.json')))
      args.push('--trusted-root', join(dir, 'trusted_root.json'));
    if (existsSync(join(dir, 'key.pub'))) args.push('--key', join(dir, 'key.pub'));
    else
      args.push(
        '--certificate-identity',
        DEFAULT_IDENTITY,
        '--certificate-oidc-issuer',
        DEFAULT_ISSUER
      );
    for (const [mode, artifact] of [
      ['file', artifactPath],
      ['digest', digest]
    ] as const) {
      const lines: string[] = [];
      const exitCode = await verifyBundleCommand([...args, artifact], (l) => lines.push(l));
      const correct = mustFail ? exitCode !== 0 : exitCode === 0;
      results.push({ name, mode, mustFail, exitCode, correct, output: lines.join(' | ') });
    }
  }
  return results;
}
