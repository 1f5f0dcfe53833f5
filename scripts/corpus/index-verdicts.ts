// Checks every verdict in the corpus INDEX.md that is a SLSA provenance policy by running the
// real verifier commands on the corpus files, and reports rows that are someone else's to run
// (sigstore-conformance → scripts/corpus/conformance.ts) or not expressible as a
// verify-artifact policy. See slsa-verifier-policies.ts for the policy table and the reading
// of "NEEDS ONLINE REKOR".
//   CORPUS_DIR=../shared/corpus tsx scripts/corpus/index-verdicts.ts [filter]
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyArtifactCommand } from '../../src/verify/cli/verify-artifact.js';
import { verifyImageCommand } from '../../src/verify/cli/verify-image.js';
import type { Output } from '../../src/verify/cli/report.js';
import { createHash } from 'node:crypto';
import { verifyBundleCommand } from '../../src/verify/cli/verify-bundle.js';
import { verifyProvenanceFile } from '../../src/verify/core/index.js';
import {
  buildTrustMaterial,
  embeddedNpmRegistryKeys,
  publicGoodTrustedRoot
} from '../../src/verify/trust/index.js';
import { describeError } from '../../src/errors.js';
import { IDENTITY_CASES, type IdentityCase } from './identity-policies.js';
import { hasVerdict, parseIndex, type IndexRow } from './index-parser.js';
import { serveOciLayout } from './oci-layout-registry.js';
import {
  isCryptoOnlyRow,
  MISSING_TLOG,
  planSlsaVerifierRow,
  type Expectation,
  type PolicyCase,
  type RowPlan
} from './slsa-verifier-policies.js';

interface Tally {
  passed: number;
  failed: number;
  skipped: Map<string, number>;
}

const CONTAINER_LAYOUT =
  'slsa-verifier/cli/slsa-verifier/testdata/gha_generic_container/v2.1.0/container_workflow_dispatch';

function readDigests(corpus: string, file: string): Map<string, string> {
  const digests = new Map<string, string>();
  const path = join(corpus, file);
  if (!existsSync(path)) return digests;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^([0-9a-f]+)\s+(.+)$/.exec(line.trim());
    if (match) digests.set(match[2] as string, match[1] as string);
  }
  return digests;
}

function capture(): Output & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    stdout: () => undefined,
    stderr: (text) => void lines.push(...text.trimEnd().split('\n'))
  };
}

function judge(expect: Expectation, code: number, lines: string[], corpus: string): boolean {
  if (expect.pass) return code === 0;
  const failure = withoutPaths(lines.find((l) => l.startsWith('FAILED: ')) ?? '', corpus);
  return code === 1 && expect.reason.test(failure);
}

function report(tally: Tally, ok: boolean, label: string, code: number, lines: string[]): void {
  if (ok) tally.passed++;
  else tally.failed++;
  const last = lines[lines.length - 1] ?? '';
  process.stdout.write(`${ok ? 'ok   ' : 'WRONG'} ${label} exit=${code} ${last.slice(0, 240)}\n`);
}

async function runRow(
  corpus: string,
  row: IndexRow,
  plan: RowPlan,
  artifacts: { sha256: Map<string, string>; sha512: Map<string, string> },
  tally: Tally
): Promise<void> {
  const relative = plan.artifact ?? plan.provenance;
  const sha512 = plan.sha512 ? artifacts.sha512.get(relative) : undefined;
  const artifact =
    (sha512 === undefined ? undefined : `sha512:${sha512}`) ??
    resolveArtifact(corpus, relative, artifacts) ??
    legacySubjectDigest(corpus, plan);
  if (artifact === undefined) {
    count(tally.skipped, 'artifact neither stored nor listed in ARTIFACTS.sha256/.sha512');
    return;
  }
  for (const policyCase of plan.cases)
    await runCase(corpus, row, plan, artifact, policyCase, tally);
}

