// Every `run:` script of the shipped workflows (generic.yml, container.yml) and of every
// composite action, run for real with bash against hostile values in each variable it reads:
// line breaks, workflow commands (`::…::`, legacy `##[…]`, `%0A`-encoded), globs, a leading
// `-`, very long and non-UTF-8 values. The log is read the way the runner reads it
// (runner-commands.ts): the only commands are our own `::error`/`::warning` lines, one line
// each; no value is expanded as a glob against the working directory (it holds a file that
// must never show up); GITHUB_OUTPUT gains no key an input chose.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOidcIssuer } from '../../sandbox/oidc.js';
import { serveService, type RunningService } from '../../sandbox/http.js';
import { defaultRun, type RunDescription } from '../../sandbox/run.js';
import { readDoc, ROOT } from '../workflows/files.js';
import { parseGithubOutput } from '../helpers/run-action.js';
import { workflowCommands } from './runner-commands.js';

type Rec = Record<string, unknown>;

/** A file in the working directory of every run: a glob that reaches the shell finds it. */
const GLOB_CANARY = 'GLOB-CANARY-entry';
const HEX64 = 'e'.repeat(64);

const text = (s: string): Buffer => Buffer.from(s, 'utf8');
/** Hostile values as bytes (non-UTF-8 included); NUL cannot be in an environment variable. */
export const HOSTILE_VALUES: readonly Buffer[] = [
  text('x\n::warning::injected-warning'),
  text('x\r\n::add-mask::injected-mask'),
  text('x\r::notice::injected-cr'),
  text('x\n##[warning]injected-legacy'),
  text('##[error]injected-legacy-inline'),
  text('x%0A::warning::injected-encoded'),
  text('::error::injected-error'),
  text('x\ninjected-output=1'),
  text('*'),
  text('subjects-*'),
  text('[A-Z]*'),
  text('-rf'),
  text('--help'),
  text('\u001b[31mred\u001b]8;;https://evil.example\u0007link'),
  text(`${'a'.repeat(60_000)}\n::warning::injected-after-long`),
  Buffer.from([0xff, 0xfe, 0x0a, ...text('::warning::injected-bytes')]),
  Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0x0a, ...text('##[error]x')])
];

/** Bash ANSI-C quoting of arbitrary bytes: the value reaches the script byte for byte. */
function ansiC(bytes: Buffer): string {
  return `$'${[...bytes].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}'`;
}

/** A JSON text with raw bytes spliced in as the value of `key` (jq sees them as they are). */
function handleWith(key: 'artifact_name' | 'sha256' | 'filename', value: Buffer): Buffer {
  const fields = {
    artifact_name: text('"subjects"'),
    sha256: text(`"${HEX64}"`),
    filename: text('"f"')
  };
  fields[key] = Buffer.concat([text('"'), escapeJsonBytes(value), text('"')]);
  return Buffer.concat([
    text('{"artifact_name":'),
    fields.artifact_name,
    text(',"sha256":'),
    fields.sha256,
    text(',"filename":'),
    fields.filename,
    text('}')
  ]);
}

function escapeJsonBytes(value: Buffer): Buffer {
  const out: number[] = [];
  for (const b of value) {
    if (b === 0x22 || b === 0x5c) out.push(0x5c, b);
    else if (b < 0x20) out.push(...text(`\\u${b.toString(16).padStart(4, '0')}`));
    else out.push(b);
  }
  return Buffer.from(out);
}

interface Step {
  where: string;
  script: string;
  /** The variables fed from caller inputs or other steps' outputs: each gets every hostile value. */
  env: string[];
  /** Every variable of the step's env: map (the runner always sets them, empty or not). */
  allEnv: string[];
}

function composites(): string[] {
  return ['.github/actions', 'actions'].flatMap((dir) =>
    existsSync(join(ROOT, dir))
      ? readdirSync(join(ROOT, dir))
          .map((name) => `${dir}/${name}/action.yml`)
          .filter((path) => existsSync(join(ROOT, path)))
      : []
  );
}

