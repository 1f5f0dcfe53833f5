// `npm run test:interop`: our output, checked by the tools our users verify with.
// 1. runs `npm run demo` and `npm run demo:container` on a sandbox whose Fulcio and TSA are
//    Sigstore's own servers (SANDBOX_SIGSTORE=real: the demos fail rather than fall back);
// 2. verifies every .intoto.jsonl bundle with cosign, gh, sigstore-python and sigstore-go, and
//    each OCI layout with cosign against the real docker-registry — ours must pass, every
//    tampered copy and a wrong identity policy must fail;
// 3. runs the admission policies in examples/ through Kyverno and policy-controller;
// 4. writes interop-out/report.json and docs/INTEROP.md; exits 1 if any verdict is not the
//    expected one.
//   npm run test:interop -- --out DIR     (default interop-out)
//   npm run test:interop -- --skip-demos  reuse DIR/demo and DIR/container from an earlier run
//   npm run test:interop -- --only jsonl|oci|api|admission|corpus   one part (CI runs every part)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { X509Certificate } from '@sigstore/core';
import { BUILDER_WORKFLOW_PATHS, PROJECT_REPOSITORY } from '../../src/identity.js';
import { decodeFulcioExtensions } from '../../src/verify/core/fulcio-extensions.js';
import { statementOfBundle } from '../../src/provenance/statement-of-bundle.js';
import { startRegistry, type RunningRegistry } from '../../sandbox/registry.js';
import { STAND_IN } from '../../sandbox/real/sigstore-services.js';
import { peerBinary, peerVersion, REPO_ROOT, type PeerName } from '../../sandbox/real/peers.js';
import {
  cosignVerifyAttestation,
  cosignVerifyBlobAttestation,
  ghAttestationVerify,
  sigstoreGoVerify,
  sigstorePythonGitHubVerify,
  sigstorePythonVerify,
  type IdentityPolicy,
  type PeerCommand
} from './peers.js';
import { TAMPER_CASES, leafCertificateDer, tamperBundle } from './tamper.js';
import {
  renderInteropMarkdown,
  rowAgrees,
  type InteropFormat,
  type InteropReport,
  type InteropResult
} from './report.js';
import { runAdmissionChecks } from './admission.js';
import { runCorpusComparison } from './corpus.js';
import { attestationsApiCase } from './attestations-api.js';

const say = (s: string) => process.stdout.write(`${s}\n`);
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const OUT = resolve(outIndex >= 0 ? (args[outIndex + 1] ?? 'interop-out') : 'interop-out');
const SKIP_DEMOS = args.includes('--skip-demos');
/** For working on one part: `--only jsonl` / `--only oci` / `--only admission` (CI runs all). */
const onlyIndex = args.indexOf('--only');
const ONLY = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const part = (name: string) => ONLY === undefined || ONLY === name;

const VERIFIER_PEERS: PeerName[] = ['cosign', 'gh', 'sigstore-python', 'sigstore-go'];
const ADMISSION_PEERS: PeerName[] = ['kyverno', 'policy-controller'];

class InteropSetupError extends Error {}

function runDemo(script: string, extra: string[]): void {
  say(`── npm run ${script} -- ${extra.join(' ')}`);
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...extra], {
    cwd: REPO_ROOT,
    env: { ...process.env, SANDBOX_SIGSTORE: 'real' },
    encoding: 'utf8',
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024
  });
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  writeFileSync(join(OUT, `${script.replace(/[^a-z]/g, '-')}.log`), log);
  if (result.status !== 0)
    throw new InteropSetupError(
      `npm run ${script} failed (exit ${String(result.status ?? result.signal)}); its log: ${relative(
        process.cwd(),
        join(OUT, `${script.replace(/[^a-z]/g, '-')}.log`)
      )}\n${log.trim().split('\n').slice(-8).join('\n')}`
    );
}

function runPeer(command: PeerCommand): { verdict: 'pass' | 'fail'; detail: string } {
  const [file, ...rest] = command.argv;
  const result = spawnSync(file ?? '', rest, {
    env: { ...process.env, ...command.env },
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024
  });
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const detail = result.error ? result.error.message : (text.slice(-1)[0] ?? '');
  return { verdict: result.status === 0 ? 'pass' : 'fail', detail };
}

function shellQuote(argv: string[]): string {
  return argv
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ')
    .replaceAll(`${REPO_ROOT}/`, '');
}

/**
 * The policy a consumer writes for our builder: the signer is our reusable workflow (checked
 * against the project's own builder paths, never taken on the certificate's word alone), the
 * source repository and ref come from the run.
 */
