// `npm run demo`: the product end to end, as users run it. examples/ callers run through act
// (nektos/act, built on first use by scripts/install-peers.sh) on this host against the loopback
// sandbox: the caller's build job, then our reusable workflow — builder pin from the OIDC token,
// builder checkout at job_workflow_sha, subject collection, the pinned-builder composite, the
// action, and the publish jobs (the same action in mode publish). Then every output is verified.
//   npm run demo -- --immutable-releases   the repository has immutable releases (GitHub's rule:
//                                          a published release takes no new assets)
//   npm run demo -- --faults rekor=503x2   run under a fault plan (see sandbox/faults.ts)
//   npm run demo -- --rekor-version 2      sign into the sandbox's Rekor v2 log (the callers pass
//                                          rekor-version: 2; docs/REKOR_V2.md)
//   npm run demo -- --subjects 100000      N synthetic subjects more (bare action: see below)
//   npm run demo -- --out DIR              results elsewhere (default demo-out)
//   npm run demo -- --bare                 the bare action instead of act
// Writes: the published .intoto.jsonl, trusted_root.json, artifacts/, job-summary.md (the release
// caller's), runs/<caller>/ for the other callers, and workflow-run.json. Without Go (no act) it
// says so in one line and runs the bare action (demo/bare.ts) the way the workflow's jobs do.
// PROVENANCE_DIST=DIR uses another build of the action and CLI instead of dist/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseSignedProvenance } from '../src/publish/signed-file.js';
import { renderSummary, type Publication } from '../src/publish/summary.js';
import { runBareDemo } from './bare.js';
import { checkImages, checkProvenance } from './checks.js';
import { startRegistry } from '../sandbox/registry.js';
import { checkLogEntries } from './log-entries.js';
import { ensureAct } from './ensure-act.js';
import {
  jobsOf,
  overall,
  provenanceOf,
  releaseOf,
  type ReleaseRecord,
  type RunRecord
} from './act/collect.js';
import type { ActRecord } from './act/run-act.js';
import { DEMO_ARTIFACTS } from './act/repos.js';
import { buildStandIns } from './act/standins.js';
import { RELEASE_TAG, runCallerWorkflow, type CallerRun } from './act/workflow-run.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = resolve(arg('--out') ?? 'demo-out');
const faults = arg('--faults') ?? '';
const subjects = Number(arg('--subjects') ?? 0);
const immutableReleases = process.argv.includes('--immutable-releases');
const rekorVersion = arg('--rekor-version') === '2' ? 2 : 1;
if (![undefined, '1', '2'].includes(arg('--rekor-version'))) {
  process.stdout.write(`--rekor-version: expected 1 or 2, found ${arg('--rekor-version')}\n`);
  process.exit(2);
}
const DIST = resolve(process.env.PROVENANCE_DIST ?? 'dist');
const say = (s: string) => process.stdout.write(`${s}\n`);

/** The callers the demo runs, in order; the first one's outputs are demo-out's top level. */
const DEMO_RUNS: (CallerRun & { attempts: number; registry?: true })[] = [
  {
    caller: 'examples/github-release.yml',
    called: '.github/workflows/generic.yml',
    attempts: 2 // a run and its re-run: nothing is duplicated, nothing replaced
  },
  {
    caller: 'examples/matrix-build.yml',
    called: '.github/workflows/generic.yml',
    labels: ['ubuntu-latest', 'macos-latest', 'windows-latest'],
    attempts: 1
  },
  {
    // Pushes to Debian's docker-registry on loopback, which the demo starts for it.
    caller: 'examples/container-oci-layout.yml',
    called: '.github/workflows/container.yml',
    attempts: 1,
    registry: true
  }
];

/** act's log, shortened to what a reader of the run's log view would look at. */
function showRecord(record: ActRecord): void {
  const msg = String(record.msg ?? '').trimEnd();
  if (msg === '' || msg.startsWith('LocalRepositoryCache') || msg.includes('::set-output::'))
    return;
  if (/^\s*⚙\s+\*\*\*$/.test(msg) || msg.startsWith('Cleaning up container')) return;
  const job = String(record.job ?? '').trim();
  say(`   │ ${job ? `[${job}] ` : ''}${msg}`);
}

function publicationsOf(
  record: RunRecord,
  provenanceName: string,
  attestationUrls: string[]
): Publication[] {
  const list: Publication[] = [
    { kind: 'artifact', location: `artifact ${provenanceName}`, status: 'created' }
  ];
  if (record.release?.assets.includes(provenanceName))
    list.push({
      kind: 'release-asset',
      location: `https://github.com/octo-org/octo-app/releases/download/${record.release.tag}/${provenanceName}`,
      status: 'created'
    });
  for (const url of attestationUrls)
    list.push({ kind: 'attestation', location: url, status: 'created' });
  return list;
}