/** Every run: step of the product workflows and of every composite action. */
function runSteps(): Step[] {
  const files = [
    '.github/workflows/generic.yml',
    '.github/workflows/container.yml',
    ...composites()
  ];
  return files.flatMap((path) => {
    const doc = readDoc(path);
    const holders: [string, unknown][] = doc['jobs']
      ? Object.entries(doc['jobs'] as Rec).map(([id, job]) => [id, (job as Rec)['steps']])
      : [['composite', (doc['runs'] as Rec | undefined)?.['steps']]];
    return holders.flatMap(([holder, steps]) =>
      ((steps ?? []) as Rec[])
        .filter((s) => typeof s['run'] === 'string')
        .map((s) => {
          const script = s['run'] as string;
          const github = [
            ...script.matchAll(/\$\{?(GITHUB_(?:REF|REF_NAME|REPOSITORY|EVENT_NAME|SERVER_URL))\b/g)
          ].map((m) => m[1]!);
          // Untrusted: whatever comes from the caller's inputs or from other steps' and jobs'
          // outputs. Runner paths, the job token and job.status are the runner's own.
          const untrusted = Object.entries((s['env'] ?? {}) as Rec)
            .filter(([, v]) => /\b(inputs|steps|needs|secrets)\.|github\.event/.test(String(v)))
            .map(([k]) => k);
          return {
            where: `${path} ${holder} › ${String(s['id'] ?? s['name'])}`,
            script,
            env: [...new Set([...untrusted, ...github])],
            allEnv: Object.keys((s['env'] ?? {}) as Rec)
          };
        })
    );
  });
}

interface Run {
  code: number;
  stdout: Buffer;
  log: string;
  outputs: Record<string, string>;
  outputText: string;
}

/** Runs a script as the runner does (bash --noprofile --norc -eo pipefail), cwd = `cwd`. */
function runWith(
  script: string,
  values: Record<string, Buffer | string>,
  cwd: string
): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'ip-hostile-'));
  const outputPath = join(dir, 'output');
  writeFileSync(outputPath, '');
  const exports = Object.entries(values)
    .map(([k, v]) => `export ${k}=${ansiC(typeof v === 'string' ? text(v) : v)}`)
    .join('\n');
  const scriptPath = join(dir, 'step.sh');
  writeFileSync(scriptPath, `${exports}\n${script}`);
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', scriptPath],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 20_000,
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, GITHUB_OUTPUT: outputPath }
      },
      (error, stdout, stderr) => {
        const outputText = readFileSync(outputPath, 'latin1');
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          log: `${stdout.toString('latin1')}\n${stderr.toString('latin1')}`,
          outputs: parseGithubOutput(outputText),
          outputText
        });
      }
    );
  });
}

// Ours: refusals and warnings with our title, and the mask for the OIDC token (a JWT).
const OUR_COMMAND =
  /^(::(error|warning) title=isolated-provenance::|::add-mask::[\w-]+\.[\w-]+\.[\w-]*$)/;

/** What must hold for any run with any hostile value. Returns the problems found. */
function problems(run: Run): string[] {
  const found: string[] = [];
  const commands = workflowCommands(run.log);
  for (const c of commands) {
    if (!OUR_COMMAND.test(c.line) || c.form !== 'current')
      found.push(`a workflow command we did not write: ${JSON.stringify(c.line.slice(0, 120))}`);
  }
  if (commands.filter((c) => c.name === 'error').length > 1) found.push('more than one ::error');
  for (const line of run.log.split(/\r?\n/))
    if (line.length > 2000 && !line.startsWith('::add-mask::'))
      found.push(`a log line of ${line.length} characters`);
  if (run.log.includes(GLOB_CANARY) || run.outputText.includes(GLOB_CANARY))
    found.push('a glob was expanded against the working directory');
  if (run.log.includes('\u001b')) found.push('a terminal escape reached the log');
  // A script that died on an unset variable never reached its checks: the run proves nothing.
  if (/unbound variable/.test(run.log)) found.push('the script stopped on an unbound variable');
  for (const key of Object.keys(run.outputs))
    if (!/^[a-z][a-z0-9-]*$/.test(key) || key.startsWith('injected'))
      found.push(`an output key chosen by the input: ${JSON.stringify(key)}`);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(run.stdout);
  } catch {
    found.push('stdout is not UTF-8');
  }
  return found;
}

