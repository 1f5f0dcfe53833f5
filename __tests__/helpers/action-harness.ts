// One sandbox per test file, and the bundled action run against it as a runner would run it.
// Each run gets its own output folder, so "no file was written" is a question about one run.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';
import { ACTION_ENTRY, runActionProcess, type ActionProcessResult } from './run-action.js';
import { readProvenanceFile, type ProvenanceFile } from './provenance-file.js';

export interface ActionRun extends ActionProcessResult {
  /** The `output-directory` of this run. */
  outputDirectory: string;
  /** `.intoto.jsonl` files (and anything else) the run left in its output folder and RUNNER_TEMP. */
  writtenFiles: string[];
  /** Rekor entries this run added. */
  rekorEntriesAdded: number;
  /** The file named by the `bundle-path` output, parsed; undefined when the run failed. */
  provenance?: ProvenanceFile;
}

export interface RunOptions {
  /** Extra or overriding runner env (e.g. HTTPS_PROXY). */
  env?: Record<string, string>;
  /** Inputs of actionInputs to leave out (e.g. the custom instance URLs). */
  without?: string[];
  /** Use this output folder instead of a fresh one (e.g. to re-run into the same place). */
  outputDirectory?: string;
}

export interface ActionHarness {
  readonly sandbox: Sandbox;
  /** `https://github.com/<job_workflow_ref>`: the certificate SAN and builder.id. */
  readonly builderId: string;
  run(inputs: Record<string, string>, options?: RunOptions): Promise<ActionRun>;
  /** A fresh folder that close() removes with everything the runs left behind. */
  tempDir(prefix?: string): string;
  close(): Promise<void>;
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.startsWith('_github_output') && !f.startsWith('_step_summary'))
    .sort();
}

export async function startActionHarness(options: SandboxOptions = {}): Promise<ActionHarness> {
  if (!existsSync(ACTION_ENTRY)) {
    throw new Error(
      `${ACTION_ENTRY} is missing: these tests run the bundled action (npm run build)`
    );
  }
  const sandbox = await startSandbox(options);
  const root = mkdtempSync(join(tmpdir(), 'action-harness-'));
  const tempDir = (prefix = 'tmp-') => mkdtempSync(join(root, prefix));
  return {
    sandbox,
    builderId: `${sandbox.run.serverUrl}/${sandbox.run.jobWorkflowRef}`,
    async run(inputs, runOptions = {}) {
      const outputDirectory = runOptions.outputDirectory ?? tempDir('action-out-');
      const base: Record<string, string> = {
        ...sandbox.actionInputs,
        'output-directory': outputDirectory
      };
      for (const name of runOptions.without ?? []) delete base[name];
      const rekorBefore = sandbox.rekorSize();
      const result = await runActionProcess({
        inputs: { ...base, ...inputs },
        env: sandbox.runnerEnv(runOptions.env),
        parentDir: root
      });
      const bundlePath = result.outputs['bundle-path'];
      return {
        ...result,
        outputDirectory,
        writtenFiles: [
          ...filesIn(outputDirectory).map((f) => join(outputDirectory, f)),
          ...filesIn(result.runnerTemp).map((f) => join(result.runnerTemp, f))
        ],
        rekorEntriesAdded: sandbox.rekorSize() - rekorBefore,
        ...(result.exitCode === 0 && bundlePath
          ? { provenance: readProvenanceFile(bundlePath) }
          : {})
      };
    },
    tempDir,
    close: async () => {
      await sandbox.close();
      rmSync(root, { recursive: true, force: true });
    }
  };
}

/** A frame of a JavaScript stack trace ("    at fn (file.js:1:2)"). */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/**
 * Whether the log shows a stack trace, including one inside a workflow command (`::debug::`
 * escapes its newlines as %0A, which would hide the frames from a line-based search).
 */
export function showsStackTrace(log: string): boolean {
  return STACK_FRAME.test(log.replace(/%0D/g, '\r').replace(/%0A/g, '\n'));
}
