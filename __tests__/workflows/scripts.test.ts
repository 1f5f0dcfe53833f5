// The shell steps of our workflows and composite actions, run for real with bash, curl and jq
// against the sandbox's runner-style OIDC token endpoint and temporary folders standing in
// for downloaded artifacts. Refusals are checked by the message a user would read.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOidcIssuer } from '../../sandbox/oidc.js';
import { serveService, type RunningService } from '../../sandbox/http.js';
import { defaultRun, type RunDescription } from '../../sandbox/run.js';
import { PROJECT_REPOSITORY } from '../../src/identity.js';
import { mergeSubjects, parseSubjectsBytes } from '../../src/subjects/index.js';
import { readDoc } from './files.js';
import { runStep, scriptOf } from '../helpers/workflow-step.js';

const generic = readDoc('.github/workflows/generic.yml');
const container = readDoc('.github/workflows/container.yml');
const pinnedBuilder = readDoc('.github/actions/pinned-builder/action.yml');
const uploadSubjects = readDoc('actions/upload-subjects/action.yml');

const HEX = (c: string): string => c.repeat(64);
const SUBJECTS = `${HEX('a')}  app-linux-amd64\n${HEX('b')}  app-darwin-arm64\n`;
const temp = (): string => mkdtempSync(join(tmpdir(), 'ip-wf-'));
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('builder bootstrap: reading the pin from the OIDC token', () => {
  const script = scriptOf(generic, { job: 'provenance', step: 'builder' });
  let run: RunDescription = defaultRun();
  const issuer = createOidcIssuer(() => run);
  let server: RunningService;
  const env = (): Record<string, string> => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: issuer.requestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.requestToken
  });

  beforeAll(async () => {
    server = await serveService(issuer.service);
    issuer.bind(server.url);
  });
  afterAll(async () => server.close());

  it('is the same script in container.yml', () => {
    expect(scriptOf(container, { job: 'provenance', step: 'builder' })).toEqual(script);
  });

  it('outputs repository, workflow path, ref and sha from a tag reference', async () => {
    run = defaultRun();
    const r = await runStep(script, env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({
      repository: PROJECT_REPOSITORY,
      'workflow-path': '.github/workflows/generic.yml',
      ref: 'refs/tags/v1.0.0',
      sha: run.jobWorkflowSha
    });
  });

  it('works the same when the caller references the workflow by commit SHA', async () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    run = {
      ...defaultRun(),
      jobWorkflowRef: `${PROJECT_REPOSITORY}/.github/workflows/container.yml@${sha}`,
      jobWorkflowSha: sha
    };
    const r = await runStep(script, env());
    expect(r.code).toBe(0);
    expect(r.outputs['ref']).toBe(sha);
    expect(r.outputs['sha']).toBe(sha);
    expect(r.outputs['workflow-path']).toBe('.github/workflows/container.yml');
  });

  it('refuses without id-token: write and says what to add', async () => {
    const r = await runStep(script, {});
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(
      /::error .*expected the calling job to grant 'permissions: id-token: write', found it missing/
    );
    expect(r.stdout).toMatch(/forks never get OIDC tokens/);
    expect(r.outputs).toEqual({});
  });

  it('refuses a reference that did not resolve to a commit', async () => {
    run = { ...defaultRun(), jobWorkflowSha: '' };
    const r = await runStep(script, env());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(
      /did not resolve to a commit: expected a 40-hex job_workflow_sha claim, found ''.*@vX\.Y\.Z.*40-hex commit SHA/
    );
    expect(r.outputs).toEqual({});
  });

  it('refuses a malformed job_workflow_ref', async () => {
    run = { ...defaultRun(), jobWorkflowRef: 'evil/repo/somewhere-else.yml@main' };
    const r = await runStep(script, env());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(
      /unexpected job_workflow_ref claim: expected '<owner>\/<repo>\/.github\/workflows\/<file>@<ref>'/
    );
  });

  it('fails when the token endpoint rejects the request token', async () => {
    run = defaultRun();
    const r = await runStep(script, { ...env(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' });
    expect(r.code).not.toBe(0);
    expect(r.outputs).toEqual({});
  });
});

describe('subjects: handles, artifacts and the upload-subjects companion', () => {
  const sources = scriptOf(generic, { job: 'provenance', step: 'sources' });
  const collect = scriptOf(generic, { job: 'provenance', step: 'files' });
  const prepare = scriptOf(uploadSubjects, { step: 'prepare' });
  const makeHandle = scriptOf(uploadSubjects, { step: 'handle' });

  /** upload-subjects, then "the artifact store" (a copy), then generic.yml's two steps. */
  async function roundTrip(subjectsText: string, encoding: 'plain' | 'base64', tamper?: string) {
    const work = temp();
    writeFileSync(join(work, 'subjects.txt'), subjectsText);
    const prepared = await runStep(prepare, {
      UNTRUSTED_PATH: join(work, 'subjects.txt'),
      ENCODING: encoding,
      STAGING: join(work, 'staging')
    });
    expect(prepared.code).toBe(0);
    const handle = await runStep(makeHandle, {
      ARTIFACT: prepared.outputs['artifact']!,
      SHA256: prepared.outputs['sha256']!,
      FILENAME: prepared.outputs['filename']!
    });
    const checked = await runStep(sources, {
      UNTRUSTED_SUBJECTS: '',
      UNTRUSTED_HANDLE: handle.outputs['handle']!,
      UNTRUSTED_ARTIFACTS: ''
    });
    expect(checked.code).toBe(0);
    const subjectsDir = join(work, 'downloaded');
    mkdirSync(join(subjectsDir, 'handle'), { recursive: true });
    const downloaded = join(subjectsDir, 'handle', checked.outputs['handle-filename']!);
    cpSync(prepared.outputs['file']!, downloaded);
    if (tamper !== undefined) writeFileSync(downloaded, tamper);
    const files = await runStep(collect, {
      HANDLE_SHA256: checked.outputs['handle-sha256']!,
      HANDLE_FILENAME: checked.outputs['handle-filename']!,
      ARTIFACT_NAMES: '',
      SUBJECTS_DIR: subjectsDir
    });
    return { prepared, handle: handle.outputs['handle']!, checked, files };
  }

  it('round-trips plain sha256sum output through a handle pinned by sha256', async () => {
    const { prepared, handle, checked, files } = await roundTrip(SUBJECTS, 'plain');
    const decoded = JSON.parse(Buffer.from(handle, 'base64').toString()) as Record<string, string>;
    expect(decoded).toEqual({
      artifact_name: prepared.outputs['artifact'],
      sha256: prepared.outputs['sha256'],
      filename: 'subjects.txt'
    });
    expect(decoded['artifact_name']).toMatch(/^subjects\.txt-[0-9a-f]{24}$/);
    expect(checked.outputs['handle-artifact']).toBe(decoded['artifact_name']);
    expect(files.code).toBe(0);
    const paths = files.outputs['paths']!.split('\n');
    expect(paths).toHaveLength(1);
    expect(readFileSync(paths[0]!, 'utf8')).toBe(SUBJECTS);
  });

  it('accepts an already-base64 file (slsa-github-generator convention) unchanged', async () => {
    const { files } = await roundTrip(b64(SUBJECTS), 'base64');
    expect(readFileSync(files.outputs['paths']!, 'utf8')).toBe(SUBJECTS);
  });

  it('detects an artifact rewritten after the handle was made', async () => {
    const { files } = await roundTrip(SUBJECTS, 'plain', b64(`${HEX('c')}  evil\n`));
    expect(files.code).not.toBe(0);
    expect(files.stdout).toMatch(
      /subjects file digest mismatch: the handle pins sha256 [0-9a-f]{64}, the artifact holds [0-9a-f]{64}/
    );
    expect(files.outputs).toEqual({});
  });

  it('accepts a handle written by slsa-github-generator (its JSON spacing)', async () => {
    const slsaHandle = b64(
      `{"artifact_name": "digests.txt-abc123", "sha256": "${HEX('d')}", "filename": "digests.txt"}\n`
    );
    const r = await runStep(sources, {
      UNTRUSTED_SUBJECTS: '',
      UNTRUSTED_HANDLE: slsaHandle,
      UNTRUSTED_ARTIFACTS: ''
    });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      'handle-artifact': 'digests.txt-abc123',
      'handle-sha256': HEX('d'),
      'handle-filename': 'digests.txt'
    });
  });

  it.each([
    [
      'no source at all',
      { UNTRUSTED_HANDLE: '', UNTRUSTED_ARTIFACTS: '  \n' },
      /no subjects: expected one of base64-subjects, base64-subjects-as-file or subjects-artifacts/
    ],
    [
      'a handle that is not JSON',
      { UNTRUSTED_HANDLE: b64('hello') },
      /does not decode to a JSON object/
    ],
    [
      'a handle whose sha256 is not hex',
      {
        UNTRUSTED_HANDLE: b64(JSON.stringify({ artifact_name: 'a', sha256: 'xyz', filename: 'f' }))
      },
      /handle sha256: expected 64 lowercase hex digits, found 'xyz'/
    ],
    [
      'a handle whose filename escapes the folder',
      {
        UNTRUSTED_HANDLE: b64(
          JSON.stringify({ artifact_name: 'a', sha256: HEX('e'), filename: '../../etc/passwd' })
        )
      },
      /handle filename: expected a plain file name/
    ],
    [
      'an artifact name with a slash',
      { UNTRUSTED_ARTIFACTS: 'ok\nbad/name' },
      /subjects-artifacts: expected artifact names .* found 'bad\/name'/
    ]
  ])('refuses %s', async (_name, env, message) => {
    const r = await runStep(sources, {
      UNTRUSTED_SUBJECTS: '',
      UNTRUSTED_HANDLE: '',
      UNTRUSTED_ARTIFACTS: '',
      ...env
    });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(message);
  });

  it('turns artifact names into one download pattern', async () => {
    const one = await runStep(sources, {
      UNTRUSTED_SUBJECTS: '',
      UNTRUSTED_HANDLE: '',
      UNTRUSTED_ARTIFACTS: 'subjects-*'
    });
    expect(one.outputs['artifacts-pattern']).toBe('subjects-*');
    const many = await runStep(sources, {
      UNTRUSTED_SUBJECTS: '',
      UNTRUSTED_HANDLE: '',
      UNTRUSTED_ARTIFACTS: 'subjects-linux\nsubjects-macos, subjects-windows'
    });
    expect(many.outputs['artifacts-pattern']).toBe(
      '{subjects-linux,subjects-macos,subjects-windows}'
    );
    expect(many.outputs['artifacts-names']).toBe('subjects-linux subjects-macos subjects-windows');
  });

  it('collects every file of every matched artifact, in a stable order', async () => {
    const dir = temp();
    for (const os of ['linux', 'macos']) {
      mkdirSync(join(dir, 'artifacts', `subjects-${os}`), { recursive: true });
      writeFileSync(
        join(dir, 'artifacts', `subjects-${os}`, 'subjects.sha256'),
        `${HEX(os[0]!)}  app-${os}\n`
      );
    }
    const r = await runStep(collect, {
      HANDLE_SHA256: '',
      HANDLE_FILENAME: '',
      ARTIFACT_NAMES: 'subjects-*',
      SUBJECTS_DIR: dir
    });
    expect(r.code).toBe(0);
    expect(r.outputs['paths']!.split('\n')).toEqual([
      join(dir, 'artifacts', 'subjects-linux', 'subjects.sha256'),
      join(dir, 'artifacts', 'subjects-macos', 'subjects.sha256')
    ]);
    const missing = await runStep(collect, {
      HANDLE_SHA256: '',
      HANDLE_FILENAME: '',
      ARTIFACT_NAMES: 'subjects-linux subjects-windows',
      SUBJECTS_DIR: dir
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toMatch(
      /expected an artifact named 'subjects-windows' in this run, found none/
    );
  });
});

describe("subjects-artifacts end to end: collected files through the action's parser and merge", () => {
  const collect = scriptOf(generic, { job: 'provenance', step: 'files' });
  const readMerged = (paths: string[]) =>
    mergeSubjects(
      paths.map((p) => parseSubjectsBytes(readFileSync(p), p)),
      paths
    );

  async function collectMatrix(files: Record<string, string>): Promise<string[]> {
    const dir = temp();
    for (const [artifact, content] of Object.entries(files)) {
      mkdirSync(join(dir, 'artifacts', artifact), { recursive: true });
      writeFileSync(join(dir, 'artifacts', artifact, 'subjects.sha256'), content);
    }
    const r = await runStep(collect, {
      HANDLE_SHA256: '',
      HANDLE_FILENAME: '',
      ARTIFACT_NAMES: 'subjects-*',
      SUBJECTS_DIR: dir
    });
    expect(r.code).toBe(0);
    return r.outputs['paths']!.split('\n');
  }

  it('merges the matrix jobs into one subject list (a repeat with the same digest is fine)', async () => {
    const paths = await collectMatrix({
      'subjects-linux': `${HEX('1')}  app-linux\n${HEX('3')}  checksums.txt\n`,
      'subjects-macos': `${HEX('2')}  app-macos\n${HEX('3')}  checksums.txt\n`
    });
    expect(readMerged(paths)).toEqual([
      { name: 'app-linux', digest: { sha256: HEX('1') } },
      { name: 'checksums.txt', digest: { sha256: HEX('3') } },
      { name: 'app-macos', digest: { sha256: HEX('2') } }
    ]);
  });

  it('rejects one name with two different digests, naming both artifacts', async () => {
    const paths = await collectMatrix({
      'subjects-linux': `${HEX('1')}  app\n`,
      'subjects-macos': `${HEX('2')}  app\n`
    });
    expect(() => readMerged(paths)).toThrow(
      /two different sha256 digests: .*subjects-linux.*subjects-macos/
    );
  });
});

describe('container.yml: image references', () => {
  const script = scriptOf(container, { job: 'provenance', step: 'images' });
  const digest = `sha256:${HEX('f')}`;
  const check = (env: Record<string, string>) =>
    runStep(script, {
      UNTRUSTED_IMAGE: '',
      UNTRUSTED_DIGEST: '',
      UNTRUSTED_IMAGES: '',
      UNTRUSTED_OCI_FORMAT: 'both',
      ...env
    });

  it('accepts image + digest and offers the job token only to ghcr.io', async () => {
    const r = await check({ UNTRUSTED_IMAGE: 'ghcr.io/octo-org/app', UNTRUSTED_DIGEST: digest });
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ 'all-ghcr': 'true', list: `ghcr.io/octo-org/app@${digest}` });
    const other = await check({
      UNTRUSTED_IMAGES: `ghcr.io/a/b@${digest}\n  registry.example:5000/c@${digest}\n`
    });
    expect(other.code).toBe(0);
    expect(other.outputs).toEqual({
      'all-ghcr': 'false',
      list: `ghcr.io/a/b@${digest}\nregistry.example:5000/c@${digest}`
    });
  });

  it.each([
    [
      'a tag as digest',
      { UNTRUSTED_IMAGE: 'ghcr.io/o/app', UNTRUSTED_DIGEST: 'latest' },
      /digest: expected sha256: followed by 64 lowercase hex digits, found 'latest'/
    ],
    [
      'a tagged image',
      { UNTRUSTED_IMAGE: 'ghcr.io/o/app:v1', UNTRUSTED_DIGEST: digest },
      /image: expected a name without tag or digest .* found 'ghcr.io\/o\/app:v1'/
    ],
    [
      'a tag in images',
      { UNTRUSTED_IMAGES: 'ghcr.io/o/app:latest' },
      /images: expected lines of name@sha256:<64 hex>, found 'ghcr.io\/o\/app:latest'. Tags are refused/
    ],
    [
      'both forms at once',
      {
        UNTRUSTED_IMAGE: 'ghcr.io/o/app',
        UNTRUSTED_DIGEST: digest,
        UNTRUSTED_IMAGES: `x@${digest}`
      },
      /either image \+ digest or images, found both/
    ],
    ['no image', {}, /no image: expected image \+ digest, or images/],
    [
      'an unknown oci-format',
      {
        UNTRUSTED_IMAGE: 'ghcr.io/o/app',
        UNTRUSTED_DIGEST: digest,
        UNTRUSTED_OCI_FORMAT: 'docker'
      },
      /oci-format: expected both, cosign or referrers, found 'docker'/
    ]
  ])('refuses %s', async (_name, env, message) => {
    const r = await check(env);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(message);
    expect(r.outputs).toEqual({});
  });
});