describe('hostile values in every run: script of the workflows and composite actions', () => {
  let work: string;
  let builderDir: string;
  let head: string;
  let eventPath: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ip-hostile-work-'));
    writeFileSync(join(work, GLOB_CANARY), '');
    mkdirSync(join(work, `${GLOB_CANARY}-dir`));
    builderDir = join(mkdtempSync(join(tmpdir(), 'ip-hostile-builder-')), 'builder');
    mkdirSync(join(builderDir, 'dist'), { recursive: true });
    writeFileSync(join(builderDir, 'action.yml'), 'name: x\n');
    writeFileSync(join(builderDir, 'dist', 'index.js'), '');
    const git = (...args: string[]): string =>
      execFileSync(
        'git',
        ['-C', builderDir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args],
        {
          encoding: 'utf8'
        }
      ).trim();
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'builder');
    head = git('rev-parse', 'HEAD');
    eventPath = join(work, 'event.json');
    writeFileSync(eventPath, '{}');
  });

  /** Values that get a script past its first checks, so later echoes are reached too. */
  const benign = (): Record<string, string> => ({
    UNTRUSTED_OCI_FORMAT: 'both',
    JOB_STATUS: 'success',
    ENCODING: 'plain',
    BUILDER_SHA: head,
    BUILDER_REF: 'refs/tags/v1.0.0',
    WORKFLOW_PATH: '.github/workflows/generic.yml',
    BUILDER_DIR: builderDir,
    STAGING: join(work, 'staging'),
    SUBJECTS_DIR: join(work, 'subjects'),
    BUILDER_REPOSITORY: 'octo-org/isolated-provenance',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo-org/app',
    GITHUB_REF: 'refs/tags/v1.0.0',
    GITHUB_REF_NAME: 'v1.0.0',
    GITHUB_REF_TYPE: 'tag',
    GITHUB_SERVER_URL: 'https://github.com'
  });

  const steps = runSteps();

  it('finds the scripts it must cover', () => {
    const names = steps.map((s) => s.where).join('\n');
    for (const id of ['builder', 'sources', 'files', 'images', 'prepare', 'handle'])
      expect(names).toMatch(new RegExp(`› ${id}$`, 'm'));
    expect(names).toMatch(/pinned-builder.* › Check the pinned checkout/);
  });

  it.each(steps.filter((s) => s.env.length > 0).map((s) => [s.where, s] as const))(
    '%s: every variable, every hostile value, stays inert',
    async (_where, step) => {
      const failures: string[] = [];
      for (const key of step.env) {
        const values: Buffer[] = [...HOSTILE_VALUES];
        if (key === 'UNTRUSTED_HANDLE')
          for (const field of ['artifact_name', 'sha256', 'filename'] as const)
            for (const h of HOSTILE_VALUES)
              values.push(text(handleWith(field, h).toString('base64')));
        if (key === 'UNTRUSTED_PATH')
          values.push(...HOSTILE_VALUES.map((h) => Buffer.concat([text(`${work}/`), h])));
        for (const value of values) {
          const unset = Object.fromEntries(step.allEnv.map((k) => [k, '']));
          const run = await runWith(step.script, { ...unset, ...benign(), [key]: value }, work);
          for (const p of problems(run))
            failures.push(`${key}=${JSON.stringify(value.toString('latin1').slice(0, 60))}: ${p}`);
        }
      }
      expect(failures).toEqual([]);
    },
    120_000
  );

  it('pinned-builder: a hostile fork name in the event payload stays inert', async () => {
    const step = steps.find((s) => /pinned-builder.* › Check the pinned checkout/.test(s.where))!;
    for (const value of HOSTILE_VALUES) {
      const path = join(work, 'fork-event.json');
      writeFileSync(
        path,
        Buffer.concat([
          text('{"pull_request":{"head":{"repo":{"full_name":"'),
          escapeJsonBytes(value),
          text('"}}}}')
        ])
      );
      const run = await runWith(
        step.script,
        { ...benign(), GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path },
        work
      );
      expect(run.code).not.toBe(0);
      expect(problems(run)).toEqual([]);
      expect(run.log).toMatch(
        /::error title=isolated-provenance::refusing pull_request from the fork '/
      );
    }
  });

  describe('the builder bootstrap with hostile job_workflow_ref / job_workflow_sha claims', () => {
    let run: RunDescription = defaultRun();
    const issuer = createOidcIssuer(() => run);
    let server: RunningService;
    beforeAll(async () => {
      server = await serveService(issuer.service);
      issuer.bind(server.url);
    });
    afterAll(async () => server.close());

    it.each(['.github/workflows/generic.yml', '.github/workflows/container.yml'])(
      '%s › builder refuses them inertly',
      async (path) => {
        const step = steps.find((s) => s.where === `${path} provenance › builder`)!;
        const env = {
          ACTIONS_ID_TOKEN_REQUEST_URL: issuer.requestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.requestToken
        };
        for (const value of HOSTILE_VALUES) {
          // Claims are JSON strings: any character, but not raw bytes that are not UTF-8.
          const claim = value.toString('utf8');
          for (const claims of [{ jobWorkflowRef: claim }, { jobWorkflowSha: claim }]) {
            run = { ...defaultRun(), ...claims };
            const result = await runWith(step.script, env, work);
            expect(result.code).not.toBe(0);
            expect(problems(result)).toEqual([]);
            expect(result.outputs).toEqual({});
          }
        }
      },
      60_000
    );
  });
});

