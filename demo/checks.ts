// What the demo checks about a provenance file, whichever way it was produced (act or the bare
// action): every bundle through @sigstore/verify with the sandbox's trusted root and the
// builder's identity; each artifact through the bundled verifier CLI; and the CLI refusing the
// same provenance under every wrong policy (repository, branch, tag, builder).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import type { TrustedRootJson } from '../sandbox/index.js';

/** Every bundle of the file through @sigstore/verify: chain, SCT, log entry, timestamp, identity. */
export function verifyBundles(
  path: string,
  trustedRoot: TrustedRootJson,
  signer: string,
  issuer: string
): string {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(trustedRoot));
  const verifier = new Verifier(trust, {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    timestampThreshold: 1
  });
  const policy = { subjectAlternativeName: signer, extensions: { issuer } };
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  try {
    for (const line of lines)
      verifier.verify(toSignedEntity(bundleFromJSON(JSON.parse(line))), policy);
  } catch (e) {
    return `FAILED: ${e instanceof Error ? e.message : String(e)}`;
  }
  return `PASSED: ${lines.length} bundle(s), signer ${signer}, issuer ${issuer}`;
}

export interface ProvenanceChecks {
  provenancePath: string;
  artifactsDir: string;
  artifacts: readonly string[];
  trustedRoot: TrustedRootJson;
  trustedRootPath: string;
  /** Certificate SAN: https://github.com/<job_workflow_ref>. */
  signer: string;
  issuer: string;
  repository: string;
  tag: string;
  /** The bundled verifier CLI (dist/cli/index.js); skipped when absent. */
  cli: string;
  /** --builder-id for a builder referenced by commit SHA (trusted only when named). */
  builderId?: string;
  say: (line: string) => void;
}

function stderrOf(e: unknown): string {
  return (e as { stderr?: Buffer }).stderr?.toString().trim() ?? '';
}

/** Runs every check, printing one line each; false as soon as one that must pass fails. */
export function checkProvenance(c: ProvenanceChecks): boolean {
  const { say } = c;
  say('\nVerify (@sigstore/verify, sandbox trusted root, identity policy):');
  const verdict = verifyBundles(c.provenancePath, c.trustedRoot, c.signer, c.issuer);
  say(`   ${verdict}`);
  if (!verdict.startsWith('PASSED')) return false;
  if (!existsSync(c.cli)) {
    say(`   (bundled CLI ${c.cli} not built: CLI checks skipped)`);
    return true;
  }

  say('\nVerify (bundled CLI, sandbox trusted root):');
  const common = [
    '--provenance-path',
    c.provenancePath,
    '--trusted-root',
    c.trustedRootPath,
    '--certificate-oidc-issuer',
    c.issuer
  ];
  const ourBuilder = c.builderId ? ['--builder-id', c.builderId] : [];
  const source = ['--source-uri', `github.com/${c.repository}`];
  for (const artifact of c.artifacts) {
    try {
      execFileSync(
        process.execPath,
        [
          c.cli,
          'verify-artifact',
          join(c.artifactsDir, artifact),
          ...common,
          ...ourBuilder,
          ...source,
          '--source-tag',
          c.tag
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      );
      say(`   ${artifact}: PASSED`);
    } catch (e) {
      say(`   ${artifact}: FAILED ${stderrOf(e)}`);
      return false;
    }
  }
  // The same provenance must fail for any other policy: that is what a verifier is for.
  const first = join(c.artifactsDir, c.artifacts[0]!);
  const wrong: [string, string[]][] = [
    [
      'wrong source repository',
      ['--source-uri', `github.com/${c.repository}-evil`, '--source-tag', c.tag]
    ],
    ['wrong branch', [...source, '--source-branch', 'main']],
    ['wrong tag', [...source, '--source-tag', 'v9.9.9']],
    [
      'wrong builder',
      [
        ...source,
        '--source-tag',
        c.tag,
        '--builder-id',
        'https://github.com/evil/builder/.github/workflows/generic.yml@refs/tags/v1.0.0'
      ]
    ]
  ];
  for (const [label, flags] of wrong) {
    const builder = label === 'wrong builder' ? [] : ourBuilder;
    try {
      execFileSync(
        process.execPath,
        [c.cli, 'verify-artifact', first, ...common, ...builder, ...flags],
        { stdio: ['ignore', 'ignore', 'pipe'] }
      );
      say(`   ${label}: unexpectedly PASSED`);
      return false;
    } catch (e) {
      say(`   ${label}: ${stderrOf(e).split('\n').pop() || 'FAILED'}`);
    }
  }
  return true;
}

export interface ImageChecks {
  /** name@sha256:<hex>, as the statement's subjects name them. */
  images: readonly string[];
  provenancePath: string;
  trustedRoot: TrustedRootJson;
  trustedRootPath: string;
  signer: string;
  issuer: string;
  repository: string;
  tag: string;
  cli: string;
  say: (line: string) => void;
}

/** Container mode: the bundles, then each image's attestations read from the registry by the CLI. */
export function checkImages(c: ImageChecks): boolean {
  const { say } = c;
  say('\nVerify (@sigstore/verify, sandbox trusted root, identity policy):');
  const verdict = verifyBundles(c.provenancePath, c.trustedRoot, c.signer, c.issuer);
  say(`   ${verdict}`);
  if (!verdict.startsWith('PASSED')) return false;
  if (!existsSync(c.cli)) {
    say(`   (bundled CLI ${c.cli} not built: CLI checks skipped)`);
    return true;
  }
  say('\nVerify (bundled CLI verify-image, from the registry):');
  const policy = (repository: string) => [
    '--source-uri',
    `github.com/${repository}`,
    '--source-tag',
    c.tag,
    '--trusted-root',
    c.trustedRootPath,
    '--certificate-oidc-issuer',
    c.issuer
  ];
  for (const image of c.images) {
    try {
      execFileSync(process.execPath, [c.cli, 'verify-image', image, ...policy(c.repository)], {
        stdio: ['ignore', 'ignore', 'pipe']
      });
      say(`   ${image}: PASSED`);
    } catch (e) {
      say(`   ${image}: FAILED ${stderrOf(e)}`);
      return false;
    }
  }
  try {
    execFileSync(
      process.execPath,
      [c.cli, 'verify-image', c.images[0]!, ...policy(`${c.repository}-evil`)],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    );
    say('   wrong source repository: unexpectedly PASSED');
    return false;
  } catch (e) {
    say(`   wrong source repository: ${stderrOf(e).split('\n').pop() || 'FAILED'}`);
  }
  return true;
}
