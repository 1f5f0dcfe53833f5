// Issue 2/3, through the real parts: the bundled action (dist/index.js, a child process like
// the runner starts) signs one subject against the loopback sandbox (OIDC issuer, Fulcio + CT
// log, Rekor, TSA, GitHub REST). The file it writes is checked field by field, verified with
// @sigstore/verify in process, with the project's verifier core, and with the bundled CLI
// running the very command the job summary prints.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArtifactDigest, verifyProvenanceFile } from '../../src/verify/core/index.js';
import { loadTrustMaterial } from '../../src/verify/trust/index.js';
import {
  BUILD_TYPE_WORKFLOW_V1,
  INTOTO_PAYLOAD_TYPE,
  SLSA_PROVENANCE_V1,
  STATEMENT_TYPE
} from '../../src/types.js';
import {
  startActionHarness,
  type ActionHarness,
  type ActionRun
} from '../helpers/action-harness.js';
import { CLI_ENTRY } from '../helpers/run-action.js';
import { verifyWithSigstore } from '../helpers/sigstore-verify.js';
import { base64Of, digestOf } from '../helpers/subjects.js';

const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const ARTIFACT = 'app-linux-amd64';
// A start time no clock could produce by accident: it can only have come from the REST run.
const RUN_STARTED_AT = '2026-02-03T04:05:06Z';

