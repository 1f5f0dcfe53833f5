// The bundled action with `rekor-version: 2` and `signing-config` against the sandbox: every
// bundle carries a Rekor v2 entry (hashedrekord 0.0.2, checkpoint, no SET) and an RFC 3161
// timestamp, the job summary names the log, and our verifier CLI accepts the file — while the
// default run still writes Rekor v1 entries and a config that cannot give a time is refused
// before anything is signed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  startActionHarness,
  showsStackTrace,
  type ActionHarness
} from '../helpers/action-harness.js';
import { CLI_ENTRY } from '../helpers/run-action.js';
import { base64Of } from '../helpers/subjects.js';

interface TlogEntryJson {
  kindVersion?: { kind: string; version: string };
  inclusionPromise?: { signedEntryTimestamp: string };
  inclusionProof?: { checkpoint?: { envelope: string } };
}

const SIGSTORE_URL_INPUTS = ['sigstore-instance', 'fulcio-url', 'rekor-url', 'tsa-url'];
const ARTIFACT = 'app.tar.gz';
const BYTES = Buffer.from('rekor v2 artifact\n');
const subjects = base64Of(`${createHash('sha256').update(BYTES).digest('hex')}  ${ARTIFACT}\n`);

function cli(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((done) =>
    execFile(
      process.execPath,
      [CLI_ENTRY, ...args],
      { cwd, timeout: 60_000 },
      (error, _o, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr })
    )
  );
}

describe('the action with rekor-version 2', () => {
  let harness: ActionHarness;
  beforeAll(async () => {
    harness = await startActionHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('signs into the Rekor v2 log named by the signing config, and the CLI verifies it', async () => {
    const v2Before = harness.sandbox.rekorV2Size();
    const run = await harness.run(
      {
        'base64-subjects': subjects,
        'signing-config': harness.sandbox.signingConfigPath,
        'rekor-version': '2'
      },
      { without: SIGSTORE_URL_INPUTS }
    );
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.rekorEntriesAdded).toBe(0); // nothing in the v1 log
    expect(harness.sandbox.rekorV2Size() - v2Before).toBe(run.provenance!.bundles.length);
    for (const bundle of run.provenance!.bundles) {
      const material = bundle.verificationMaterial!;
      const entry = material.tlogEntries![0]! as TlogEntryJson;
      expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' });
      expect(entry.inclusionPromise).toBeUndefined();
      expect(entry.inclusionProof?.checkpoint?.envelope).toContain('\n\n\u2014 ');
      expect(material.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    }
    expect(run.summary).toContain(`Transparency log: Rekor v2 at ${harness.sandbox.urls.rekorV2}`);

    const dir = harness.tempDir('verify-');
    writeFileSync(join(dir, ARTIFACT), BYTES);
    writeFileSync(join(dir, 'app.intoto.jsonl'), run.provenance!.content);
    const verdict = await cli(
      [
        'verify-artifact',
        ARTIFACT,
        '--provenance-path',
        'app.intoto.jsonl',
        '--source-uri',
        `github.com/${harness.sandbox.run.repository}`,
        '--trusted-root',
        harness.sandbox.trustedRootPath,
        '--certificate-oidc-issuer',
        harness.sandbox.urls.oidc
      ],
      dir
    );
    expect(verdict.stderr).toContain('PASSED');
    expect(verdict.code).toBe(0);
  });

  it('keeps the default: Rekor v1 dsse entries with a SET', async () => {
    const run = await harness.run({ 'base64-subjects': subjects });
    expect(run.exitCode).toBe(0);
    expect(run.rekorEntriesAdded).toBe(1);
    const entry = run.provenance!.bundles[0]!.verificationMaterial!
      .tlogEntries![0]! as TlogEntryJson;
    expect(entry.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
    expect(entry.inclusionPromise?.signedEntryTimestamp).toBeTruthy();
    expect(run.summary).toContain(`Transparency log: Rekor v1 at ${harness.sandbox.urls.rekor}`);
  });

  it('refuses Rekor v2 without a timestamp authority in one line, before signing', async () => {
    const v2Before = harness.sandbox.rekorV2Size();
    const run = await harness.run(
      {
        'base64-subjects': subjects,
        'rekor-url': harness.sandbox.urls.rekorV2,
        'rekor-version': '2'
      },
      { without: ['tsa-url'] }
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toEqual([
      'INPUT_INVALID: rekor-version 2: a Rekor v2 entry carries no time, so tsa-url is required'
    ]);
    expect(showsStackTrace(run.log)).toBe(false);
    expect(harness.sandbox.rekorV2Size()).toBe(v2Before);
    expect(run.writtenFiles.filter((f) => f.endsWith('.intoto.jsonl'))).toEqual([]);
  });

  it('refuses an unreadable signing-config in one line', async () => {
    const path = join(harness.tempDir('cfg-'), 'signing_config.json');
    writeFileSync(
      path,
      '{"mediaType":"application/vnd.dev.sigstore.signingconfig.v0.2+json","caUrls":[]}'
    );
    const run = await harness.run(
      { 'base64-subjects': subjects, 'signing-config': path },
      { without: SIGSTORE_URL_INPUTS }
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(
      `signing-config ${path}: no usable certificate authority in caUrls`
    );
  });
});