function policyOf(bundle: unknown): IdentityPolicy {
  const der = leafCertificateDer(bundle);
  const cert = X509Certificate.parse(Buffer.from(der));
  const extensions = decodeFulcioExtensions(cert);
  const san = cert.extSubjectAltName?.uri ?? '';
  const builderPrefixes = BUILDER_WORKFLOW_PATHS.map(
    (path) => `https://github.com/${PROJECT_REPOSITORY}/${path}@`
  );
  if (!builderPrefixes.some((p) => san.startsWith(p)))
    throw new InteropSetupError(`our bundle's signer ${san} is not one of our builder workflows`);
  const issuer = extensions.issuerV2 ?? '';
  const source = extensions.sourceRepositoryURI ?? '';
  const ref = extensions.sourceRepositoryRef ?? '';
  if (!issuer.startsWith('http://127.0.0.1:') || !source.startsWith('https://github.com/') || !ref)
    throw new InteropSetupError(
      `our bundle's certificate lacks the sandbox issuer, source repository or ref (${issuer}, ${source}, ${ref})`
    );
  return {
    signerIdentity: san,
    signerWorkflow: san.slice('https://github.com/'.length, san.indexOf('@')),
    issuer,
    sourceRepository: source.slice('https://github.com/'.length),
    sourceRef: ref
  };
}

/** A policy for someone else's builder: every peer must refuse our bundle under it. */
function wrongIdentity(policy: IdentityPolicy): IdentityPolicy {
  const evil = policy.signerIdentity.replace(
    `https://github.com/${PROJECT_REPOSITORY}/`,
    'https://github.com/evil-org/builder/'
  );
  return {
    ...policy,
    signerIdentity: evil,
    signerWorkflow: evil.slice('https://github.com/'.length, evil.indexOf('@'))
  };
}

function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

function subjectDigests(bundle: unknown): string[] {
  const outcome = statementOfBundle(bundle);
  if (!outcome.ok) throw new InteropSetupError(`our bundle: ${outcome.problem}`);
  const subjects = outcome.statement.subject as { digest?: { sha256?: string } }[] | undefined;
  return (subjects ?? []).map((s) => s.digest?.sha256 ?? '').filter((d) => d !== '');
}

/** The demo artifact a bundle attests (verifiers that check subjects need the file itself). */
function artifactFor(bundle: unknown, artifactsDir: string): string {
  const digests = new Set(subjectDigests(bundle));
  for (const name of readdirSync(artifactsDir)) {
    const path = join(artifactsDir, name);
    const hex = createHash('sha256').update(readFileSync(path)).digest('hex');
    if (digests.has(hex)) return path;
  }
  throw new InteropSetupError(`no file in ${artifactsDir} is a subject of the demo's bundle`);
}

interface TrustFiles {
  json: string;
  jsonl: string;
  clientTrustConfig: string;
}

/**
 * The sandbox trusted root in the three forms the peers read: JSON (cosign, sigstore-go),
 * JSON lines (gh's --custom-trusted-root), and a ClientTrustConfig (sigstore-python
 * --trust-config: the root plus a SigningConfig naming the same services).
 */
function trustFiles(trustedRootPath: string, dir: string): TrustFiles {
  const root = JSON.parse(readFileSync(trustedRootPath, 'utf8')) as {
    tlogs: { baseUrl: string; publicKey: { validFor: { start: string } } }[];
    certificateAuthorities: { uri: string }[];
    timestampAuthorities: { uri: string }[];
  };
  const start = root.tlogs[0]?.publicKey.validFor.start ?? new Date(0).toISOString();
  const service = (url: string) => ({
    url,
    majorApiVersion: 1,
    validFor: { start },
    operator: 'sandbox'
  });
  const signingConfig = {
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: root.certificateAuthorities.map((c) => service(c.uri)),
    oidcUrls: [],
    rekorTlogUrls: root.tlogs.map((t) => service(t.baseUrl)),
    tsaUrls: root.timestampAuthorities.map((t) => service(`${t.uri}/api/v1/timestamp`)),
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' }
  };
  mkdirSync(dir, { recursive: true });
  const files = {
    json: join(dir, 'trusted_root.json'),
    jsonl: join(dir, 'trusted_root.jsonl'),
    clientTrustConfig: join(dir, 'trust_config.json')
  };
  writeFileSync(files.json, JSON.stringify(root, null, 2));
  writeFileSync(files.jsonl, `${JSON.stringify(root)}\n`);
  writeFileSync(
    files.clientTrustConfig,
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
      trustedRoot: root,
      signingConfig
    })
  );
  return files;
}