async function runCase(
  corpus: string,
  row: IndexRow,
  plan: RowPlan,
  artifact: string,
  policyCase: PolicyCase,
  tally: Tally
): Promise<void> {
  const out = capture();
  const code = await verifyArtifactCommand(
    [artifact, '--provenance-path', join(corpus, plan.provenance), ...policyCase.flags],
    out
  );
  report(
    tally,
    judge(policyCase.expect, code, out.lines, corpus),
    `${row.localFile} [${policyCase.label}] expect=${policyCase.expect.pass ? 'PASS' : `FAIL ${policyCase.expect.reason.source}`}`,
    code,
    out.lines
  );
}

function resolveArtifact(
  corpus: string,
  relative: string,
  artifacts: { sha256: Map<string, string>; sha512: Map<string, string> }
): string | undefined {
  if (existsSync(join(corpus, relative))) return join(corpus, relative);
  const sha256 = artifacts.sha256.get(relative);
  if (sha256) return `sha256:${sha256}`;
  const sha512 = artifacts.sha512.get(relative);
  return sha512 ? `sha512:${sha512}` : undefined;
}

/**
 * Legacy files whose artifact is neither stored nor listed: every case on them expects the
 * missing-tlog rejection, which does not depend on the artifact, so the file's own first
 * subject digest stands in for it.
 */
function legacySubjectDigest(corpus: string, plan: RowPlan): string | undefined {
  if (!plan.cases.every((c) => !c.expect.pass && c.expect.reason === MISSING_TLOG))
    return undefined;
  try {
    const line = JSON.parse(
      readFileSync(join(corpus, plan.provenance), 'utf8').split('\n')[0] ?? ''
    ) as { payload?: string; dsseEnvelope?: { payload?: string } };
    const payload = line.dsseEnvelope?.payload ?? line.payload ?? '';
    const statement = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as {
      subject?: { digest?: { sha256?: string } }[];
    };
    const hex = statement.subject?.[0]?.digest?.sha256;
    return hex ? `sha256:${hex}` : undefined;
  } catch {
    return undefined;
  }
}

function count(map: Map<string, number>, reason: string): void {
  map.set(reason, (map.get(reason) ?? 0) + 1);
}

