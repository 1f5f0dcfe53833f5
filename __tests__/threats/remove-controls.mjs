// Checks the claim in docs/THREAT_MODEL.md that each threat's test fails when its control is
// removed. For every control: copy the project to a scratch folder, take the control out there
// (control-edits.mjs: anchored on a named function or a named bash function/statement, never
// on exact text), rebuild the action bundle when the test drives it, run only the named test,
// and require it to FAIL. The working tree is never touched.
//   npm run test:threats                 all rows
//   npm run test:threats -- 3 7          only rows 3 and 7 (1-based)
// Not a jest test: it rebuilds the bundle for some rows and takes minutes.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { anchorOf, removeControl } from './control-edits.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const REFUSALS = '__tests__/threats/generator-refusals.test.ts';
const VERIFIER = '__tests__/threats/verifier-threats.test.ts';
const INJECTION = '__tests__/injection/hostile-strings.test.ts';
const WORKFLOW_SCRIPTS = '__tests__/injection/workflow-scripts.test.ts';
const SUMMARY = '__tests__/injection/summary-markdown.test.ts';
const OUR_BUILDER = '__tests__/verify-policy/policy-our-builder.test.ts';
const PARSE = '__tests__/verify-policy/provenance-parse.test.ts';

/**
 * One row per row of the threat table, in its order: the file holding the control, the edit
 * that takes it out (see control-edits.mjs), the test that must then fail, and whether that
 * test drives the bundled action (dist/), which must then be rebuilt.
 */
