// Tenant strings never act in the runner's log or the job summary. Hostile values that the
// parsers accept (subject names, a branch name, workflow_dispatch inputs) go through the real
// bundled action (dist/index.js, a child process) against the sandbox; the child's output is
// read the way the runner reads it (runner-commands.ts) and the summary the way GitHub renders
// markdown: outside the one code fence, no raw HTML, links, code spans or table breakers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { runActionProcess, type ActionProcessResult } from '../helpers/run-action.js';
import { base64SubjectsFor, provenanceFiles, signedStatements } from '../threats/generator.js';
import { workflowCommands } from './runner-commands.js';

const HOSTILE_NAMES = [
  '::warning::subject-warning',
  '::add-mask::subject-mask',
  '::stop-commands::resume-token',
  '::set-output name=bundle-path::/etc/passwd',
  '##[error]legacy-error',
  'app ##[add-mask]legacy-mask',
  'x ##[set-output name=provenance-sha256;]forged',
  'dist/%0A::error::encoded-newline',
  '%0D%0A##[warning]encoded-crlf',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![tracker](https://evil.example/p.png)',
  'a | b | c',
  '`code` and ```fence',
  '<details open><summary>hidden</summary>',
  '&lt;b&gt;entity&lt;/b&gt; \\escaped\\ *bold* _em_ ~~strike~~ # heading'
];

// Workflow commands a successful run of ours legitimately emits: core.getIDToken masks the
// token, core.debug traces. Nothing else, and nothing in the legacy `##[` form.
const OUR_SUCCESS_COMMANDS = new Set(['add-mask', 'debug']);

function expectInertLog(result: ActionProcessResult, hostile: readonly string[]): void {
  const commands = workflowCommands(result.log);
  expect(commands.filter((c) => c.form === 'legacy')).toEqual([]);
  const allowed =
    result.exitCode === 0 ? OUR_SUCCESS_COMMANDS : new Set([...OUR_SUCCESS_COMMANDS, 'error']);
  expect(commands.filter((c) => !allowed.has(c.name))).toEqual([]);
  // The masks our run sets are the OIDC token's, never a tenant string.
  for (const c of commands.filter((c) => c.name === 'add-mask'))
    for (const value of hostile) expect(c.line).not.toContain(value);
  // eslint-disable-next-line no-control-regex -- asserting terminal escapes are absent
  expect(result.log).not.toMatch(/[\u001b\u009b]/);
}

/** The summary split into what GitHub renders as markdown and what sits in the code fence. */
function summaryParts(summary: string): { markdown: string[]; fenced: string[]; fences: number } {
  const markdown: string[] = [];
  const fenced: string[] = [];
  let inFence = false;
  let fences = 0;
  for (const line of summary.split('\n')) {
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) {
      fences++;
      inFence = !inFence;
    } else (inFence ? fenced : markdown).push(line);
  }
  return { markdown, fenced, fences };
}

