// Checks the claim in docs/THREAT_MODEL.md that each threat's test fails when its control is
// removed. For every control: copy the project to a scratch folder, delete the control there
// (a one-line edit), rebuild dist/ when the test drives the bundled action, run the named
// test, and require it to FAIL. The working tree is never touched.
//   node __tests__/threats/remove-controls.mjs            all controls
//   node __tests__/threats/remove-controls.mjs 3 7        only rows 3 and 7 (1-based)
// Not a jest test: it rebuilds the bundle several times and takes minutes.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const REFUSALS = '__tests__/threats/generator-refusals.test.ts';
const VERIFIER = '__tests__/threats/verifier-threats.test.ts';
const INJECTION = '__tests__/injection/hostile-strings.test.ts';

/** threat, file, the control's text, what it becomes, the test file and test name, bundle? */
export const CONTROLS = [
  [
    'modified source (env)',
    'src/context/resolve.ts',
    "['GITHUB_SHA', claims.sha],",
    '',
    REFUSALS,
    'refuses when GITHUB_SHA in the environment differs from the token',
    true
  ],
  [
    'modified source (REST)',
    'src/context/resolve.ts',
    "requireSame('sha', claims.sha, 'REST API head_sha', run.headSha);",
    '',
    REFUSALS,
    'refuses when the REST API reports another head commit for the run',
    true
  ],
  [
    'modified source (verifier)',
    'src/verify/policy/check-source.ts',
    'if (claimed !== found)',
    'if (false)',
    '__tests__/verify-policy/policy-our-builder.test.ts',
    'refuses a predicate source that disagrees with the certificate',
    false
  ],
  [
    'compromised build job',
    'src/context/resolve.ts',
    "if (input.isolation === 'reusable-workflow') checkIsolation(claims, trustedRepository);",
    "if (input.isolation === 'reusable-workflow') void trustedRepository;",
    REFUSALS,
    'refuses a job_workflow_ref outside our builder workflows: not isolated',
    true
  ],
  [
    'forged or tampered provenance',
    'src/verify/core/verify-sigstore-bundle.ts',
    'new Verifier(options.trustMaterial, thresholdsFor(options.trustMaterial)).verify(entity);',
    'void thresholdsFor;',
    '__tests__/verify-core/tamper.test.ts',
    'rejects a changed payload',
    false
  ],
  [
    'signing identity (builder id = SAN)',
    'src/verify/policy/check-builder.ts',
    'if (provenance.builderId !== signerIdentity) {',
    'if (false) {',
    '__tests__/verify-policy/policy-our-builder.test.ts',
    'refuses a predicate whose builder id differs from the certificate identity',
    false
  ],
  [
    'signing identity (issuer)',
    'src/verify/policy/evaluate.ts',
    'if (identity.issuer !== issuer) {',
    'if (false) {',
    '__tests__/verify-policy/policy-our-builder.test.ts',
    'refuses another OIDC issuer',
    false
  ],
  [
    'modified package',
    'src/verify/policy/evaluate.ts',
    'const matchedSubjects = checkSubjects(provenance.subjects, policy.artifacts);',
    'const matchedSubjects: never[] = []; void checkSubjects;',
    '__tests__/verify-policy/policy-real-provenance.test.ts',
    'fails when the artifact is not a subject',
    false
  ],
  [
    'untrusted or forked builder',
    'src/verify/policy/check-builder.ts',
    'if (!isDefaultTrustedBuilder(signer.name)) {',
    'if (false) {',
    '__tests__/verify-policy/policy-our-builder.test.ts',
    'refuses a fork of our repository',
    false
  ],
  [
    'self-hosted runner',
    'src/context/resolve.ts',
    "if (claims.runner_environment !== 'github-hosted' && !input.allowSelfHosted)",
    'if (false)',
    REFUSALS,
    'refuses a self-hosted runner unless allow-self-hosted-runners is true',
    true
  ],
  [
    'replay of old provenance (ref)',
    'src/verify/policy/check-ref.ts',
    'if (ref !== `refs/tags/${wanted.tag}`)',
    'if (false)',
    VERIFIER,
    'refuses genuine v1.0.0 provenance and artifact when the user asks for tag v1.1.0',
    false
  ],
  [
    'replay of old provenance (digest)',
    'src/verify/policy/evaluate.ts',
    'const matchedSubjects = checkSubjects(provenance.subjects, policy.artifacts);',
    'const matchedSubjects: never[] = []; void checkSubjects;',
    VERIFIER,
    'refuses old provenance replayed next to a new artifact',
    false
  ],
  [
    'look-alike repository (exact match)',
    'src/verify/policy/check-source.ts',
    "if (found !== expected) throw mismatch('source repository', expected, found);",
    '',
    VERIFIER,
    'refuses a certificate for a longer name',
    false
  ],
  [
    'look-alike repository (confusables)',
    'src/verify/policy/repository-uri.ts',
    'if (!REPOSITORY.test(withoutScheme) || ',
    'if (',
    VERIFIER,
    'refuses a certificate naming a Unicode confusable',
    false
  ],
  [
    'ref/branch confusion (user ref)',
    'src/verify/policy/check-ref.ts',
    'if (ref !== `refs/heads/${wanted.branch}`)',
    'if (false)',
    VERIFIER,
    'refuses a tag named like the branch the user asked for',
    false
  ],
  [
    'ref/branch confusion (certificate ref)',
    'src/verify/policy/check-ref.ts',
    'if (certificateRef !== undefined && certificateRef !== ref) {',
    'if (false) {',
    VERIFIER,
    'refuses a predicate ref that differs from the ref the token',
    false
  ],
  [
    'ref/branch confusion (generator env)',
    'src/context/resolve.ts',
    "['GITHUB_REF', claims.ref],",
    '',
    REFUSALS,
    'refuses when GITHUB_REF in the environment names another branch',
    true
  ],
  [
    'payloadType confusion',
    'src/verify/provenance/statement.ts',
    'if (payloadType !== INTOTO_PAYLOAD_TYPE) {',
    'if (false) {',
    '__tests__/verify-policy/provenance-parse.test.ts',
    'refuses a payloadType other than in-toto',
    false
  ],
  [
    'predicateType confusion',
    'src/verify/provenance/statement.ts',
    "if (typeof predicateType !== 'string' || !PREDICATE_TYPES.includes(predicateType)) {",
    "if (typeof predicateType !== 'string') {",
    '__tests__/verify-policy/provenance-parse.test.ts',
    'refuses an unknown _type or predicateType',
    false
  ],
  [
    'extra signatures',
    'src/verify/core/parse-bundle.ts',
    'requireOneDsseSignature(json as { dsseEnvelope?: { signatures?: unknown } }, origin);',
    '',
    VERIFIER,
    'rejects a DSSE envelope with a second copy of the genuine signature',
    false
  ],
  [
    'digest-algorithm downgrade',
    'src/verify/core/verify-sigstore-bundle.ts',
    "if (!['sha256', 'sha384', 'sha512'].includes(algorithm)) continue;",
    '',
    VERIFIER,
    'never matches a subject whose only digest is sha1',
    false
  ],
  [
    'log injection (legacy ##[ commands)',
    'src/sanitize.ts',
    ".replace(/##\\[/g, '##\\\\[')",
    '',
    INJECTION,
    '"##[error]legacy-error" stays inert',
    true
  ],
  [
    'summary injection (markdown/HTML)',
    'src/sanitize.ts',
    '(ch) => `&#${ch.charCodeAt(0)};`',
    '(ch) => ch',
    INJECTION,
    '"<img src=x onerror=alert(1)>" stays inert',
    true
  ]
];

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'remove-control-'));
  const skip = new Set(['node_modules', '.git', 'dist', 'demo-out', 'coverage']);
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => !skip.has(src.slice(ROOT.length + 1).split('/')[0])
  });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function jest(dir, file, name) {
  const args = [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    file,
    '--runTestsByPath'
  ];
  if (name) args.push('-t', escapeRegExp(name));
  return spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
}