describe('subjects-artifacts patterns are never shell globs', () => {
  it("accepts the documented '*' in a workspace full of folders, and matches only artifacts", async () => {
    const { scriptOf } = await import('../helpers/workflow-step.js');
    const generic = readDoc('.github/workflows/generic.yml');
    const work = mkdtempSync(join(tmpdir(), 'ip-glob-'));
    for (const name of ['__isolated_provenance_builder', 'src', GLOB_CANARY])
      mkdirSync(join(work, name));
    const sources = await runWith(
      scriptOf(generic, { job: 'provenance', step: 'sources' }),
      { UNTRUSTED_SUBJECTS: '', UNTRUSTED_HANDLE: '', UNTRUSTED_ARTIFACTS: '*' },
      work
    );
    expect(sources.code).toBe(0);
    expect(sources.outputs).toEqual({ 'artifacts-pattern': '*', 'artifacts-names': '*' });

    const subjectsDir = join(work, 'downloaded');
    for (const artifact of ['subjects-linux', 'subjects-macos']) {
      mkdirSync(join(subjectsDir, 'artifacts', artifact), { recursive: true });
      writeFileSync(join(subjectsDir, 'artifacts', artifact, 'subjects.sha256'), `${HEX64}  app\n`);
    }
    const files = await runWith(
      scriptOf(generic, { job: 'provenance', step: 'files' }),
      { HANDLE_SHA256: '', HANDLE_FILENAME: '', ARTIFACT_NAMES: '*', SUBJECTS_DIR: subjectsDir },
      work
    );
    expect(files.code).toBe(0);
    expect(files.outputs['paths']!.split('\n')).toEqual([
      join(subjectsDir, 'artifacts', 'subjects-linux', 'subjects.sha256'),
      join(subjectsDir, 'artifacts', 'subjects-macos', 'subjects.sha256')
    ]);
  });
});