function expectInertSummary(summary: string, hostile: readonly string[]): void {
  expect(summary).not.toBe('');
  // eslint-disable-next-line no-control-regex -- asserting control characters are absent
  expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  const { markdown, fenced, fences } = summaryParts(summary);
  // One fence, opened and closed by us: a tenant value cannot close it early.
  expect(fences).toBe(2);
  for (const line of fenced) expect(line).toMatch(/^(isolated-provenance|gh|cosign) /);
  const rendered = markdown.join('\n');
  for (const value of hostile) expect(rendered).not.toContain(value);
  expect(rendered).not.toMatch(/[<>]/); // no raw HTML of any kind (we write none ourselves)
  expect(rendered).not.toMatch(/\]\(|!\[/); // no links or images
  expect(rendered).not.toMatch(/::|##\[/);
  // Table rows keep their shape: a tenant `|` cannot add a cell.
  for (const line of markdown.filter((l) => /^\| \S/.test(l))) {
    // Our tables have 2 or 3 columns; an unescaped tenant `|` would add one.
    const cells = line.split('|').length - 2;
    expect([2, 3]).toContain(cells);
  }
  // Code spans are ours only: backticks come in pairs around digests, names and refs we escaped.
  for (const line of markdown) expect((line.match(/`/g) ?? []).length % 2).toBe(0);
}

describe('hostile subject names through the bundled action', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  // Each name first in its own run: the log names the first subject, the summary lists all.
  it.each(HOSTILE_NAMES)('%j stays inert in the log and the job summary', async (name) => {
    const result = await runActionProcess({
      inputs: {
        ...sandbox.actionInputs,
        'base64-subjects': base64SubjectsFor([name, 'plain-name'])
      },
      env: sandbox.runnerEnv()
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expectInertLog(result, [name]);
    expectInertSummary(result.summary, [name]);
    // The hostile name is still what was signed: sanitising is for display only.
    const [file] = provenanceFiles(result.runnerTemp);
    expect(signedStatements(file!)[0]!.subject.map((s) => s.name)).toEqual([name, 'plain-name']);
  });

  it('keeps every name inert when all of them are in one summary table', async () => {
    const result = await runActionProcess({
      inputs: { ...sandbox.actionInputs, 'base64-subjects': base64SubjectsFor(HOSTILE_NAMES) },
      env: sandbox.runnerEnv()
    });
    expect(result.exitCode).toBe(0);
    expectInertLog(result, HOSTILE_NAMES);
    expectInertSummary(result.summary, HOSTILE_NAMES);
  });

  it('refuses a name with a real newline or an ANSI escape, naming it inertly', async () => {
    for (const name of ['a\n::error::injected', 'a\u001b[31mred']) {
      const result = await runActionProcess({
        inputs: { ...sandbox.actionInputs, 'base64-subjects': base64SubjectsFor([name]) },
        env: sandbox.runnerEnv()
      });
      expect(result.exitCode).not.toBe(0);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/^SUBJECTS_INVALID: .*(line break|control character)/);
      expectInertLog(result, [name]);
    }
  });
});

describe('a hostile branch name through the bundled action', () => {
  // git check-ref-format and our ref validator accept all of these characters.
  const ref = 'refs/heads/<img/src=x/onerror=alert(1)>|`x`|&amp;#h';
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ run: { ref } });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('signs it as is and shows it inertly', async () => {
    const result = await runActionProcess({
      inputs: { ...sandbox.actionInputs, 'base64-subjects': base64SubjectsFor(['app']) },
      env: sandbox.runnerEnv()
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expectInertLog(result, [ref]);
    expectInertSummary(result.summary, [ref, '<img/src=x/onerror=alert(1)>']);
  });

  it('refuses a ref that carries a workflow command, and the refusal is inert', async () => {
    const hostile = await startSandbox({ run: { ref: 'refs/heads/::error::x' } });
    try {
      const result = await runActionProcess({
        inputs: { ...hostile.actionInputs, 'base64-subjects': base64SubjectsFor(['app']) },
        env: hostile.runnerEnv()
      });
      expect(result.exitCode).not.toBe(0);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/ref/);
      expectInertLog(result, ['::error::x']);
      expect(hostile.rekorSize()).toBe(0);
    } finally {
      await hostile.close();
    }
  });
});

describe('hostile workflow_dispatch inputs through the bundled action', () => {
  const inputs = {
    colour: '\u001b[31mred\u001b[0m',
    note: '::warning::from-input ##[error]legacy-from-input',
    html: '<img src=x onerror=alert(1)>',
    osc: '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007'
  };
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      run: { eventName: 'workflow_dispatch', ref: 'refs/heads/main', inputs }
    });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('records them in the signed predicate only, never raw in the log or summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispatch-event-'));
    const eventPath = join(dir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ inputs, repository: { full_name: sandbox.run.repository } })
    );
    const result = await runActionProcess({
      inputs: { ...sandbox.actionInputs, 'base64-subjects': base64SubjectsFor(['app']) },
      env: sandbox.runnerEnv({ GITHUB_EVENT_PATH: eventPath })
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expectInertLog(result, Object.values(inputs));
    expectInertSummary(result.summary, Object.values(inputs));
    const [file] = provenanceFiles(result.runnerTemp);
    const statement = signedStatements(file!)[0] as unknown as {
      predicate: { buildDefinition: { externalParameters: { inputs?: unknown } } };
    };
    expect(statement.predicate.buildDefinition.externalParameters.inputs).toEqual(inputs);
  });
});

describe('hostile image names through the bundled action', () => {
  // The OCI reference grammar leaves no room for markup or commands in a valid name, so a
  // hostile one must be refused before anything is signed, and the refusal must be inert.
  const digest = `sha256:${'a'.repeat(64)}`;
  const images = [
    `127.0.0.1:5000/<img src=x onerror=alert(1)>@${digest}`,
    `127.0.0.1:5000/app ##[error]legacy@${digest}`,
    `127.0.0.1:5000/app::warning::x@${digest}`,
    `127.0.0.1:5000/app|x|\`y\`@${digest}`,
    `127.0.0.1:5000/app@${digest}%0A::error::x`
  ];
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it.each(images)('refuses %j inertly, before signing', async (image) => {
    const result = await runActionProcess({
      inputs: { ...sandbox.actionInputs, images: image },
      env: sandbox.runnerEnv()
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.errors).toHaveLength(1);
    expectInertLog(result, [image]);
    expect(provenanceFiles(result.runnerTemp)).toEqual([]);
    expect(sandbox.rekorSize()).toBe(0);
  });
});
