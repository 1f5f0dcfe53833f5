// A workflow_dispatch run through the bundled action against the sandbox: the dispatch inputs
// (read from the runner's event payload, GITHUB_EVENT_PATH) land in the predicate's
// externalParameters, and the verifier CLI can require them (--build-workflow-input).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startActionHarness,
  type ActionHarness,
  type ActionRun
} from '../helpers/action-harness.js';
import { CLI_ENTRY } from '../helpers/run-action.js';
import { base64Of, digestOf } from '../helpers/subjects.js';

const BYTES = 'a dispatched build\n';
const DISPATCH_INPUTS = { version: '2.4.0', channel: 'stable', 'dry-run': false, empty: '' };

describe('a workflow_dispatch run on a branch', () => {
  let harness: ActionHarness;
  let run: ActionRun;
  let dir: string;

  beforeAll(async () => {
    harness = await startActionHarness({
      run: { eventName: 'workflow_dispatch', ref: 'refs/heads/release', inputs: DISPATCH_INPUTS }
    });
    dir = harness.tempDir('action-dispatch-');
    const eventPath = join(dir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ inputs: DISPATCH_INPUTS, ref: 'refs/heads/release' })
    );
    writeFileSync(join(dir, 'app'), BYTES);
    run = await harness.run(
      { 'base64-subjects': base64Of(`${digestOf(BYTES)}  app\n`) },
      { env: { GITHUB_EVENT_PATH: eventPath } }
    );
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('records the non-empty inputs, sorted, and the branch in externalParameters', () => {
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const { externalParameters, internalParameters } =
      run.provenance!.statements[0]!.predicate.buildDefinition;
    expect(externalParameters.inputs).toEqual({
      channel: 'stable',
      'dry-run': false,
      version: '2.4.0'
    });
    expect(Object.keys(externalParameters.inputs!)).toEqual(['channel', 'dry-run', 'version']);
    expect(externalParameters.workflow.ref).toBe('refs/heads/release');
    expect(internalParameters.github.event_name).toBe('workflow_dispatch');
  });

  it('verifies with --source-branch and the inputs required; a different input value fails', async () => {
    writeFileSync(join(dir, 'app.intoto.jsonl'), run.provenance!.content);
    const base = [
      'verify-artifact',
      'app',
      '--provenance-path',
      'app.intoto.jsonl',
      '--source-uri',
      `github.com/${harness.sandbox.run.repository}`,
      '--source-branch',
      'release',
      '--trusted-root',
      harness.sandbox.trustedRootPath,
      '--certificate-oidc-issuer',
      harness.sandbox.urls.oidc
    ];
    const ok = await cli([...base, '--build-workflow-input', 'version=2.4.0'], dir);
    expect(ok.stderr).toContain('PASSED');
    expect(ok.code).toBe(0);
    const wrong = await cli([...base, '--build-workflow-input', 'version=9.9.9'], dir);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('version');
  });
});

function cli(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [CLI_ENTRY, ...args],
      { cwd, timeout: 30_000 },
      (error, _stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr })
    )
  );
}
