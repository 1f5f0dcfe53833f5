// Many subjects through the bundled action against the sandbox: 3,000 sha512 subjects in the
// JSON form are split over several bundles (DEFAULT_MAX_SUBJECTS_PER_STATEMENT each), every
// subject lands in exactly one of them, and every bundle verifies on its own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_SUBJECTS_PER_STATEMENT } from '../../src/provenance/statement.js';
import { parseArtifactDigest, verifyProvenanceFile } from '../../src/verify/core/index.js';
import { loadTrustMaterial } from '../../src/verify/trust/index.js';
import {
  startActionHarness,
  type ActionHarness,
  type ActionRun
} from '../helpers/action-harness.js';
import { verifyWithSigstore } from '../helpers/sigstore-verify.js';
import { base64Of, digestOf, jsonSubjects, makeSubjects } from '../helpers/subjects.js';

const COUNT = 3_000;

describe('the action splits 3,000 subjects over several bundles', () => {
  let harness: ActionHarness;
  let run: ActionRun;
  const subjects = makeSubjects(COUNT, { algorithm: 'sha512' });

  beforeAll(async () => {
    harness = await startActionHarness();
    const path = join(harness.tempDir('action-many-'), 'subjects.json');
    writeFileSync(path, jsonSubjects(subjects));
    run = await harness.run({ 'subjects-file': path });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('writes multiple.intoto.jsonl with one line per bundle, each a statement of at most the limit', () => {
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['provenance-name']).toBe('multiple.intoto.jsonl');
    const file = run.provenance!;
    const expectedBundles = Math.ceil(COUNT / DEFAULT_MAX_SUBJECTS_PER_STATEMENT);
    expect(expectedBundles).toBeGreaterThan(1);
    expect(file.lines).toHaveLength(expectedBundles);
    expect(file.statements.map((s) => s.subject.length)).toEqual(
      Array.from({ length: expectedBundles }, (_, i) =>
        Math.min(DEFAULT_MAX_SUBJECTS_PER_STATEMENT, COUNT - i * DEFAULT_MAX_SUBJECTS_PER_STATEMENT)
      )
    );
    expect(run.outputs['provenance-sha256']).toBe(file.sha256);
    expect(run.rekorEntriesAdded).toBe(expectedBundles);
  });

  it('puts every subject, with its sha512 digest, in exactly one bundle, in input order', () => {
    const all = run.provenance!.statements.flatMap((s) => s.subject);
    expect(all).toHaveLength(COUNT);
    expect(new Set(all.map((s) => s.name)).size).toBe(COUNT);
    expect(all).toEqual(subjects);
  });

  it('gives every bundle the same predicate', () => {
    const [first, ...rest] = run.provenance!.statements.map((s) => JSON.stringify(s.predicate));
    for (const p of rest) expect(p).toBe(first);
  });

  it('signs each bundle separately; each verifies with @sigstore/verify', () => {
    const signatures = new Set(
      run.provenance!.bundles.map((b) => b.dsseEnvelope.signatures[0]!.sig)
    );
    expect(signatures.size).toBe(run.provenance!.bundles.length);
    for (const bundle of run.provenance!.bundles) {
      expect(
        verifyWithSigstore(harness.sandbox, bundle, harness.builderId).subjectAlternativeName
      ).toBe(harness.builderId);
    }
  });

  it('verifies a subject of the last bundle with the verifier core', async () => {
    const last = subjects[COUNT - 1]!;
    const trustMaterial = await loadTrustMaterial({
      trustedRootPath: harness.sandbox.trustedRootPath
    });
    // Every envelope must list the artifact, so verify the last line on its own.
    const lastLine = Buffer.from(`${run.provenance!.lines.at(-1)!}\n`);
    const { verified } = await verifyProvenanceFile(lastLine, {
      trustMaterial,
      artifact: parseArtifactDigest(`sha512:${last.digest.sha512!}`)
    });
    expect(verified).toHaveLength(1);
  });

  it('summarises the count and shows the first subjects only', () => {
    expect(run.summary).toContain(
      `Signed ${run.provenance!.lines.length} bundles for ${COUNT} subjects`
    );
    expect(run.summary).toContain(
      `| ${subjects[0]!.name} | \`sha512:${subjects[0]!.digest.sha512!}\` |`
    );
    expect(run.summary).toMatch(/\| … and \d+ more \| \|/);
    expect(run.summary).not.toContain(subjects[COUNT - 1]!.name);
  });

  it('keeps both digests when sha256sum and sha512sum output are concatenated (file in RUNNER_TEMP)', async () => {
    const name = 'app.tar.gz';
    const text = `${digestOf(name)}  ${name}\n${digestOf(name, 'sha512')}  ${name}\n`;
    // Without output-directory, the file goes to RUNNER_TEMP.
    const both = await harness.run(
      { 'base64-subjects': base64Of(text) },
      { without: ['output-directory'] }
    );
    expect(both.exitCode).toBe(0);
    expect(both.outputs['bundle-path']).toBe(join(both.runnerTemp, `${name}.intoto.jsonl`));
    expect(both.provenance!.statements[0]!.subject).toEqual([
      { name, digest: { sha256: digestOf(name), sha512: digestOf(name, 'sha512') } }
    ]);
  });
});