export const CONTROLS = [
  [
    'modified source (env)',
    'src/context/resolve.ts',
    { in: 'checkEnvironment', element: "['GITHUB_SHA'" },
    REFUSALS,
    'refuses when GITHUB_SHA in the environment differs from the token',
    true
  ],
  [
    'modified source (REST)',
    'src/context/resolve.ts',
    { in: 'checkRunAttempt', call: 'requireSame', firstArgument: "'sha'" },
    REFUSALS,
    'refuses when the REST API reports another head commit for the run',
    true
  ],
  [
    'modified source (verifier)',
    'src/verify/policy/check-source.ts',
    { in: 'checkSource', never: 'claimed !== found' },
    OUR_BUILDER,
    'refuses a predicate source that disagrees with the certificate',
    false
  ],
  [
    'compromised build job',
    'src/context/resolve.ts',
    { in: 'checkIsolation', body: 'void claims; void trustedRepository;' },
    REFUSALS,
    'refuses a job_workflow_ref outside our builder workflows: not isolated',
    true
  ],
  [
    'forged or tampered provenance',
    'src/verify/core/verify-sigstore-bundle.ts',
    { in: 'verifyParsedBundle', call: 'verifier.verify', all: true },
    '__tests__/verify-core/tamper.test.ts',
    'rejects a changed payload',
    false
  ],
  [
    'signing identity (builder id = SAN)',
    'src/verify/policy/check-builder.ts',
    { in: 'checkBuilder', never: 'provenance.builderId !== signerIdentity' },
    OUR_BUILDER,
    'refuses a predicate whose builder id differs from the certificate identity',
    false
  ],
  [
    'signing identity (issuer)',
    'src/verify/policy/evaluate.ts',
    { in: 'evaluatePolicy', never: 'identity.issuer !== issuer' },
    OUR_BUILDER,
    'refuses another OIDC issuer',
    false
  ],
  [
    'modified package',
    'src/verify/policy/evaluate.ts',
    { in: 'evaluatePolicy', replaceCall: 'checkSubjects', with: '[]' },
    '__tests__/verify-policy/policy-real-provenance.test.ts',
    'fails when the artifact is not a subject',
    false
  ],
  [
    'untrusted or forked builder',
    'src/verify/policy/check-builder.ts',
    { in: 'trustSigner', never: '!isDefaultTrustedBuilder(' },
    OUR_BUILDER,
    'refuses a fork of our repository',
    false
  ],
  [
    'self-hosted runner',
    'src/context/resolve.ts',
    { in: 'resolveBuildContext', never: "claims.runner_environment !== 'github-hosted'" },
    REFUSALS,
    'refuses a self-hosted runner unless allow-self-hosted-runners is true',
    true
  ],
  [
    'replay of old provenance (ref)',
    'src/verify/policy/check-ref.ts',
    { in: 'checkSourceRef', never: 'ref !== `refs/tags/${wanted.tag}`' },
    VERIFIER,
    'refuses genuine v1.0.0 provenance and artifact when the user asks for tag v1.1.0',
    false
  ],
  [
    'replay of old provenance (digest)',
    'src/verify/policy/evaluate.ts',
    { in: 'evaluatePolicy', replaceCall: 'checkSubjects', with: '[]' },
    VERIFIER,
    'refuses old provenance replayed next to a new artifact',
    false
  ],
  [
    'look-alike repository (exact match)',
    'src/verify/policy/check-source.ts',
    { in: 'checkSource', never: 'found !== expected' },
    VERIFIER,
    'refuses a certificate for a longer name',
    false
  ],
  [
    'look-alike repository (confusables)',
    'src/verify/policy/repository-uri.ts',
    { in: 'normaliseRepositoryUri', never: '!REPOSITORY.test(' },
    VERIFIER,
    'refuses a certificate naming a Unicode confusable',
    false
  ],
  [
    'ref/branch confusion (user ref)',
    'src/verify/policy/check-ref.ts',
    { in: 'checkBranch', body: 'void ref; void provenance; void branch;' },
    VERIFIER,
    'refuses a tag named like the branch the user asked for',
    false
  ],
  [
    'ref/branch confusion (certificate ref)',
    'src/verify/policy/check-ref.ts',
    { in: 'certificateSourceRef', never: 'certificateRef !== provenance.sourceRef' },
    VERIFIER,
    'refuses a predicate ref that differs from the ref the token',
    false
  ],
  [
    'ref/branch confusion (generator env)',
    'src/context/resolve.ts',
    { in: 'checkEnvironment', element: "['GITHUB_REF'" },
    REFUSALS,
    'refuses when GITHUB_REF in the environment names another branch',
    true
  ],
  [
    'payloadType confusion',
    'src/verify/provenance/statement.ts',
    { in: 'parseStatementPayload', never: 'payloadType !== INTOTO_PAYLOAD_TYPE' },
    PARSE,
    'refuses a payloadType other than in-toto',
    false
  ],
  [
    'predicateType confusion',
    'src/verify/provenance/statement.ts',
    { in: 'readStatement', never: 'PREDICATE_TYPES.includes(predicateType)' },
    PARSE,
    'refuses an unknown _type or predicateType',
    false
  ],
  [
    'extra signatures',
    'src/verify/core/parse-bundle.ts',
    { in: 'parseSigstoreBundle', call: 'requireOneDsseSignature' },
    VERIFIER,
    'rejects a DSSE envelope with a second copy of the genuine signature',
    false
  ],
  [
    'digest-algorithm downgrade',
    'src/verify/core/verify-sigstore-bundle.ts',
    { in: 'checkArtifactInSubjects', never: '.includes(algorithm)' },
    VERIFIER,
    'never matches a subject whose only digest is sha1',
    false
  ],
  [
    'log injection (legacy ##[ commands)',
    'src/sanitize.ts',
    { in: 'safeLogText', unwrapCall: 'replace', firstArgument: '/##\\[/g' },
    INJECTION,
    '"##[error]legacy-error" stays inert',
    true
  ],
  [
    'summary injection (markdown/HTML)',
    'src/sanitize.ts',
    { in: 'safeMarkdownText', body: 'return safeLogText(value, maxLength);' },
    INJECTION,
    '"<img src=x onerror=alert(1)>" stays inert',
    true
  ],
  [
    'summary autolinks',
    'src/publish/summary.ts',
    { in: 'markdownCell', body: 'return safeMarkdownText(value);' },
    SUMMARY,
    'renders no link, image or HTML of a tenant',
    false
  ],
  [
    'summary names read as options',
    'src/publish/summary.ts',
    { in: 'commandArgument', body: 'return shellQuote(name);' },
    SUMMARY,
    'quotes names into single words that are never options',
    false
  ],
  [
    'workflow commands from generic.yml bash',
    '.github/workflows/generic.yml',
    { bashFunction: 'inert', body: `printf '%s' "$1"` },
    WORKFLOW_SCRIPTS,
    '.github/workflows/generic.yml provenance › sources: every variable',
    false
  ],
  [
    'workflow commands from container.yml bash',
    '.github/workflows/container.yml',
    { bashFunction: 'inert', body: `printf '%s' "$1"` },
    WORKFLOW_SCRIPTS,
    '.github/workflows/container.yml provenance › images: every variable',
    false
  ],
  [
    'workflow commands from pinned-builder bash',
    '.github/actions/pinned-builder/action.yml',
    { bashFunction: 'inert', body: `printf '%s' "$1"` },
    WORKFLOW_SCRIPTS,
    'a hostile fork name in the event payload stays inert',
    false
  ],
  [
    'workflow commands from upload-subjects bash',
    'actions/upload-subjects/action.yml',
    { bashFunction: 'inert', body: `printf '%s' "$1"` },
    WORKFLOW_SCRIPTS,
    'actions/upload-subjects/action.yml composite › prepare: every variable',
    false
  ],
  [
    'glob expansion of subjects-artifacts',
    '.github/workflows/generic.yml',
    { bashStatement: 'set -f' },
    WORKFLOW_SCRIPTS,
    "accepts the documented '*' in a workspace full of folders",
    false
  ],
  [
    'workflow artifact swapped before publishing',
    'src/publish/signed-file.ts',
    { in: 'checkProvenanceDigest', never: 'found !== expectedSha256' },
    '__tests__/publish-mode/publish-mode.test.ts',
    'refuses a file that is not the one the provenance job signed, in one line',
    true
  ]
];

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'remove-control-'));
  // Large or generated folders are linked (installed tools) or left out (outputs, git).
  const linked = ['node_modules', '.peers'].filter((name) => existsSync(join(ROOT, name)));
  const skip = new Set([
    ...linked,
    '.git',
    '.helpers',
    'dist',
    'demo-out',
    'interop-out',
    'coverage',
    '.sandbox-data',
    'tmp'
  ]);
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) => !skip.has(src.slice(ROOT.length + 1).split('/')[0])
  });
  for (const name of linked) symlinkSync(join(ROOT, name), join(dir, name), 'dir');
  return dir;
}