describe('the action signs one subject against the sandbox', () => {
  let harness: ActionHarness;
  let run: ActionRun;
  let artifactDir: string;
  const artifactBytes = Buffer.from('the linux build of the app\n');
  const artifactSha256 = digestOf(artifactBytes.toString());

  beforeAll(async () => {
    harness = await startActionHarness({ run: { runStartedAt: RUN_STARTED_AT } });
    artifactDir = harness.tempDir('action-artifact-');
    writeFileSync(join(artifactDir, ARTIFACT), artifactBytes);
    // `sha256sum -b` output: the `*` binary marker is not part of the name.
    run = await harness.run({ 'base64-subjects': base64Of(`${artifactSha256} *${ARTIFACT}\n`) });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('succeeds and names the file <subject>.intoto.jsonl in its outputs', () => {
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['provenance-name']).toBe(`${ARTIFACT}.intoto.jsonl`);
    expect(run.outputs['bundle-path']).toBe(join(run.outputDirectory, `${ARTIFACT}.intoto.jsonl`));
    expect(run.outputs['provenance-sha256']).toBe(run.provenance!.sha256);
    expect(run.outputs['provenance-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes one newline-terminated line per bundle: a v0.3 bundle with an in-toto DSSE envelope', () => {
    const file = run.provenance!;
    expect(file.content.at(-1)).toBe(0x0a);
    expect(file.lines).toHaveLength(1);
    const [bundle] = file.bundles;
    expect(bundle!.mediaType).toBe(BUNDLE_V03);
    expect(bundle!.dsseEnvelope.payloadType).toBe(INTOTO_PAYLOAD_TYPE);
    expect(bundle!.dsseEnvelope.signatures).toHaveLength(1);
    expect(bundle!.verificationMaterial.certificate?.rawBytes).toBeTruthy();
    expect(bundle!.verificationMaterial.tlogEntries).toHaveLength(1);
    expect(bundle!.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(
      1
    );
    expect(run.rekorEntriesAdded).toBe(1);
  });

  it('states the subject, build type, builder, invocation, source and start time of the run', () => {
    const { run: r } = harness.sandbox;
    const repositoryUri = `${r.serverUrl}/${r.repository}`;
    const [statement] = run.provenance!.statements;
    expect(statement!._type).toBe(STATEMENT_TYPE);
    expect(statement!.predicateType).toBe(SLSA_PROVENANCE_V1);
    expect(statement!.subject).toEqual([{ name: ARTIFACT, digest: { sha256: artifactSha256 } }]);
    const { buildDefinition, runDetails } = statement!.predicate;
    expect(buildDefinition.buildType).toBe(BUILD_TYPE_WORKFLOW_V1);
    expect(buildDefinition.externalParameters.workflow).toEqual({
      ref: r.ref,
      repository: repositoryUri,
      path: r.workflowPath
    });
    expect(buildDefinition.internalParameters.github).toEqual({
      event_name: r.eventName,
      repository_id: r.repositoryId,
      repository_owner_id: r.repositoryOwnerId,
      runner_environment: r.runnerEnvironment
    });
    expect(buildDefinition.resolvedDependencies).toEqual([
      { uri: `git+${repositoryUri}@${r.ref}`, digest: { gitCommit: r.sha } }
    ]);
    expect(runDetails.builder.id).toBe(`https://github.com/${r.jobWorkflowRef}`);
    expect(runDetails.metadata.invocationId).toBe(
      `${repositoryUri}/actions/runs/${r.runId}/attempts/${r.runAttempt}`
    );
    expect(runDetails.metadata.startedOn).toBe(RUN_STARTED_AT);
    expect(Date.parse(runDetails.metadata.finishedOn!)).toBeGreaterThan(Date.parse(RUN_STARTED_AT));
  });

  it('verifies with @sigstore/verify against the sandbox trusted root; the SAN is builder.id', () => {
    const [bundle] = run.provenance!.bundles;
    const signer = verifyWithSigstore(harness.sandbox, bundle!, harness.builderId);
    expect(signer.subjectAlternativeName).toBe(
      run.provenance!.statements[0]!.predicate.runDetails.builder.id
    );
    expect(signer.issuer).toBe(harness.sandbox.urls.oidc);
  });

  it('does not verify for another identity or after the payload is changed', () => {
    const [bundle] = run.provenance!.bundles;
    expect(() =>
      verifyWithSigstore(
        harness.sandbox,
        bundle!,
        `https://github.com/${harness.sandbox.run.repository}/.github/workflows/release.yml@refs/tags/v1.2.3`
      )
    ).toThrow();
    const statement = JSON.parse(
      Buffer.from(bundle!.dsseEnvelope.payload, 'base64').toString()
    ) as {
      subject: { name: string }[];
    };
    statement.subject[0]!.name = 'something-else';
    const tampered = structuredClone(bundle!);
    tampered.dsseEnvelope.payload = base64Of(JSON.stringify(statement));
    expect(() => verifyWithSigstore(harness.sandbox, tampered, harness.builderId)).toThrow();
  });

  it("verifies with the project's verifier core for the artifact's digest", async () => {
    const trustMaterial = await loadTrustMaterial({
      trustedRootPath: harness.sandbox.trustedRootPath
    });
    const { verified } = await verifyProvenanceFile(run.provenance!.content, {
      trustMaterial,
      artifact: parseArtifactDigest(`sha256:${artifactSha256}`)
    });
    expect(verified).toHaveLength(1);
    const signer = verified[0]!.signer;
    if (signer.kind !== 'certificate') throw new Error('expected a certificate signer');
    expect(signer.identity.subjectAlternativeName).toBe(harness.builderId);
    expect(signer.identity.extensions.buildSignerDigest).toBe(harness.sandbox.run.jobWorkflowSha);
    await expect(
      verifyProvenanceFile(run.provenance!.content, {
        trustMaterial,
        artifact: parseArtifactDigest(`sha256:${digestOf('another artifact')}`)
      })
    ).rejects.toThrow();
  });

  describe('the job summary', () => {
    it('lists the subject, the provenance file and where it was published', () => {
      const { summary } = run;
      expect(summary).toContain('## SLSA provenance');
      expect(summary).toContain(
        `Signed one bundle for 1 subject of \`${harness.sandbox.run.repository}\``
      );
      expect(summary).toContain(`| ${ARTIFACT} | \`sha256:${artifactSha256}\` |`);
      expect(summary).toContain(
        `Provenance: \`${ARTIFACT}.intoto.jsonl\` (sha256 \`${run.outputs['provenance-sha256']}\`)`
      );
      expect(summary).toContain(`| file | ${run.outputs['bundle-path']} | created |`);
    });

    it('prints a verify command that the bundled CLI accepts', async () => {
      const command = verifyCommandOf(run.summary);
      expect(command).toEqual([
        'isolated-provenance',
        'verify-artifact',
        ARTIFACT,
        '--provenance-path',
        `${ARTIFACT}.intoto.jsonl`,
        '--source-uri',
        `github.com/${harness.sandbox.run.repository}`,
        '--source-repository-id',
        harness.sandbox.run.repositoryId,
        '--source-owner-id',
        harness.sandbox.run.repositoryOwnerId,
        '--builder-id',
        `https://github.com/${harness.sandbox.run.jobWorkflowRef}`,
        '--source-tag',
        'v1.2.3'
      ]);
      // Run it where the artifact and the provenance sit, as a consumer who downloaded both
      // would, plus the two flags a non-GitHub Sigstore instance needs.
      writeFileSync(join(artifactDir, `${ARTIFACT}.intoto.jsonl`), run.provenance!.content);
      const sandboxFlags = [
        '--trusted-root',
        harness.sandbox.trustedRootPath,
        '--certificate-oidc-issuer',
        harness.sandbox.urls.oidc
      ];
      const passed = await cli([...command.slice(1), ...sandboxFlags], artifactDir);
      expect(passed.code).toBe(0);
      // Like slsa-verifier, the verdict goes to stderr.
      expect(passed.stderr).toContain(`PASSED: Verified SLSA provenance for ${ARTIFACT}`);

      // The same command fails for a changed artifact, another tag, and GitHub's issuer.
      writeFileSync(join(artifactDir, 'changed'), 'not the artifact that was built\n');
      const wrongArtifact = await cli(
        ['verify-artifact', 'changed', ...command.slice(3), ...sandboxFlags],
        artifactDir
      );
      expect(wrongArtifact.code).not.toBe(0);
      expect(wrongArtifact.stderr).not.toContain('PASSED');
      const wrongTag = await cli([...command.slice(1, -1), 'v9.9.9', ...sandboxFlags], artifactDir);
      expect(wrongTag.code).not.toBe(0);
      expect(wrongTag.stderr).toContain('v9.9.9');
      const githubIssuer = await cli(
        [...command.slice(1), '--trusted-root', harness.sandbox.trustedRootPath],
        artifactDir
      );
      expect(githubIssuer.code).not.toBe(0);
      expect(githubIssuer.stderr).toContain(harness.sandbox.urls.oidc);
    });
  });
});

/** The `isolated-provenance verify-artifact …` line of the summary's sh block, split on spaces. */
function verifyCommandOf(summary: string): string[] {
  const line = summary
    .split('\n')
    .find((l) => l.startsWith('isolated-provenance verify-artifact '));
  if (!line) throw new Error(`no verify-artifact command in the summary:\n${summary}`);
  // Our names need no shell quoting; a quote here would mean the summary quoted something.
  expect(line).not.toMatch(/['"\\]/);
  return line.split(' ');
}

async function cli(
  args: string[],
  cwd: string
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI_ENTRY, ...args], {
      cwd,
      timeout: 30_000
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failure = e as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? ''
    };
  }
}

describe('a subject name that is markup and shell syntax', () => {
  // Legal as a file name, so legal as a subject; it must reach the statement verbatim, the
  // summary as inert text, and the printed shell command as one quoted word.
  const NAME = "evil $(touch pwned) `id` |<b>x<i>'s.tar.gz";
  let harness: ActionHarness;
  let run: ActionRun;
  let dir: string;
  const bytes = Buffer.from('an artifact with an awkward name\n');

  beforeAll(async () => {
    harness = await startActionHarness();
    dir = harness.tempDir('action-awkward-');
    writeFileSync(join(dir, NAME), bytes);
    run = await harness.run({
      'base64-subjects': base64Of(`${digestOf(bytes.toString())}  ${NAME}\n`)
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('keeps the name verbatim in the statement, under the generic file name', () => {
    expect(run.exitCode).toBe(0);
    expect(run.outputs['provenance-name']).toBe('multiple.intoto.jsonl');
    expect(run.provenance!.statements[0]!.subject[0]!.name).toBe(NAME);
  });

  it('escapes it in the summary table', () => {
    const row = run.summary.split('\n').find((l) => l.includes(digestOf(bytes.toString())))!;
    expect(row).not.toMatch(/<b>|\$\(|`id`/);
    expect(row.split('|').length).toBe(4); // | name | digest | : the name adds no column
  });

  it('prints a verify command that bash runs as written, without running the name', async () => {
    const line = run.summary
      .split('\n')
      .find((l) => l.startsWith('isolated-provenance verify-artifact '))!;
    writeFileSync(join(dir, 'multiple.intoto.jsonl'), run.provenance!.content);
    const bin = harness.tempDir('action-bin-');
    writeFileSync(
      join(bin, 'isolated-provenance'),
      `#!/bin/sh\nexec "${process.execPath}" "${CLI_ENTRY}" "$@"\n`,
      { mode: 0o755 }
    );
    const script = `${line} --trusted-root "$TRUSTED_ROOT" --certificate-oidc-issuer "$ISSUER"`;
    const result = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile(
        'bash',
        ['--noprofile', '--norc', '-c', script],
        {
          cwd: dir,
          env: {
            PATH: `${bin}:${process.env.PATH ?? ''}`,
            TRUSTED_ROOT: harness.sandbox.trustedRootPath,
            ISSUER: harness.sandbox.urls.oidc
          }
        },
        (error, _stdout, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr })
      )
    );
    expect(result.stderr).toContain('PASSED');
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });
});
