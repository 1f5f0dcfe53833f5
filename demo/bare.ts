// The demo without act (main.ts falls back to it where act cannot be had, and for --subjects):
// the bundled action run directly, as the reusable workflow's jobs run it — the provenance job
// (mode provenance: sign, upload the workflow artifact) then the publish job (mode publish:
// fetch the artifact, attach it to the release, store it through the attestations API) —
// twice (a run and its re-run), then the same checks as the act demo.
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
import { join, resolve } from 'node:path';
import { startSandbox } from '../sandbox/index.js';
import { runAction } from './action-process.js';
import { parseSignedProvenance } from '../src/publish/signed-file.js';
import { checkProvenance } from './checks.js';
import { checkLogEntries } from './log-entries.js';

/** The bundled action and CLI; PROVENANCE_DIST points at another build (as the tests honour). */
const DIST = resolve(process.env.PROVENANCE_DIST ?? 'dist');

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

export interface BareDemoOptions {
  out: string;
  faults: string;
  subjects: number;
  immutableReleases: boolean;
  /** 2: sign into the sandbox's Rekor v2 log (signing-config + rekor-version 2). */
  rekorVersion?: 1 | 2;
  say: (line: string) => void;
}

export async function runBareDemo(options: BareDemoOptions): Promise<number> {
  const { faults, say } = options;
  const out = resolve(options.out);
  if (!existsSync(join(DIST, 'index.js'))) {
    say(`${join(DIST, 'index.js')} is missing: run \`npm run build\` first.`);
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
  const requested = options.subjects;
  const extra = syntheticSubjects(Math.min(requested, 100_000 - artifacts.length));
  const subjectsFile = join(out, 'synthetic-subjects.txt');
  rmSync(subjectsFile, { force: true });
  if (extra !== '') writeFileSync(subjectsFile, extra);

  const sandbox = await startSandbox({
    faults,
    artifacts: true,
    faultDelayMs: 35_000,
    immutableReleases: options.immutableReleases
  });
  try {
    copyFileSync(sandbox.trustedRootPath, join(out, 'trusted_root.json'));
    say(
      `Sandbox up: Fulcio ${sandbox.urls.fulcio}, Rekor ${sandbox.urls.rekor}, GitHub ${sandbox.urls.github}`
    );
    say(
      `Run: ${sandbox.run.repository}@${sandbox.run.ref}, builder ${sandbox.run.jobWorkflowRef}${faults ? `, faults ${faults}` : ''}`
    );
    const signing = {
      ...sandbox.actionInputs,
      'sigstore-instance': 'custom',
      'base64-subjects': base64Subjects,
      ...(extra !== '' ? { 'subjects-file': subjectsFile } : {}),
      'upload-artifact': 'true',
      // Rekor v2: services from the sandbox's signing_config.json, the log picked by version.
      ...(options.rekorVersion === 2
        ? {
            'sigstore-instance': '',
            'fulcio-url': '',
            'rekor-url': '',
            'tsa-url': '',
            'signing-config': sandbox.signingConfigPath,
            'rekor-version': '2'
          }
        : {})
    };
    const entry = join(DIST, 'index.js');
    const show = (line: string) => {
      // Like the runner's log view: debug lines and mask commands are not shown.
      if (!line.startsWith('::debug::') && !line.startsWith('::add-mask::')) say(`   │ ${line}`);
    };

    let provenance = '';
    for (const attempt of ['run', 're-run']) {
      say(`\n── ${attempt}, provenance job: node dist/index.js (mode provenance)`);
      const signed = await runAction({
        inputs: signing,
        env: sandbox.runnerEnv(),
        entry,
        onOutput: show
      });
      if (signed.exitCode !== 0) {
        say(
          `\nThe action failed (exit ${signed.exitCode}); nothing was published and no provenance was written to ${out}.`
        );
        return signed.exitCode;
      }
      provenance = signed.outputs['bundle-path'] ?? '';
      writeFileSync(join(out, 'job-summary.md'), signed.summary);
      say(
        `   outputs: provenance-name=${signed.outputs['provenance-name']} provenance-sha256=${signed.outputs['provenance-sha256']} (${Math.round(signed.durationMs)} ms)`
      );
      // The workflow's upload-assets and attest jobs: the same action in mode publish.
      say(`── ${attempt}, publish jobs: node dist/index.js (mode publish)`);
      const published = await runAction({
        inputs: {
          mode: 'publish',
          'github-token': sandbox.githubToken,
          'provenance-name': signed.outputs['provenance-name'] ?? '',
          'provenance-sha256': signed.outputs['provenance-sha256'] ?? '',
          'upload-assets': 'true',
          'attest-to-github': 'true'
        },
        env: sandbox.runnerEnv(),
        entry,
        onOutput: show
      });
      if (published.exitCode !== 0) {
        say(`\nPublishing failed (exit ${published.exitCode}).`);
        return published.exitCode;
      }
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
    say(`   Rekor v2          ${sandbox.rekorV2Size()} log entries`);
    say(`   trusted root      ${join(out, 'trusted_root.json')}`);

    const checked = checkProvenance({
      provenancePath: join(out, name),
      artifactsDir: join(out, 'artifacts'),
      artifacts,
      trustedRoot: sandbox.trustedRoot,
      trustedRootPath: join(out, 'trusted_root.json'),
      signer: `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`,
      issuer: sandbox.urls.oidc,
      repository: sandbox.run.repository,
      tag: sandbox.run.ref.replace('refs/tags/', ''),
      cli: join(DIST, 'cli', 'index.js'),
      say
    });
    const entries = checkLogEntries(
      parseSignedProvenance(readFileSync(join(out, name))).bundles,
      options.rekorVersion ?? 1
    );
    say(`   log entries       ${entries.ok ? 'ok' : 'FAILED'}: ${entries.line}`);
    if (!checked || !entries.ok) return 1;
    return 0;
  } finally {
    await sandbox.close();
  }
}
