// What the verifier tells the user: one PASSED/FAILED line on stderr (the shape
// slsa-verifier users grep for), and with --json a machine-readable report on stdout.
import type { PolicyPass } from '../policy/select-envelope.js';

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
};

export interface VerifyReport {
  command: string;
  verified: boolean;
  artifacts: string[];
  provenance?: string;
  builderId?: string;
  signerIdentity?: string;
  /** 3 for an isolated builder, 2 for runner-built provenance (the signer built it itself). */
  slsaBuildLevel?: 2 | 3;
  /** The kind of ref the builder ran at (release, branch, commit, …) and who trusted it. */
  builderTrustedAt?: string;
  builderTrustedBy?: string;
  /** Source repository, ref and commit as the certificate states them. */
  sourceUri?: string;
  sourceRef?: string;
  sourceCommit?: string;
  sourceRepositoryId?: string;
  sourceOwnerId?: string;
  /** The predicate's recorded source digests. */
  sourceDigest?: Record<string, string>;
  runnerEnvironment?: string;
  deploymentEnvironment?: string;
  /** Fulcio .1.24: the OIDC token's raw sub claim. */
  tokenSubject?: string;
  trigger?: string;
  warnings?: string[];
  subjects?: { artifact: string; subject: string; digest: string }[];
  envelope?: { format: string; index: number; timestamps: { source: string; time: string }[] };
  error?: { code: string; message: string };
  /** The verified in-toto statement, with --print-provenance --json. */
  statement?: unknown;
}

export function passReport(
  command: string,
  artifacts: string[],
  provenance: string,
  pass: PolicyPass
): VerifyReport {
  const { outcome, envelope } = pass;
  return {
    command,
    verified: true,
    artifacts,
    provenance,
    builderId: outcome.builderId,
    signerIdentity: outcome.signerIdentity,
    slsaBuildLevel: outcome.slsaBuildLevel,
    builderTrustedAt: outcome.trustedAt,
    builderTrustedBy: outcome.trustedBy,
    sourceUri: outcome.sourceUri,
    sourceRef: outcome.sourceRef,
    ...optional({
      sourceCommit: outcome.sourceCommit,
      sourceRepositoryId: outcome.sourceRepositoryId,
      sourceOwnerId: outcome.sourceOwnerId,
      runnerEnvironment: outcome.runnerEnvironment,
      deploymentEnvironment: outcome.deploymentEnvironment,
      tokenSubject: outcome.tokenSubject,
      trigger: outcome.trigger
    }),
    sourceDigest: outcome.sourceDigest,
    warnings: outcome.warnings,
    subjects: outcome.matchedSubjects,
    envelope: {
      format: envelope.format,
      index: envelope.index,
      timestamps: envelope.timestamps.map((t) => ({ source: t.source, time: t.time.toISOString() }))
    }
  };
}

function optional(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)
  );
}

export function failReport(
  command: string,
  artifacts: string[],
  code: string,
  message: string
): VerifyReport {
  return { command, verified: false, artifacts, error: { code, message } };
}

export interface PassOutput {
  json: boolean;
  /** With --print-provenance: the verified DSSE payload (printed, or put in the JSON report). */
  statement?: Buffer;
}

export function writePass(out: Output, report: VerifyReport, options: PassOutput): void {
  const { json, statement } = options;
  if (statement !== undefined && !json) out.stdout(`${statement.toString('utf8')}\n`);
  if (statement !== undefined && json)
    report.statement = JSON.parse(statement.toString('utf8')) as unknown;
  const commit = report.sourceCommit;
  const level = report.slsaBuildLevel === 2 ? 'SLSA Build L2' : 'SLSA Build L3';
  const signer =
    report.slsaBuildLevel === 2 ? ` signed by workflow "${report.signerIdentity}"` : '';
  out.stderr(
    `Verified build using builder "${report.builderId}"${signer} from ${report.sourceUri}@${report.sourceRef}${commit ? ` at commit ${commit}` : ''}\n`
  );
  const ids = [
    report.sourceRepositoryId ? `repository id ${report.sourceRepositoryId}` : undefined,
    report.sourceOwnerId ? `owner id ${report.sourceOwnerId}` : undefined,
    report.runnerEnvironment ? `runner ${report.runnerEnvironment}` : undefined,
    report.deploymentEnvironment ? `environment ${report.deploymentEnvironment}` : undefined
  ].filter((part) => part !== undefined);
  if (ids.length > 0) out.stderr(`Source: ${ids.join(', ')}\n`);
  if (report.tokenSubject) out.stderr(`Token subject: ${report.tokenSubject}\n`);
  if (report.builderTrustedAt === 'branch')
    out.stderr(`WARNING: builder trusted at a branch (${report.builderId})\n`);
  for (const warning of report.warnings ?? []) out.stderr(`NOTE: ${warning}\n`);
  out.stderr(`PASSED: Verified SLSA provenance for ${report.artifacts.join(', ')} (${level})\n`);
  if (json) out.stdout(`${JSON.stringify(report, null, 2)}\n`);
}

export function writeFail(out: Output, report: VerifyReport, json: boolean): void {
  out.stderr(`FAILED: ${report.error?.message ?? 'verification failed'}\n`);
  if (json) out.stdout(`${JSON.stringify(report, null, 2)}\n`);
}