function blobCommands(options: {
  bundleFile: string;
  artifact: string;
  trust: TrustFiles;
  policy: IdentityPolicy;
  home: string;
}): PeerCommand[] {
  const { bundleFile: bundle, artifact, trust, policy } = options;
  return [
    cosignVerifyBlobAttestation({ bundle, artifact, trustedRoot: trust.json, policy }),
    ghAttestationVerify({
      bundle,
      artifact,
      trustedRootJsonl: trust.jsonl,
      policy,
      home: options.home
    }),
    sigstorePythonVerify({ bundle, artifact, trustConfig: trust.clientTrustConfig, policy }),
    sigstorePythonGitHubVerify({ bundle, artifact, trustConfig: trust.clientTrustConfig, policy }),
    sigstoreGoVerify({ bundle, artifact, trustedRoot: trust.json, policy })
  ];
}

function check(
  results: InteropResult[],
  format: InteropFormat,
  caseName: string,
  expected: 'pass' | 'fail',
  command: PeerCommand
): void {
  const { verdict, detail } = runPeer(command);
  const row: InteropResult = {
    peer: command.peer,
    format,
    case: caseName,
    expected,
    got: verdict,
    command: shellQuote(command.argv),
    ...(detail ? { detail } : {})
  };
  results.push(row);
  say(
    `   ${rowAgrees(row) ? 'ok ' : 'BAD'} ${command.peer.padEnd(16)} ${format.padEnd(14)} ${caseName.padEnd(28)} expected ${expected}, got ${verdict}${
      rowAgrees(row) ? '' : `: ${detail}`
    }`
  );
}

function jsonlRows(results: InteropResult[], demoDir: string, otherBundle: unknown): void {
  const trust = trustFiles(join(demoDir, 'trusted_root.json'), join(OUT, 'trust', 'demo'));
  const home = join(OUT, 'gh-home');
  mkdirSync(home, { recursive: true });
  const files = readdirSync(demoDir).filter((f) => f.endsWith('.intoto.jsonl'));
  if (files.length === 0)
    throw new InteropSetupError(`the demo wrote no .intoto.jsonl in ${demoDir}`);
  const casesDir = join(OUT, 'cases');
  mkdirSync(casesDir, { recursive: true });
  for (const file of files) {
    const bundles = readJsonl(join(demoDir, file));
    const bundle = bundles[0];
    if (!bundle) continue;
    const policy = policyOf(bundle);
    const artifact = artifactFor(bundle, join(demoDir, 'artifacts'));
    say(
      `\n── ${file}: ${bundles.length} bundle(s); checking the first against ${relative(OUT, artifact)}`
    );
    const stem = file.replace(/\.intoto\.jsonl$/, '');
    // gh reads JSON lines (every bundle); the others read one bundle per file.
    const single = join(casesDir, `${stem}.ours.json`);
    writeFileSync(single, JSON.stringify(bundle));
    for (const command of blobCommands({ bundleFile: single, artifact, trust, policy, home })) {
      if (command.peer === 'gh') command.argv[command.argv.indexOf(single)] = join(demoDir, file);
      check(results, 'jsonl-bundle', 'ours', 'pass', command);
    }
    for (const kind of TAMPER_CASES) {
      const path = join(casesDir, `${stem}.tampered-${kind}.json`);
      writeFileSync(path, JSON.stringify(tamperBundle(bundle, kind, otherBundle)));
      for (const command of blobCommands({ bundleFile: path, artifact, trust, policy, home }))
        check(results, 'jsonl-bundle', `tampered-${kind}`, 'fail', command);
    }
    for (const command of blobCommands({
      bundleFile: single,
      artifact,
      trust,
      policy: wrongIdentity(policy),
      home
    }))
      check(results, 'jsonl-bundle', 'tampered-wrong-identity-policy', 'fail', command);
  }
}

interface ContainerPublication {
  image: string;
  digest: string;
}

function ociRows(results: InteropResult[], containerDir: string, registry: RunningRegistry): void {
  const publications = JSON.parse(
    readFileSync(join(containerDir, 'container.json'), 'utf8')
  ) as ContainerPublication[];
  const trust = trustFiles(
    join(containerDir, 'trusted_root.json'),
    join(OUT, 'trust', 'container')
  );
  const bundle = readJsonl(join(containerDir, 'container.intoto.jsonl'))[0];
  const policy = policyOf(bundle);
  say(`\n── OCI attestations in ${registry.host}`);
  for (const publication of publications) {
    const image = `${publication.image}@${publication.digest}`;
    for (const layout of ['oci-cosign', 'oci-referrer'] as const) {
      check(
        results,
        layout,
        'ours',
        'pass',
        cosignVerifyAttestation({ image, layout, trustedRoot: trust.json, policy })
      );
      check(
        results,
        layout,
        'tampered-wrong-identity-policy',
        'fail',
        cosignVerifyAttestation({
          image,
          layout,
          trustedRoot: trust.json,
          policy: wrongIdentity(policy)
        })
      );
    }
  }
}

