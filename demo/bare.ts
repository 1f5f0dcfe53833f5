// `npm run demo`: the main job end to end on the loopback sandbox platform. It starts the
// sandbox (OIDC issuer, Fulcio, Rekor, CT log, TSA, GitHub REST, artifact storage), builds three
// demo artifacts, runs the bundled action twice (a run and its re-run), shows where each
// publication landed, and verifies the provenance with the bundled verifier CLI.
//   npm run demo -- --faults rekor=503x2,github=500x1   run under a fault plan
//   npm run demo -- --subjects 100000                   add N synthetic subjects (split over bundles)
//   npm run demo -- --out DIR                           write results elsewhere (default demo-out)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { runAction } from './action-process.js';

function syntheticSubjects(count: number): string {
  if (!Number.isInteger(count) || count < 0 || count > 100_000) {
    throw new Error(`--subjects: expected a whole number from 0 to 100000, found ${count}`);
  }
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `synthetic/file-${String(i).padStart(6, '0')}.bin`;
    lines.push(`${createHash('sha256').update(name).digest('hex')}  ${name}`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** Every bundle of the file through @sigstore/verify: chain, SCT, log entry, timestamp, identity. */
function verifyBundles(path: string, sandbox: Sandbox): string {
  const trust = toTrustMaterial(TrustedRoot.fromJSON(sandbox.trustedRoot));
  const verifier = new Verifier(trust, {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    timestampThreshold: 1
  });
  const policy = {
    subjectAlternativeName: `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`,
    extensions: { issuer: sandbox.urls.oidc }
  };
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  try {
    for (const line of lines)
      verifier.verify(toSignedEntity(bundleFromJSON(JSON.parse(line))), policy);
  } catch (e) {
    return `FAILED: ${e instanceof Error ? e.message : String(e)}`;
  }
  return `PASSED: ${lines.length} bundle(s), signer ${policy.subjectAlternativeName}, issuer ${policy.extensions.issuer}`;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = resolve(arg('--out') ?? 'demo-out');
const faults = arg('--faults') ?? '';
const say = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<number> {
  if (!existsSync('dist/index.js')) {
    say('dist/index.js is missing: run `npm run build` first.');
    return 1;
  }
  // A failed run must not leave an earlier run's provenance behind to be mistaken for its own.
  for (const f of existsSync(out) ? readdirSync(out) : [])
    if (f.endsWith('.intoto.jsonl')) rmSync(join(out, f));
  mkdirSync(join(out, 'artifacts'), { recursive: true });

  const artifacts = ['app-linux-amd64', 'app-darwin-arm64', 'app-windows-amd64.exe'];
  const lines: string[] = [];
  for (const name of artifacts) {
    const content = Buffer.from(`demo build of ${name}\n`);
    writeFileSync(join(out, 'artifacts', name), content);
    lines.push(`${createHash('sha256').update(content).digest('hex')}  ${name}`);
  }
  const base64Subjects = Buffer.from(lines.join('\n') + '\n').toString('base64');
  // --subjects N: N synthetic subjects more, handed over as a subjects file the way a large
  // build does (a job output, like an environment variable, cannot carry megabytes).
  // The action takes at most 100,000 subjects in all, the demo artifacts included.
  const requested = Number(arg('--subjects') ?? 0);
  const extra = syntheticSubjects(Math.min(requested, 100_000 - artifacts.length));
  const subjectsFile = join(out, 'synthetic-subjects.txt');
  rmSync(subjectsFile, { force: true });
  if (extra !== '') writeFileSync(subjectsFile, extra);

  const sandbox = await startSandbox({ faults, artifacts: true, faultDelayMs: 35_000 });
  try {
    copyFileSync(sandbox.trustedRootPath, join(out, 'trusted_root.json'));
    say(
      `Sandbox up: Fulcio ${sandbox.urls.fulcio}, Rekor ${sandbox.urls.rekor}, GitHub ${sandbox.urls.github}`
    );
    say(
      `Run: ${sandbox.run.repository}@${sandbox.run.ref}, builder ${sandbox.run.jobWorkflowRef}${faults ? `, faults ${faults}` : ''}`
    );
    const inputs = {
      ...sandbox.actionInputs,
      'sigstore-instance': 'custom',
      'base64-subjects': base64Subjects,
      ...(extra !== '' ? { 'subjects-file': subjectsFile } : {}),
      'upload-assets': 'true',
      'attest-to-github': 'true'
    };

    let provenance = '';
    for (const attempt of ['run', 're-run']) {
      say(`\n── ${attempt}: node dist/index.js`);
      const result = await runAction({
        inputs,
        env: sandbox.runnerEnv(),
        onOutput: (line) => {
          // Like the runner's log view: debug lines and mask commands are not shown.
          if (!line.startsWith('::debug::') && !line.startsWith('::add-mask::'))
            say(`   │ ${line}`);
        }
      });
      if (result.exitCode !== 0) {
        say(
          `\nThe action failed (exit ${result.exitCode}); nothing was published and no provenance was written to ${out}.`
        );
        return result.exitCode;
      }
      provenance = result.outputs['bundle-path'] ?? '';
      writeFileSync(join(out, 'job-summary.md'), result.summary);
      say(
        `   outputs: provenance-name=${result.outputs['provenance-name']} provenance-sha256=${result.outputs['provenance-sha256']} (${Math.round(result.durationMs)} ms)`
      );
    }

    const name = provenance.split('/').pop()!;
    copyFileSync(provenance, join(out, name));
    const releases = sandbox.github.releases;
    const assets = sandbox.github.assets;
    const attestations = sandbox.github.attestations;
    const workflowArtifacts = sandbox.artifacts?.listArtifacts() ?? [];
    say('\nWhere it went (after a run and a re-run — nothing is duplicated):');
    say(`   file              ${join(out, name)}`);
    say(
      `   workflow artifact ${workflowArtifacts.map((a) => `${a.name} (${a.size} bytes)`).join(', ')} — ${workflowArtifacts.length} in storage`
    );
    say(
      `   release           ${releases.map((r) => `${r.tagName}${r.draft ? ' (draft)' : ''}`).join(', ')} — ${assets.length} asset(s): ${assets.map((a) => a.name).join(', ')}`
    );
    say(
      `   attestations API  ${attestations.length} attestation(s) stored for ${new Set(attestations.flatMap((a) => a.subjectDigests)).size} subject digest(s)`
    );
    say(`   Rekor             ${sandbox.rekorSize()} log entries`);
    say(`   trusted root      ${join(out, 'trusted_root.json')}`);

    say('\nVerify (@sigstore/verify, sandbox trusted root, identity policy):');
    const verdict = verifyBundles(join(out, name), sandbox);
    say(`   ${verdict}`);
    if (!verdict.startsWith('PASSED')) return 1;

    if (existsSync('dist/cli/index.js')) {
      say('\nVerify (bundled CLI, sandbox trusted root):');
      const tag = sandbox.run.ref.replace('refs/tags/', '');
      for (const artifact of artifacts) {
        const argv = [
          'dist/cli/index.js',
          'verify-artifact',
          join(out, 'artifacts', artifact),
          '--provenance-path',
          join(out, name),
          '--source-uri',
          `github.com/${sandbox.run.repository}`,
          '--source-tag',
          tag,
          '--trusted-root',
          join(out, 'trusted_root.json'),
          '--certificate-oidc-issuer',
          sandbox.urls.oidc
        ];
        try {
          execFileSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
          say(`   ${artifact}: PASSED`);
        } catch (e) {
          say(
            `   ${artifact}: FAILED ${(e as { stderr?: Buffer }).stderr?.toString().trim() ?? ''}`
          );
          return 1;
        }
      }
      // The same provenance must fail for any other policy: that is what a verifier is for.
      const first = join(out, 'artifacts', artifacts[0]!);
      const common = [
        '--provenance-path',
        join(out, name),
        '--trusted-root',
        join(out, 'trusted_root.json'),
        '--certificate-oidc-issuer',
        sandbox.urls.oidc
      ];
      const wrong: [string, string[]][] = [
        [
          'wrong source repository',
          ['--source-uri', `github.com/${sandbox.run.repository}-evil`, '--source-tag', tag]
        ],
        [
          'wrong branch',
          ['--source-uri', `github.com/${sandbox.run.repository}`, '--source-branch', 'main']
        ],
        [
          'wrong tag',
          ['--source-uri', `github.com/${sandbox.run.repository}`, '--source-tag', 'v9.9.9']
        ],
        [
          'wrong builder',
          [
            '--source-uri',
            `github.com/${sandbox.run.repository}`,
            '--source-tag',
            tag,
            '--builder-id',
            'https://github.com/evil/builder/.github/workflows/generic.yml@refs/tags/v1.0.0'
          ]
        ]
      ];
      for (const [label, flags] of wrong) {
        try {
          execFileSync(
            process.execPath,
            ['dist/cli/index.js', 'verify-artifact', first, ...common, ...flags],
            { stdio: ['ignore', 'ignore', 'pipe'] }
          );
          say(`   ${label}: unexpectedly PASSED`);
          return 1;
        } catch (e) {
          say(
            `   ${label}: ${(e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? 'FAILED'}`
          );
        }
      }
    }
    return 0;
  } finally {
    await sandbox.close();
  }
}

process.exitCode = await main();
