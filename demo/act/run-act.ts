// Runs one caller workflow with act (nektos/act) on this host against the sandbox, and reads
// back what act reports per job. The wiring, all through act's own flags:
//   -P <label>=-self-hosted        every job on the host (no Docker here)
//   --local-repository uses=dir    remote `uses:` (our reusable workflow at a tag or SHA, the
//                                  third-party actions) resolved to local folders, never fetched
//   --env-file                     the runner environment GitHub would give the called workflow's
//                                  jobs: GITHUB_* of the run, ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN
//                                  (the sandbox OIDC issuer), GITHUB_API_URL (sandbox REST),
//                                  ACTIONS_RESULTS_URL/ACTIONS_RUNTIME_TOKEN (sandbox artifacts)
//   --secret-file                  GITHUB_TOKEN: the token the sandbox REST accepts (github.token)
//   --var                          configuration variables (the sandbox's Sigstore URLs)
//   -e event.json --json           the event payload; one JSON log record per line
// act reads ACTIONS_RUNTIME_URL/TOKEN from its own environment only with --artifact-server-path,
// which is not used: act's own artifact server never starts, the sandbox's results service serves.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ActJob {
  /** The job as act names it (a called workflow's job: `<caller job>/<job>`). */
  name: string;
  result: string;
}

export interface ActRun {
  exitCode: number;
  jobs: ActJob[];
  /** Every line act printed (JSON records), for a failure report. */
  log: string[];
  durationMs: number;
}

export interface ActOptions {
  act: string;
  /** The caller repository's work tree (act's -C and the job workspace in host mode). */
  workdir: string;
  /** The workflow file, relative to workdir. */
  workflow: string;
  eventName: string;
  event: Record<string, unknown>;
  env: Record<string, string>;
  secrets: Record<string, string>;
  /** Configuration variables (the `vars` context). */
  vars?: Record<string, string>;
  /** `owner/repo@ref` → local folder. */
  localRepositories: Record<string, string>;
  /** Scratch space for act's files, caches and config. */
  stateDir: string;
  /** Runner labels the workflows use; all mapped to the host. */
  labels?: string[];
  onRecord?: (record: ActRecord) => void;
}

/** One line of `act --json`: logrus fields. */
export interface ActRecord {
  msg?: string;
  level?: string;
  job?: string;
  jobID?: string;
  jobResult?: string;
  stage?: string;
  step?: string;
  raw_output?: boolean;
  [key: string]: unknown;
}

function envFile(values: Record<string, string>): string {
  return (
    Object.entries(values)
      .map(([k, v]) => {
        if (/[\r\n]/.test(v)) throw new Error(`act env ${k}: a value with a line break`);
        return `${k}=${JSON.stringify(v)}`;
      })
      .join('\n') + '\n'
  );
}

export function actArguments(o: ActOptions): string[] {
  mkdirSync(o.stateDir, { recursive: true });
  const eventPath = join(o.stateDir, 'event.json');
  const envPath = join(o.stateDir, 'act.env');
  const secretPath = join(o.stateDir, 'act.secrets');
  writeFileSync(eventPath, JSON.stringify(o.event));
  writeFileSync(envPath, envFile(o.env), { mode: 0o600 });
  writeFileSync(secretPath, envFile(o.secrets), { mode: 0o600 });
  const labels = o.labels ?? ['ubuntu-latest'];
  return [
    o.eventName,
    '-C',
    o.workdir,
    '-W',
    o.workflow,
    ...labels.flatMap((l) => ['-P', `${l}=-self-hosted`]),
    ...Object.entries(o.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}=${v}`]),
    ...Object.entries(o.localRepositories).flatMap(([k, v]) => ['--local-repository', `${k}=${v}`]),
    '--action-cache-path',
    join(o.stateDir, 'actions'),
    '--env-file',
    envPath,
    '--secret-file',
    secretPath,
    '-e',
    eventPath,
    '--actor',
    String(o.env.GITHUB_ACTOR ?? 'octocat'),
    '--no-cache-server',
    '--concurrent-jobs',
    '1',
    '--json'
  ];
}

export async function runAct(o: ActOptions): Promise<ActRun> {
  const args = actArguments(o);
  const started = performance.now();
  const child = spawn(o.act, args, {
    cwd: o.workdir,
    env: {
      ...process.env,
      // act's own config and caches stay in the run's scratch folder
      XDG_CONFIG_HOME: join(o.stateDir, 'config'),
      XDG_CACHE_HOME: join(o.stateDir, 'cache')
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const log: string[] = [];
  const results = new Map<string, string>();
  let partial = '';
  const take = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') continue;
      log.push(line);
      let record: ActRecord;
      try {
        record = JSON.parse(line) as ActRecord;
      } catch {
        record = { msg: line };
      }
      if (record.jobResult && record.job) results.set(record.job, record.jobResult);
      o.onRecord?.(record);
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exitCode = await new Promise<number>((done) =>
    child.on('close', (code) => done(code ?? 1))
  );
  if (partial !== '') take(Buffer.from('\n'));
  return {
    exitCode,
    jobs: [...results].map(([name, result]) => ({ name, result })),
    log,
    durationMs: performance.now() - started
  };
}