/** A signer-identity row through the real verify-bundle command. */
async function runIdentityCase(
  corpus: string,
  row: IndexRow,
  entry: IdentityCase,
  artifacts: { sha256: Map<string, string>; sha512: Map<string, string> },
  tally: Tally
): Promise<void> {
  const artifact =
    entry.artifact === 'subject'
      ? ownSubjectDigest(join(corpus, entry.file))
      : /^sha(256|512):/.test(entry.artifact)
        ? entry.artifact
        : entry.sha512 && artifacts.sha512.has(entry.artifact)
          ? `sha512:${artifacts.sha512.get(entry.artifact)}`
          : resolveArtifact(corpus, entry.artifact, artifacts);
  if (artifact === undefined) {
    count(tally.skipped, `${row.section}: artifact neither stored nor listed`);
    return;
  }
  if (entry.jsonLines) {
    const lines = readFileSync(join(corpus, entry.file), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
    for (const [i, line] of lines.entries()) {
      const file = join(dir, `line-${i + 1}.sigstore.json`);
      writeFileSync(file, line);
      await runBundle(
        corpus,
        row,
        { ...entry, jsonLines: false },
        file,
        artifact,
        tally,
        ` line ${i + 1}/${lines.length}`
      );
    }
    return;
  }
  await runBundle(corpus, row, entry, join(corpus, entry.file), artifact, tally, '');
}

async function runBundle(
  corpus: string,
  row: IndexRow,
  entry: IdentityCase,
  bundlePath: string,
  artifact: string,
  tally: Tally,
  part: string
): Promise<void> {
  const argv = ['--bundle', bundlePath];
  if (entry.identity)
    argv.push(
      '--certificate-identity',
      entry.identity.san,
      '--certificate-oidc-issuer',
      entry.identity.issuer
    );
  if (entry.key) argv.push('--key', join(corpus, entry.key));
  if (entry.root)
    argv.push(
      '--trusted-root',
      entry.extraTimestampAuthority
        ? rootWithTimestampAuthority(
            join(corpus, entry.root),
            join(corpus, entry.extraTimestampAuthority)
          )
        : join(corpus, entry.root)
    );
  const lines: string[] = [];
  const code = await verifyBundleCommand([...argv, artifact], (line) => void lines.push(line));
  const failure = withoutPaths(
    lines.find((l) => l.startsWith('FAILED')) ?? lines.join(' '),
    corpus
  );
  const ok = entry.expect.pass ? code === 0 : code !== 0 && entry.expect.reason.test(failure);
  report(
    tally,
    ok,
    `${row.localFile}${part} [verify-bundle ${entry.identity?.san ?? entry.key}] expect=${entry.expect.pass ? 'PASS' : `FAIL ${entry.expect.reason.source}`}`,
    code,
    lines
  );
}

/**
 * Runner-built provenance among the identity rows (attest-build-provenance, npm CLI: the INDEX
 * says builder=https://github.com/actions/runner[/github-hosted]) also goes through
 * verify-artifact, read as Build L2: the signer workflow named as gh's --signer-workflow, the
 * source repository from the INDEX (the certificate's srcRepo). Without a signer it is refused.
 */
async function runBuildL2Cases(
  corpus: string,
  row: IndexRow,
  entry: IdentityCase,
  artifacts: { sha256: Map<string, string>; sha512: Map<string, string> },
  tally: Tally
): Promise<void> {
  const builder = /builder=(https:\/\/github\.com\/actions\/runner(?:\/github-hosted)?);/.exec(
    row.what
  )?.[1];
  const source = /srcRepo=https:\/\/(github\.com\/[^;\s]+);/.exec(row.what)?.[1];
  if (!builder || !source || !entry.expect.pass || !entry.identity || entry.root) return;
  const artifact =
    entry.artifact === 'subject'
      ? ownSubjectDigest(join(corpus, entry.file))
      : /^sha(256|512):/.test(entry.artifact)
        ? entry.artifact
        : entry.sha512 && artifacts.sha512.has(entry.artifact)
          ? `sha512:${artifacts.sha512.get(entry.artifact)}`
          : resolveArtifact(corpus, entry.artifact, artifacts);
  if (artifact === undefined) return;
  const base = [artifact, '--provenance-path', join(corpus, entry.file), '--source-uri', source];
  const cases: PolicyCase[] = [
    {
      label: 'Build L2, --signer-workflow',
      flags: ['--signer-workflow', entry.identity.san],
      expect: { pass: true }
    },
    {
      label: 'Build L2 without a signer',
      flags: [],
      expect: { pass: false, reason: /signer: expected --signer-workflow/ }
    }
  ];
  for (const policyCase of cases) {
    const out = capture();
    const code = await verifyArtifactCommand([...base, ...policyCase.flags], out);
    const l2 = !policyCase.expect.pass || out.lines.some((l) => l.endsWith('(SLSA Build L2)'));
    report(
      tally,
      l2 && judge(policyCase.expect, code, out.lines, corpus),
      `${row.localFile} [verify-artifact ${policyCase.label}] expect=${policyCase.expect.pass ? 'PASS as SLSA Build L2' : `FAIL ${policyCase.expect.reason.source}`}`,
      code,
      out.lines
    );
  }
}

/**
 * Writes a copy of a trusted root with one more timestamp authority (a CertificateAuthority
 * JSON such as sigstore-python's tsa/ca.json) to a temporary file, for --trusted-root: the
 * trust an upstream test fixture builds in code.
 */
function rootWithTimestampAuthority(rootPath: string, authorityPath: string): string {
  const root = JSON.parse(readFileSync(rootPath, 'utf8')) as { timestampAuthorities?: unknown[] };
  const authority: unknown = JSON.parse(readFileSync(authorityPath, 'utf8'));
  const out = join(mkdtempSync(join(tmpdir(), 'trusted-root-')), 'trusted_root.json');
  writeFileSync(
    out,
    JSON.stringify({
      ...root,
      timestampAuthorities: [...(root.timestampAuthorities ?? []), authority]
    })
  );
  return out;
}

/** A failure message with the corpus paths removed, so a reason never matches a file name. */
function withoutPaths(message: string, corpus: string): string {
  return message
    .split(corpus)
    .map((part, i) => (i === 0 ? part : part.replace(/^\S*/, '<file>')))
    .join('');
}

/**
 * For rows whose artifact is not stored and whose INDEX entry names none: the bundle's own
 * DSSE subject (or, for a non-statement payload, the payload's sha256). These rows test the
 * signature and identity; the artifact check is then trivially about the bundle itself.
 */
function ownSubjectDigest(path: string): string | undefined {
  try {
    const bundle = JSON.parse(readFileSync(path, 'utf8')) as {
      dsseEnvelope?: { payload?: string };
    };
    const payload = Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64');
    try {
      const digest =
        (
          JSON.parse(payload.toString('utf8')) as {
            subject?: { digest?: Record<string, string> }[];
          }
        ).subject?.[0]?.digest ?? {};
      if (digest.sha512) return `sha512:${digest.sha512}`;
      if (digest.sha256) return `sha256:${digest.sha256}`;
    } catch {
      // not an in-toto statement
    }
    return `sha256:${createHash('sha256').update(payload).digest('hex')}`;
  } catch {
    return undefined;
  }
}

/**
 * A fixture with no policy of its own ("crypto only"): the core verifies every envelope in the
 * file against the embedded public-good root (and npm's registry keys for npm publish
 * attestations); nothing may be skipped.
 */
async function runCryptoOnly(
  corpus: string,
  row: IndexRow,
  tally: Tally,
  label: string
): Promise<void> {
  const lines: string[] = [];
  let code = 0;
  try {
    const result = await verifyProvenanceFile(readFileSync(join(corpus, row.localFile)), {
      trustMaterial: buildTrustMaterial(publicGoodTrustedRoot(), {
        publicKeys: embeddedNpmRegistryKeys()
      }),
      origin: row.localFile
    });
    if (result.skipped.length > 0) {
      code = 1;
      lines.push(`FAILED: skipped ${result.skipped.map((s) => s.reason).join('; ')}`);
    } else {
      lines.push(
        `PASSED: ${result.verified.map((v) => `${v.format} (${v.signer.kind === 'certificate' ? v.signer.identity.subjectAlternativeName : `key ${v.signer.keyId ?? ''}`})`).join(', ')}`
      );
    }
  } catch (e) {
    code = 1;
    lines.push(`FAILED: ${describeError(e)}`);
  }
  report(tally, code === 0, `${row.localFile} [${label}] expect=PASS`, code, lines);
}

/** The cosign-signed container (OCI layout) through verify-image against a loopback registry. */
async function runContainerLayout(corpus: string, tally: Tally): Promise<void> {
  const dir = join(corpus, CONTAINER_LAYOUT);
  if (!existsSync(dir)) return;
  const registry = await serveOciLayout(dir);
  try {
    const image = `${registry.host}/slsa-framework/example-package@${registry.imageDigest}`;
    const builder =
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml';
    const cases: PolicyCase[] = [
      {
        label: 'source + builder',
        flags: [
          '--source-uri',
          'github.com/slsa-framework/example-package',
          '--builder-id',
          builder
        ],
        expect: { pass: true }
      },
      {
        label: 'source, branch main',
        flags: [
          '--source-uri',
          'github.com/slsa-framework/example-package',
          '--source-branch',
          'main'
        ],
        expect: { pass: true }
      },
      {
        label: 'branch master',
        flags: [
          '--source-uri',
          'github.com/slsa-framework/example-package',
          '--source-branch',
          'master'
        ],
        expect: { pass: false, reason: /source branch: expected/ }
      },
      {
        label: 'tag v1.2.3',
        flags: [
          '--source-uri',
          'github.com/slsa-framework/example-package',
          '--source-tag',
          'v1.2.3'
        ],
        expect: { pass: false, reason: /source tag: expected/ }
      },
      {
        label: 'builder not-trusted.yml',
        flags: [
          '--source-uri',
          'github.com/slsa-framework/example-package',
          '--builder-id',
          'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/not-trusted.yml'
        ],
        expect: { pass: false, reason: /builder: expected/ }
      },
      {
        label: 'source example-packageA',
        flags: ['--source-uri', 'github.com/slsa-framework/example-packageA'],
        expect: { pass: false, reason: /source repository: expected/ }
      }
    ];
    for (const policyCase of cases) {
      const out = capture();
      const code = await verifyImageCommand([image, ...policyCase.flags], {
        out,
        dockerConfigPath: '/nonexistent/config.json'
      });
      report(
        tally,
        judge(policyCase.expect, code, out.lines, corpus),
        `${CONTAINER_LAYOUT} (verify-image) [${policyCase.label}]`,
        code,
        out.lines
      );
    }
  } finally {
    await registry.close();
  }
}

export async function main(): Promise<number> {
  const corpus = resolve(process.env.CORPUS_DIR ?? '../shared/corpus');
  if (!existsSync(join(corpus, 'INDEX.md'))) {
    process.stderr.write(`no corpus INDEX.md at ${corpus}\n`);
    return 2;
  }
  const filter = process.argv[2];
  const rows = parseIndex(readFileSync(join(corpus, 'INDEX.md'), 'utf8'))
    .filter(hasVerdict)
    .filter((r) => !filter || r.localFile.includes(filter));
  const artifacts = {
    sha256: readDigests(corpus, 'ARTIFACTS.sha256'),
    sha512: readDigests(corpus, 'ARTIFACTS.sha512')
  };
  const tally: Tally = { passed: 0, failed: 0, skipped: new Map() };
  for (const row of rows) {
    if (row.section === 'sigstore-conformance') {
      count(tally.skipped, 'sigstore-conformance: run by scripts/corpus/conformance.ts');
      continue;
    }
    if (row.section !== 'slsa-verifier') {
      const identityCase = IDENTITY_CASES[row.localFile];
      if (identityCase === undefined)
        count(tally.skipped, `${row.section}: no identity case for ${row.localFile}`);
      else if (typeof identityCase === 'string')
        count(tally.skipped, `${row.section}: ${identityCase}`);
      else {
        await runIdentityCase(corpus, row, identityCase, artifacts, tally);
        await runBuildL2Cases(corpus, row, identityCase, artifacts, tally);
      }
      continue;
    }
    if (isCryptoOnlyRow(row)) {
      await runCryptoOnly(corpus, row, tally, 'crypto only');
      continue;
    }
    const plan = planSlsaVerifierRow(row);
    if (typeof plan === 'string') count(tally.skipped, plan);
    else await runRow(corpus, row, plan, artifacts, tally);
  }
  if (!filter || CONTAINER_LAYOUT.includes(filter)) await runContainerLayout(corpus, tally);
  process.stdout.write(`\nINDEX rows with a verdict: ${rows.length}\n`);
  process.stdout.write(
    [
      '  (rows marked NEEDS ONLINE REKOR are expected to be REJECTED offline, for the missing transparency-log evidence; a VALID there means "valid only with online Rekor")',
      '  (gha_delegator v1.9.0: signed by the delegator at refs/heads/main, VALID in slsa-verifier only with SLSA_VERIFIER_TESTING; expected: its production verdict, InvalidRef)',
      ''
    ].join('\n')
  );
  for (const [reason, n] of tally.skipped) {
    const elsewhere = /^(sigstore-conformance|OCI image layout):/.test(reason);
    process.stdout.write(`  ${elsewhere ? 'run elsewhere' : 'not run here'} (${n}): ${reason}\n`);
  }
  process.stdout.write(`${tally.passed} passed, ${tally.failed} failed\n`);
  return tally.failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().then((code) => (process.exitCode = code));
}