async function apiRows(results: InteropResult[]): Promise<void> {
  say(
    '\n── attestations API: stored by mode publish, read back through the listing and bundle_url'
  );
  const api = await attestationsApiCase(OUT);
  const bundle = JSON.parse(readFileSync(api.bundleFile, 'utf8')) as unknown;
  const policy = policyOf(bundle);
  const home = join(OUT, 'gh-home');
  mkdirSync(home, { recursive: true });
  const gh = (bundleFile: string, p: IdentityPolicy) =>
    ghAttestationVerify({
      bundle: bundleFile,
      artifact: api.artifact,
      trustedRootJsonl: api.trustedRoot,
      policy: p,
      home
    });
  check(results, 'attestations-api', 'ours', 'pass', gh(api.bundleFile, policy));
  const tampered = api.bundleFile.replace(/\.json$/, '.tampered-payload-byte.json');
  writeFileSync(tampered, JSON.stringify(tamperBundle(bundle, 'payload-byte')));
  check(results, 'attestations-api', 'tampered-payload-byte', 'fail', gh(tampered, policy));
  check(
    results,
    'attestations-api',
    'tampered-wrong-identity-policy',
    'fail',
    gh(api.bundleFile, wrongIdentity(policy))
  );
}

function peerVersions(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of [...VERIFIER_PEERS, ...ADMISSION_PEERS]) {
    if (peerBinary(name)) versions[name] = peerVersion(name) ?? 'unknown version';
  }
  return versions;
}

async function main(): Promise<number> {
  const missing = VERIFIER_PEERS.filter((p) => !peerBinary(p));
  if (missing.length > 0 || !peerBinary('fulcio') || !peerBinary('timestamp-authority')) {
    say(
      `test:interop needs the real peers; not built: ${[
        ...missing,
        ...(['fulcio', 'timestamp-authority'] as const).filter((p) => !peerBinary(p))
      ].join(', ')}. Run: bash scripts/install-peers.sh`
    );
    return 1;
  }
  if (!SKIP_DEMOS) rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const results: InteropResult[] = [];
  let corpusDisagreements: string[] = [];
  let registry: RunningRegistry | undefined;
  try {
    registry = await startRegistry();
    if (!SKIP_DEMOS) {
      if (part('jsonl')) runDemo('demo', ['--out', join(OUT, 'demo')]);
      runDemo('demo:container', ['--out', join(OUT, 'container'), '--registry', registry.host]);
    }
    const containerBundle = readJsonl(join(OUT, 'container', 'container.intoto.jsonl'))[0];
    if (part('jsonl')) jsonlRows(results, join(OUT, 'demo'), containerBundle);
    // A reused container run's images live in the registry of that run, not in this one.
    if (part('oci') && !SKIP_DEMOS) ociRows(results, join(OUT, 'container'), registry);
    if (part('api')) await apiRows(results);
    if (part('admission')) results.push(...(await runAdmissionChecks({ out: OUT, registry, say })));
    if (part('corpus')) {
      const corpus = await runCorpusComparison({ out: OUT, say });
      results.push(...corpus.rows);
      corpusDisagreements = corpus.disagreements;
    }
  } finally {
    await registry?.close();
  }
  const report: InteropReport = {
    peers: peerVersions(),
    sandbox: {
      // The demos ran with SANDBOX_SIGSTORE=real, which fails instead of falling back.
      fulcio: peerVersion('fulcio') ?? 'unknown',
      tsa: peerVersion('timestamp-authority') ?? 'unknown',
      rekor: STAND_IN,
      ctlog: STAND_IN
    },
    results,
    corpusDisagreements
  };
  writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    join(REPO_ROOT, 'docs', 'INTEROP.md'),
    renderInteropMarkdown(report, 'npm run test:interop')
  );
  // Corpus rows inform (a peer's own conformance gaps are not ours to fix); the rest gate.
  const wrong = results.filter((r) => r.format !== 'corpus' && !rowAgrees(r));
  const gated = results.filter((r) => r.format !== 'corpus').length;
  say(`\n${gated - wrong.length} passed, ${wrong.length} failed`);
  return wrong.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    say(`test:interop: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
);
