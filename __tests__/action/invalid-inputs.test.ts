// Hostile or malformed input through the bundled action against the sandbox: the run fails
// with one line that names the problem, shows no stack trace, writes no file, signs nothing
// (the sandbox Rekor log does not grow) and publishes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  showsStackTrace,
  startActionHarness,
  type ActionHarness,
  type ActionRun
} from '../helpers/action-harness.js';
import { base64Of, digestOf, makeSubjects, sha256sumText } from '../helpers/subjects.js';

const A = digestOf('a');
const B = digestOf('b');

describe('the action refuses invalid input before signing anything', () => {
  let harness: ActionHarness;
  let scratch: string;

  beforeAll(async () => {
    harness = await startActionHarness();
    scratch = harness.tempDir('action-invalid-');
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Runs the action and checks everything a refusal must be; returns its one error line. */
  async function refused(inputs: Record<string, string>): Promise<string> {
    const writesBefore = harness.sandbox.github.requests.filter((r) => r.method !== 'GET').length;
    const run: ActionRun = await harness.run(inputs);
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).not.toContain('\n');
    expect(showsStackTrace(run.log)).toBe(false);
    expect(run.log).not.toContain('internal error');
    expect(run.writtenFiles).toEqual([]);
    expect(run.outputs).toEqual({});
    expect(run.rekorEntriesAdded).toBe(0);
    expect(harness.sandbox.github.requests.filter((r) => r.method !== 'GET')).toHaveLength(
      writesBefore
    );
    return run.errors[0]!;
  }

  describe('subjects', () => {
    it('bad base64 names the line, the character and its column', async () => {
      const error = await refused({ 'base64-subjects': `${base64Of(`${A}  app\n`)}\n!!notbase64` });
      expect(error).toBe(
        'SUBJECTS_INVALID: base64-subjects, line 2: bad base64: character "!" at column 1 is not in the base64 alphabet'
      );
    });

    it('truncated base64 says so', async () => {
      const error = await refused({ 'base64-subjects': base64Of(`${A}  app\n`).slice(0, -3) });
      expect(error).toMatch(
        /^SUBJECTS_INVALID: base64-subjects, input: bad base64: \d+ characters is not a multiple of 4/
      );
    });

    it('one name with two different digests names both lines', async () => {
      const error = await refused({
        'base64-subjects': base64Of(`${A}  app\n${B}  other\n${B}  app\n`)
      });
      expect(error).toMatch(
        /^SUBJECTS_INVALID: base64-subjects, line 3: subject "app" has two different sha256 digests: .* \(line 1\) and .* \(line 3\)$/
      );
    });

    it('a NUL in a name names the line and the position', async () => {
      const error = await refused({ 'base64-subjects': base64Of(`${A}  app\n${B}  ev\0il\n`) });
      expect(error).toMatch(
        /^SUBJECTS_INVALID: base64-subjects, line 2: .*NUL character \(U\+0000\) at character 3/
      );
    });

    it('more than 100,000 subjects (a subjects file) names the limit and the line', async () => {
      const path = join(scratch, 'huge.sha256');
      writeFileSync(path, sha256sumText(makeSubjects(100_001)));
      const error = await refused({ 'subjects-file': path });
      expect(error).toBe(
        `SUBJECTS_INVALID: subjects-file ${path}, line 100001: more than 100000 subjects; split the artifacts over several provenance files`
      );
    });

    it('no subjects at all', async () => {
      const error = await refused({});
      expect(error).toBe(
        'SUBJECTS_INVALID: no subjects: set base64-subjects, subjects-file or images'
      );
    });
  });

  describe('provenance-name', () => {
    const subjects = { 'base64-subjects': base64Of(`${A}  app\n`) };

    it.each([
      ['a path separator', 'dist/app.intoto.jsonl', 'expected a file name without path separators'],
      [
        'a Windows path separator',
        '..\\app.intoto.jsonl',
        'expected a file name without path separators'
      ],
      ['the wrong suffix', 'app.json', 'expected a name ending in .intoto.jsonl'],
      ['the suffix alone', '.intoto.jsonl', 'expected a name ending in .intoto.jsonl'],
      [
        'a character outside the safe set',
        'app$(id).intoto.jsonl',
        'only letters, digits and ._- are allowed, with no leading period (GitHub renames release assets named otherwise)'
      ]
    ])('refuses %s', async (_what, name, reason) => {
      const error = await refused({ ...subjects, 'provenance-name': name });
      expect(error).toBe(`INPUT_INVALID: provenance-name: ${reason}, found "${name}"`);
    });
  });
});