async function runWithAct(act: string, engine: string): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'demo-act-'));
  const records: RunRecord[] = [];
  let failed = false;
  // A failed run must not leave an earlier run's provenance behind to be mistaken for its own.
  for (const f of readdirSync(out)) if (f.endsWith('.intoto.jsonl')) rmSync(join(out, f));
  rmSync(join(out, 'runs'), { recursive: true, force: true });
  try {
    const standIns = await buildStandIns(join(scratch, 'standins'));
    for (const [index, run] of DEMO_RUNS.entries()) {
      const dir = index === 0 ? out : join(out, 'runs', basename(run.caller, '.yml'));
      mkdirSync(join(dir, 'artifacts'), { recursive: true });
      say(
        `\n══ ${run.caller} → ${run.called} (act, ${run.attempts === 2 ? 'a run and its re-run' : 'one run'})`
      );
      const started = performance.now();
      let record: RunRecord | undefined;
      const registry = run.registry ? await startRegistry() : undefined;
      const vars: Record<string, string> = registry
        ? { REGISTRY: registry.host, REGISTRY_TLS_VERIFY: 'false' }
        : {};
      const result = await runCallerWorkflow(
        {
          ...run,
          vars: { ...run.vars, ...vars },
          callWith: { ...run.callWith, 'rekor-version': String(rekorVersion) }
        },
        {
          act,
          projectRoot: process.cwd(),
          standIns,
          ...(process.env.PROVENANCE_DIST ? { distDir: DIST } : {}),
          // Sigstore's own Fulcio and TSA when scripts/install-peers.sh has built them
          // (SANDBOX_SIGSTORE=stand-in|real|auto chooses otherwise).
          sandbox: {
            faults,
            faultDelayMs: 35_000,
            immutableReleases,
            ...(process.env.SANDBOX_SIGSTORE ? {} : { sigstore: 'auto' as const })
          },
          rekorVersion,
          attempts: run.attempts,
          onRecord: showRecord,
          inspect: async (sandbox, r) => {
            const first = r.attempts[0]!;
            const last = r.attempts[r.attempts.length - 1]!;
            const release: ReleaseRecord | undefined = releaseOf(sandbox, RELEASE_TAG);
            const published = await provenanceOf(sandbox, RELEASE_TAG);
            // The trust material first: it is this sandbox's whether or not the run succeeded.
            copyFileSync(sandbox.trustedRootPath, join(dir, 'trusted_root.json'));
            record = {
              caller: run.caller,
              called: run.called,
              jobs: jobsOf(first.jobs),
              result: overall(first.exitCode, first.jobs),
              ...(release ? { release } : {}),
              ...(r.attempts.length > 1
                ? { rerun: { jobs: jobsOf(last.jobs), result: overall(last.exitCode, last.jobs) } }
                : {}),
              attestations: sandbox.github.attestations.length,
              sandbox: { ...sandbox.implementations },
              durationMs: 0
            };
            say(`\nWhere it went:`);
            say(
              `   jobs              ${record.jobs.map((j) => `${j.name}: ${j.result}`).join(', ')}`
            );
            if (record.rerun)
              say(
                `   re-run            ${record.rerun.jobs.map((j) => `${j.name}: ${j.result}`).join(', ')}`
              );
            say(
              `   workflow artifact ${(sandbox.artifacts?.listArtifacts() ?? []).map((a) => a.name).join(', ')}`
            );
            say(
              `   release           ${release ? `${release.tag}${release.draft ? ' (draft)' : ''}${release.immutable ? ' (immutable)' : ''}: ${release.assets.join(', ')}` : 'none'}`
            );
            say(`   attestations API  ${sandbox.github.attestations.length} stored`);
            if (faults) {
              const services = [...new Set(sandbox.faults.rules.map((r) => r.service))];
              say(
                `   faults injected   ${services
                  .map((svc) => {
                    const c = sandbox.faults.counts(svc);
                    return `${svc} ${c.faulted} of ${c.requests} requests`;
                  })
                  .join(', ')}`
              );
            }
            say(`   Rekor             ${sandbox.rekorSize()} log entries`);
            say(`   Rekor v2          ${sandbox.rekorV2Size()} log entries`);
            if (!published || record.result !== 'success') return;

            record.provenance = {
              name: published.name,
              sha256: createHash('sha256').update(published.content).digest('hex'),
              source: published.source
            };
            // The published file, as a user downloads it, next to the trust material to check it.
            for (const f of existsSync(dir) ? readdirSync(dir) : [])
              if (f.endsWith('.intoto.jsonl')) rmSync(join(dir, f));
            writeFileSync(join(dir, published.name), published.content);
            if (run.registry) {
              // Container mode: the subjects are the pushed images; verify them in the registry.
              const { statements } = parseSignedProvenance(published.content);
              const ok = checkImages({
                images: statements.flatMap((s) =>
                  s.subject.map((x) => `${x.name}@sha256:${x.digest['sha256']}`)
                ),
                provenancePath: join(dir, published.name),
                trustedRoot: sandbox.trustedRoot,
                trustedRootPath: join(dir, 'trusted_root.json'),
                signer: `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`,
                issuer: sandbox.urls.oidc,
                repository: sandbox.run.repository,
                tag: RELEASE_TAG,
                cli: join(DIST, 'cli', 'index.js'),
                say
              });
              if (!ok) record.result = 'failure';
              return;
            }
            // The build job's outputs: the caller's own recipe, run again here (act's job
            // workspace is gone), giving the same bytes the subjects name.
            execFileSync('make', ['--silent', 'dist'], { cwd: r.callerRepo.dir });
            for (const name of DEMO_ARTIFACTS)
              copyFileSync(join(r.callerRepo.dir, 'dist', name), join(dir, 'artifacts', name));
            const { statements, bundles } = parseSignedProvenance(published.content);
            const entries = checkLogEntries(bundles, rekorVersion);
            say(`   log entries       ${entries.ok ? 'ok' : 'FAILED'}: ${entries.line}`);
            if (!entries.ok) record.result = 'failure';
            writeFileSync(
              join(dir, 'job-summary.md'),
              renderSummary({
                context: {
                  repository: sandbox.run.repository,
                  ref: sandbox.run.ref,
                  jobWorkflowRef: sandbox.run.jobWorkflowRef,
                  serverUrl: sandbox.run.serverUrl
                },
                subjects: statements.flatMap((s) => s.subject),
                provenanceName: published.name,
                provenanceSha256: record.provenance.sha256,
                bundleCount: bundles.length,
                publications: publicationsOf(
                  record,
                  published.name,
                  sandbox.github.attestations.map(
                    (a) => `https://github.com/${a.repository}/attestations/${a.id}`
                  )
                ),
                transparencyLog: `Rekor v${rekorVersion} at ${rekorVersion === 2 ? sandbox.urls.rekorV2 : sandbox.urls.rekor}`
              })
            );
            const ok = checkProvenance({
              provenancePath: join(dir, published.name),
              artifactsDir: join(dir, 'artifacts'),
              artifacts: DEMO_ARTIFACTS,
              trustedRoot: sandbox.trustedRoot,
              trustedRootPath: join(dir, 'trusted_root.json'),
              signer: `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`,
              issuer: sandbox.urls.oidc,
              repository: sandbox.run.repository,
              tag: RELEASE_TAG,
              cli: join(DIST, 'cli', 'index.js'),
              say
            });
            if (!ok) record.result = 'failure';
          }
        }
      );
      void result;
      await registry?.close();
      const done = record ?? {
        caller: run.caller,
        called: run.called,
        jobs: [],
        result: 'failure' as const,
        durationMs: 0
      };
      done.durationMs = Math.round(performance.now() - started);
      records.push(done);
      say(`\n   ${run.caller}: ${done.result} (${(done.durationMs / 1000).toFixed(1)} s)`);
      if (done.result !== 'success' || (done.rerun && done.rerun.result !== 'success'))
        failed = true;
    }
  } finally {
    writeFileSync(
      join(out, 'workflow-run.json'),
      JSON.stringify({ engine, runs: records }, null, 2) + '\n'
    );
    rmSync(scratch, { recursive: true, force: true });
  }
  say(`\nworkflow-run.json: ${join(out, 'workflow-run.json')}`);
  return failed ? 1 : 0;
}

async function main(): Promise<number> {
  if (!existsSync(join(DIST, 'index.js'))) {
    say(`${join(DIST, 'index.js')} is missing: run \`npm run build\` first.`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  const bare = () =>
    runBareDemo({ out, faults, subjects, immutableReleases, rekorVersion, say }).then((code) => {
      writeFileSync(
        join(out, 'workflow-run.json'),
        JSON.stringify({ engine: 'bare action (no act)', runs: [] }, null, 2) + '\n'
      );
      return code;
    });
  if (process.argv.includes('--bare')) return bare();
  if (subjects > 0) {
    say('--subjects runs the bare action: the demo callers build three files.');
    return bare();
  }
  const act = await ensureAct(say);
  if ('missing' in act) {
    say(act.missing);
    return bare();
  }
  say(`Engine: ${act.version}, every job on this host (-P <label>=-self-hosted)`);
  return runWithAct(act.act, act.version);
}

process.exitCode = await main();
