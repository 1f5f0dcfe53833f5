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
  sourceUri?: string;
  sourceRef?: string;
  sourceDigest?: Record<string, string>;
  trigger?: string;
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
    sourceUri: outcome.sourceUri,
    sourceRef: outcome.sourceRef,
    sourceDigest: outcome.sourceDigest,
    ...(outcome.trigger === undefined ? {} : { trigger: outcome.trigger }),
    subjects: outcome.matchedSubjects,
    envelope: {
      format: envelope.format,
      index: envelope.index,
      timestamps: envelope.timestamps.map((t) => ({ source: t.source, time: t.time.toISOString() }))
    }
  };
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
  const commit = report.sourceDigest?.gitCommit ?? report.sourceDigest?.sha1;
  out.stderr(
    `Verified build using builder "${report.builderId}" from ${report.sourceUri}@${report.sourceRef}${commit ? ` at commit ${commit}` : ''}\n`
  );
  out.stderr(`PASSED: Verified SLSA provenance for ${report.artifacts.join(', ')}\n`);
  if (json) out.stdout(`${JSON.stringify(report, null, 2)}\n`);
}

export function writeFail(out: Output, report: VerifyReport, json: boolean): void {
  out.stderr(`FAILED: ${report.error?.message ?? 'verification failed'}\n`);
  if (json) out.stdout(`${JSON.stringify(report, null, 2)}\n`);
}