describe('pinned-builder: checks before running the action', () => {
  const script = scriptOf(pinnedBuilder, { step: 'Check the pinned checkout and the trigger' });
  const workspace = temp();
  const builderDir = join(workspace, '__isolated_provenance_builder');
  mkdirSync(join(builderDir, 'dist'), { recursive: true });
  writeFileSync(join(builderDir, 'action.yml'), 'name: x\n');
  writeFileSync(join(builderDir, 'dist', 'index.js'), '');
  const git = (...args: string[]): string =>
    execFileSync('git', ['-C', builderDir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      encoding: 'utf8'
    }).trim();
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'builder');
  const head = git('rev-parse', 'HEAD');
  const event = (payload: unknown): string => {
    const path = join(temp(), 'event.json');
    writeFileSync(path, JSON.stringify(payload));
    return path;
  };
  const base = {
    BUILDER_SHA: head,
    BUILDER_REF: 'refs/tags/v1.0.0',
    WORKFLOW_PATH: '.github/workflows/generic.yml',
    BUILDER_DIR: builderDir,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event({}),
    GITHUB_REPOSITORY: 'octo-org/app'
  };

  it('passes for the signed commit on a push', async () => {
    const r = await runStep(script, base);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('refuses a checkout at another commit', async () => {
    const r = await runStep(script, { ...base, BUILDER_SHA: '0'.repeat(40) });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`builder checkout is at '${head}', expected the signed job_workflow_sha '0{40}'`)
    );
  });

  it('refuses a workflow that is not one of the builders', async () => {
    const r = await runStep(script, { ...base, WORKFLOW_PATH: '.github/workflows/other.yml' });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(
      /expected to run inside .*generic.yml or container.yml, found '.github\/workflows\/other.yml'/
    );
  });

  it('refuses a pull request from a fork and says what to do', async () => {
    const path = event({ pull_request: { head: { repo: { full_name: 'mallory/app' } } } });
    for (const name of ['pull_request', 'pull_request_target']) {
      const r = await runStep(script, {
        ...base,
        GITHUB_EVENT_NAME: name,
        GITHUB_EVENT_PATH: path
      });
      expect(r.code).not.toBe(0);
      expect(r.stdout).toMatch(
        new RegExp(
          `refusing ${name} from the fork 'mallory/app': expected the pull request's head in 'octo-org/app'.*after merging`
        )
      );
    }
  });

  it('accepts a pull request from a branch of the same repository', async () => {
    const path = event({ pull_request: { head: { repo: { full_name: 'octo-org/app' } } } });
    const r = await runStep(script, {
      ...base,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path
    });
    expect(r.code).toBe(0);
  });

  it('accepts a commit-SHA reference silently and warns about a branch reference', async () => {
    expect((await runStep(script, { ...base, BUILDER_REF: head })).stdout).toBe('');
    const branch = await runStep(script, { ...base, BUILDER_REF: 'refs/heads/main' });
    expect(branch.code).toBe(0);
    expect(branch.stdout).toMatch(/::warning .*referenced by 'refs\/heads\/main'/);
  });
});

describe('outcome steps', () => {
  it.each([
    ['generic.yml provenance', generic, 'provenance'],
    ['generic.yml upload-assets', generic, 'upload-assets'],
    ['generic.yml attest', generic, 'attest'],
    ['container.yml provenance', container, 'provenance']
  ])('%s reports success only for a successful job', async (_name, doc, job) => {
    const script = scriptOf(doc, { job, step: 'outcome' });
    expect((await runStep(script, { JOB_STATUS: 'success' })).outputs).toEqual({
      outcome: 'success'
    });
    expect((await runStep(script, { JOB_STATUS: 'failure' })).outputs).toEqual({
      outcome: 'failure'
    });
    expect((await runStep(script, { JOB_STATUS: 'cancelled' })).outputs).toEqual({
      outcome: 'failure'
    });
  });
});
