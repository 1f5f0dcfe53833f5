// Subjects from several places merged into one provenance, through the bundled action against
// the sandbox: subject files of matrix jobs (the action's multi-path `subjects-file` input),
// and generic.yml's two file flows — `subjects-artifacts` and the `base64-subjects-as-file`
// handle from actions/upload-subjects. The parts of those flows that run outside GitHub (the
// bash steps) run here as a runner would run them; the artifact store between jobs is a copy.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Subject } from '../../src/types.js';
import {
  showsStackTrace,
  startActionHarness,
  type ActionHarness
} from '../helpers/action-harness.js';
import { verifyWithSigstore } from '../helpers/sigstore-verify.js';
import {
  base64Of,
  digestOf,
  jsonSubjects,
  makeSubjects,
  sha256sumText
} from '../helpers/subjects.js';
import { workflowStep } from '../helpers/workflow-step.js';

const GENERIC = '.github/workflows/generic.yml';
const UPLOAD_SUBJECTS = 'actions/upload-subjects/action.yml';

describe('merging subjects from several sources into one provenance', () => {
  let harness: ActionHarness;
  let scratch: string;
  const linux = makeSubjects(3, { prefix: 'linux' });
  const darwin = makeSubjects(2, { prefix: 'darwin' });
  const windows = makeSubjects(2, { prefix: 'windows', algorithm: 'sha512' });
  // Every matrix job also lists the shared checksums file: the same name and digest is one subject.
  const shared: Subject = { name: 'checksums.txt', digest: { sha256: digestOf('checksums') } };

  beforeAll(async () => {
    harness = await startActionHarness();
    scratch = harness.tempDir('action-merge-');
  });
  afterAll(async () => {
    await harness?.close();
  });

  function write(name: string, content: string): string {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
  }

  describe('the subjects-file input with several paths', () => {
    it('merges sha256sum and JSON files of matrix jobs into one provenance', async () => {
      const files = [
        write('linux.sha256', sha256sumText([...linux, shared])),
        write('darwin.json', jsonSubjects([shared, ...darwin])),
        // A Windows job: `sha512sum -b` output with CRLF line ends.
        write('windows.sha512', sha256sumText(windows, { binary: true }).replace(/\n/g, '\r\n'))
      ];
      const run = await harness.run({ 'subjects-file': `${files.join('\n')}\n` });
      expect(run.errors).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.provenance!.lines).toHaveLength(1);
      expect(run.provenance!.statements[0]!.subject).toEqual([
        ...linux,
        shared,
        ...darwin,
        ...windows
      ]);
      verifyWithSigstore(harness.sandbox, run.provenance!.bundles[0]!, harness.builderId);
    });

    it('merges base64-subjects with subject files (generic.yml passes both)', async () => {
      const file = write('more.sha256', sha256sumText(darwin));
      const run = await harness.run({
        'base64-subjects': base64Of(sha256sumText(linux)),
        'subjects-file': file
      });
      expect(run.exitCode).toBe(0);
      expect(run.provenance!.statements[0]!.subject).toEqual([...linux, ...darwin]);
    });

    it('refuses one name with different digests in two files, naming both files', async () => {
      const first = write('job-a.sha256', `${digestOf('build a')}  app\n`);
      const second = write('job-b.sha256', `${digestOf('build b')}  app\n`);
      const run = await harness.run({ 'subjects-file': `${first}\n${second}` });
      expect(run.exitCode).not.toBe(0);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(
        new RegExp(
          `^SUBJECTS_INVALID: subject "app" has two different sha256 digests: \\S+ in subjects-file ${first} and \\S+ in subjects-file ${second}$`
        )
      );
      expect(run.writtenFiles).toEqual([]);
      expect(run.rekorEntriesAdded).toBe(0);
      expect(showsStackTrace(run.log)).toBe(false);
    });

    it('refuses a path that does not exist, naming it', async () => {
      const missing = join(scratch, 'never-uploaded.sha256');
      const run = await harness.run({ 'subjects-file': missing });
      expect(run.exitCode).not.toBe(0);
      expect(run.errors[0]).toMatch(
        new RegExp(`^SUBJECTS_INVALID: subjects-file ${missing}: cannot read it`)
      );
      expect(run.rekorEntriesAdded).toBe(0);
    });
  });

  describe("generic.yml's subjects-artifacts flow", () => {
    const sources = workflowStep(GENERIC, 'sources', 'provenance');
    const files = workflowStep(GENERIC, 'files', 'provenance');

    it('collects the files of every matrix artifact and the action merges them', async () => {
      const subjectsDir = harness.tempDir('isolated-provenance-subjects-');
      const checked = await sources.run({
        UNTRUSTED_SUBJECTS: '',
        UNTRUSTED_HANDLE: '',
        UNTRUSTED_ARTIFACTS: 'subjects-*'
      });
      expect(checked.code).toBe(0);
      // actions/download-artifact with merge-multiple: false puts each artifact in its own folder.
      const matrix: [string, string, string][] = [
        ['subjects-linux', 'linux.sha256', sha256sumText([...linux, shared])],
        ['subjects-darwin', 'darwin.json', jsonSubjects([...darwin, shared])],
        ['subjects-windows', 'windows.sha512', sha256sumText(windows)]
      ];
      for (const [artifact, file, content] of matrix) {
        mkdirSync(join(subjectsDir, 'artifacts', artifact), { recursive: true });
        writeFileSync(join(subjectsDir, 'artifacts', artifact, file), content);
      }
      const collected = await files.run({
        HANDLE_SHA256: '',
        HANDLE_FILENAME: '',
        ARTIFACT_NAMES: checked.outputs['artifacts-names']!,
        SUBJECTS_DIR: subjectsDir
      });
      expect(collected.stderr).toBe('');
      expect(collected.code).toBe(0);
      const paths = collected.outputs['paths']!;
      expect(
        paths
          .split('\n')
          .map((p) => basename(p))
          .sort()
      ).toEqual(['darwin.json', 'linux.sha256', 'windows.sha512']);

      const run = await harness.run({ 'subjects-file': paths });
      expect(run.exitCode).toBe(0);
      const names = run.provenance!.statements[0]!.subject.map((s) => s.name).sort();
      expect(names).toEqual([...linux, ...darwin, ...windows, shared].map((s) => s.name).sort());
    });
  });

  describe('the base64-subjects-as-file handle (actions/upload-subjects → generic.yml)', () => {
    const prepare = workflowStep(UPLOAD_SUBJECTS, 'prepare');
    const makeHandle = workflowStep(UPLOAD_SUBJECTS, 'handle');
    const sources = workflowStep(GENERIC, 'sources', 'provenance');
    const files = workflowStep(GENERIC, 'files', 'provenance');
    const subjects = makeSubjects(40, { prefix: 'release-asset' });

    /** The build job's side: stage the file, make the handle; then "upload" it (a copy). */
    async function upload(encoding: 'plain' | 'base64', content: string) {
      const staging = harness.tempDir('upload-subjects-');
      const path = write(`digests-${encoding}.txt`, content);
      const prepared = await prepare.run({
        UNTRUSTED_PATH: path,
        ENCODING: encoding,
        STAGING: staging
      });
      expect(prepared.code).toBe(0);
      const handle = await makeHandle.run({
        ARTIFACT: prepared.outputs['artifact']!,
        SHA256: prepared.outputs['sha256']!,
        FILENAME: prepared.outputs['filename']!
      });
      expect(handle.code).toBe(0);
      return { stagedFile: prepared.outputs['file']!, handle: handle.outputs['handle']! };
    }

    /** The provenance job's side: check the handle, "download" the artifact, check its pin. */
    async function receive(
      handle: string,
      stagedFile: string,
      tamper?: (downloaded: string) => void
    ) {
      const checked = await sources.run({
        UNTRUSTED_SUBJECTS: '',
        UNTRUSTED_HANDLE: handle,
        UNTRUSTED_ARTIFACTS: ''
      });
      expect(checked.code).toBe(0);
      const subjectsDir = harness.tempDir('isolated-provenance-subjects-');
      mkdirSync(join(subjectsDir, 'handle'));
      const downloaded = join(subjectsDir, 'handle', checked.outputs['handle-filename']!);
      cpSync(stagedFile, downloaded);
      tamper?.(downloaded);
      return files.run({
        HANDLE_SHA256: checked.outputs['handle-sha256']!,
        HANDLE_FILENAME: checked.outputs['handle-filename']!,
        ARTIFACT_NAMES: checked.outputs['artifacts-names'] ?? '',
        SUBJECTS_DIR: subjectsDir
      });
    }

    it.each(['plain', 'base64'] as const)(
      'signs the subjects of a %s subjects file passed by handle',
      async (encoding) => {
        const text = sha256sumText(subjects);
        const { handle, stagedFile } = await upload(
          encoding,
          encoding === 'plain' ? text : base64Of(text)
        );
        const collected = await receive(handle, stagedFile);
        expect(collected.code).toBe(0);
        const run = await harness.run({ 'subjects-file': collected.outputs['paths']! });
        expect(run.errors).toEqual([]);
        expect(run.exitCode).toBe(0);
        expect(run.provenance!.statements[0]!.subject).toEqual(subjects);
        verifyWithSigstore(harness.sandbox, run.provenance!.bundles[0]!, harness.builderId);
      }
    );

    it('stops before the action when the artifact was rewritten after the handle was made', async () => {
      const { handle, stagedFile } = await upload('plain', sha256sumText(subjects));
      const evil = sha256sumText([{ name: 'backdoor', digest: { sha256: digestOf('evil') } }]);
      const collected = await receive(handle, stagedFile, (downloaded) =>
        writeFileSync(downloaded, base64Of(evil))
      );
      expect(collected.code).not.toBe(0);
      expect(collected.stdout).toMatch(
        /::error title=isolated-provenance::subjects file digest mismatch: the handle pins sha256 [0-9a-f]{64}, the artifact holds [0-9a-f]{64}/
      );
      expect(collected.outputs['paths']).toBeUndefined();
    });
  });
});