/** Runs only the named tests of one file (a regex OR of their names). */
function jest(dir, file, names) {
  const pattern = names.map(escapeRegExp).join('|');
  return spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      file,
      '--runTestsByPath',
      '-t',
      pattern
    ],
    { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
  );
}

/**
 * The action's bundle for the scratch copy, made with esbuild in seconds rather than ncc's
 * minutes: the baseline run below proves the named tests pass on this bundle unmodified, so a
 * failure after the edit is the edit's. (The release bundle is ncc's, checked by check:dist.)
 */
function buildAction(dir) {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      'src/index.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node24',
      '--outfile=dist/index.js',
      '--log-level=error',
      "--banner:js=import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
    ],
    { cwd: dir, stdio: 'ignore' }
  );
}

const counts = (result) => ({
  passed: Number(/Tests:.*?(\d+) passed/.exec(result.stderr)?.[1] ?? 0),
  failed: Number(/Tests:.*?(\d+) failed/.exec(result.stderr)?.[1] ?? 0)
});

const started = Date.now();
if (process.argv.includes('--dry')) {
  // Only check that every edit still applies to the working tree, and show its size.
  let missing = 0;
  for (const [n, threat, file, edit] of CONTROLS.map((c, i) => [i + 1, ...c])) {
    const original = readFileSync(join(ROOT, file), 'utf8');
    try {
      const mutated = removeControl(file, original, edit);
      console.log(
        `applies  #${n} ${threat}: ${file} › ${anchorOf(edit)} (${original.length - mutated.length} characters fewer)`
      );
    } catch (e) {
      missing++;
      console.log(`DOES NOT APPLY  #${n} ${threat}: ${e.message}`);
    }
  }
  process.exit(missing === 0 ? 0 : 1);
}
const wanted = process.argv.slice(2).map(Number);
const rows = CONTROLS.map((c, i) => [i + 1, ...c]).filter(
  ([n]) => wanted.length === 0 || wanted.includes(n)
);
const dir = scratchCopy();
let bad = 0;
let builds = 0;
try {
  if (rows.some((r) => r[6])) {
    buildAction(dir);
    builds++;
  }
  // Baseline: every named test passes before anything is removed.
  const baselineFailed = new Set();
  for (const file of new Set(rows.map((r) => r[4]))) {
    const names = rows.filter((r) => r[4] === file).map((r) => r[5]);
    const baseline = jest(dir, file, names);
    const { passed, failed } = counts(baseline);
    if (baseline.status !== 0 || passed === 0 || failed > 0) {
      baselineFailed.add(file);
      console.log(
        `BASELINE FAILS  ${file} (${passed} passed, ${failed} failed) before any control is removed`
      );
      console.log(
        baseline.stderr
          .split('\n')
          .filter((l) => /●|Expected|Received/.test(l))
          .slice(0, 12)
          .join('\n')
      );
    }
  }
  for (const [n, threat, file, edit, testFile, testName, needsBundle] of rows) {
    const label = `#${n} ${threat}: ${file} › ${anchorOf(edit)} → ${testFile} › ${testName}`;
    if (baselineFailed.has(testFile)) {
      bad++;
      console.log(`NOT PROVEN (baseline fails)  ${label}`);
      continue;
    }
    const path = join(dir, file);
    const original = readFileSync(path, 'utf8');
    let mutated;
    try {
      mutated = removeControl(file, original, edit);
    } catch (e) {
      bad++;
      console.log(`NOT PROVEN (control not found: ${e.message})  ${label}`);
      continue;
    }
    writeFileSync(path, mutated);
    try {
      if (needsBundle) {
        buildAction(dir);
        builds++;
      }
      const result = jest(dir, testFile, [testName]);
      const { passed, failed } = counts(result);
      const fails = result.status !== 0 && failed > 0;
      if (!fails) bad++;
      console.log(
        `${fails ? 'FAILS as required' : `STILL PASSES (control not tested! ${passed} passed)`}  ${label}`
      );
    } finally {
      writeFileSync(path, original);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `${rows.length - bad} passed, ${bad} failed (rows whose test fails without its control; ${builds} bundle builds, ${seconds} s)`
);
process.exitCode = bad === 0 ? 0 : 1;