function build(dir) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });
}

const wanted = process.argv.slice(2).map(Number);
const rows = CONTROLS.map((c, i) => [i + 1, ...c]).filter(
  ([n]) => wanted.length === 0 || wanted.includes(n)
);
const dir = scratchCopy();
let bad = 0;
try {
  build(dir);
  for (const file of new Set(rows.map((r) => r[5]))) {
    const baseline = jest(dir, file);
    if (baseline.status !== 0)
      throw new Error(`baseline ${file} fails before any control is removed:\n${baseline.stderr}`);
  }
  for (const [n, threat, file, control, replacement, testFile, testName, needsBundle] of rows) {
    const path = join(dir, file);
    const original = readFileSync(path, 'utf8');
    if (original.split(control).length !== 2)
      throw new Error(`row ${n}: control text not found exactly once in ${file}`);
    writeFileSync(path, original.replace(control, replacement));
    try {
      if (needsBundle) build(dir);
      const result = jest(dir, testFile, testName);
      const ran = /Tests:.*\d+ (passed|failed)/.test(result.stderr);
      const failed = result.status !== 0 && /Tests:.*\d+ failed/.test(result.stderr);
      if (!ran || !failed) bad++;
      console.log(
        `${failed ? 'FAILS as required' : 'STILL PASSES (control not tested!)'}  #${n} ${threat}: ${file} → ${testFile} › ${testName}`
      );
    } finally {
      writeFileSync(path, original);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = bad === 0 ? 0 : 1;
