// The job summary: what was attested, where the provenance went, and how to verify it.
// Pure: returns markdown; every tenant string passes through safeMarkdownText.
import { safeMarkdownText } from '../sanitize.js';
import type { BuildContext, Subject } from '../types.js';

export interface Publication {
  kind: 'file' | 'artifact' | 'release-asset' | 'attestation' | 'oci-cosign' | 'oci-referrer';
  /** Where it landed: a path, URL, or image reference. */
  location: string;
  /** Whether this run created it or found it already there (re-run). */
  status: 'created' | 'unchanged';
  note?: string;
}

export interface SummaryInput {
  context: Pick<BuildContext, 'repository' | 'ref' | 'jobWorkflowRef' | 'serverUrl'>;
  subjects: readonly Subject[];
  provenanceName: string;
  provenanceSha256: string;
  bundleCount: number;
  publications: readonly Publication[];
  images?: readonly { image: string; digest: string; mediaType?: string }[];
  /** Which log the entries went to, e.g. "Rekor v2 at https://log2025-1.rekor.sigstore.dev". */
  transparencyLog?: string;
}

const MAX_ROWS = 50;

function refFlag(ref: string): string {
  if (ref.startsWith('refs/tags/')) return `--source-tag ${ref.slice('refs/tags/'.length)}`;
  if (ref.startsWith('refs/heads/')) return `--source-branch ${ref.slice('refs/heads/'.length)}`;
  return '';
}

/** Quote for a POSIX shell: single quotes, with embedded quotes closed and escaped. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@=+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function renderSummary(input: SummaryInput): string {
  const { context, subjects } = input;
  const host = new URL(context.serverUrl).host;
  const lines: string[] = [];
  lines.push('## SLSA provenance');
  lines.push('');
  lines.push(
    `Signed ${input.bundleCount === 1 ? 'one bundle' : `${input.bundleCount} bundles`} for ${subjects.length} subject${subjects.length === 1 ? '' : 's'} of \`${safeMarkdownText(context.repository)}\` at \`${safeMarkdownText(context.ref)}\`, builder \`${safeMarkdownText(context.jobWorkflowRef)}\`.`
  );
  lines.push('');
  lines.push('| subject | digest |');
  lines.push('| --- | --- |');
  for (const s of subjects.slice(0, MAX_ROWS)) {
    const digest = s.digest.sha256
      ? `sha256:${s.digest.sha256}`
      : `sha512:${s.digest.sha512 ?? ''}`;
    lines.push(`| ${safeMarkdownText(s.name)} | \`${digest}\` |`);
  }
  if (subjects.length > MAX_ROWS) lines.push(`| … and ${subjects.length - MAX_ROWS} more | |`);
  lines.push('');
  if (input.images && input.images.length > 0) {
    lines.push('| image | digest | kind |');
    lines.push('| --- | --- | --- |');
    for (const i of input.images) {
      const kind =
        i.mediaType?.includes('index') || i.mediaType?.includes('manifest.list')
          ? 'multi-arch index (the index digest is attested, not each platform)'
          : 'image manifest';
      lines.push(`| ${safeMarkdownText(i.image)} | \`${safeMarkdownText(i.digest)}\` | ${kind} |`);
    }
    lines.push('');
  }
  lines.push(
    `Provenance: \`${safeMarkdownText(input.provenanceName)}\` (sha256 \`${input.provenanceSha256}\`)`
  );
  lines.push('');
  if (input.transparencyLog) {
    lines.push(`Transparency log: ${safeMarkdownText(input.transparencyLog, 500)}`);
    lines.push('');
  }
  if (input.publications.length > 0) {
    lines.push('| published to | where | |');
    lines.push('| --- | --- | --- |');
    for (const p of input.publications) {
      lines.push(
        `| ${p.kind} | ${safeMarkdownText(p.location, 500)} | ${p.status}${p.note ? `: ${safeMarkdownText(p.note)}` : ''} |`
      );
    }
    lines.push('');
  }
  const first = subjects[0];
  const sourceUri = `${host}/${context.repository}`;
  const ref = refFlag(context.ref);
  lines.push('### Verify');
  lines.push('');
  lines.push('```sh');
  if (first) {
    lines.push(
      `isolated-provenance verify-artifact ${shellQuote(first.name)} --provenance-path ${shellQuote(input.provenanceName)} --source-uri ${shellQuote(sourceUri)}${ref ? ` ${shellQuote(ref.split(' ')[0]!)} ${shellQuote(ref.split(' ')[1]!)}` : ''}`
    );
    if (input.publications.some((p) => p.kind === 'attestation')) {
      lines.push(
        `gh attestation verify ${shellQuote(first.name)} --repo ${shellQuote(context.repository)} --signer-workflow ${shellQuote(context.jobWorkflowRef.split('@')[0]!)}`
      );
    }
  }
  for (const i of input.images ?? []) {
    lines.push(
      `isolated-provenance verify-image ${shellQuote(`${i.image}@${i.digest}`)} --source-uri ${shellQuote(sourceUri)}`
    );
    lines.push(
      `cosign verify-attestation --type slsaprovenance1 --certificate-oidc-issuer https://token.actions.githubusercontent.com --certificate-identity-regexp ${shellQuote(`^https://github.com/${context.jobWorkflowRef.split('@')[0]!}@`)} ${shellQuote(`${i.image}@${i.digest}`)}`
    );
  }
  lines.push('```');
  lines.push('');
  // Tenant names cannot close the code fence: names have no newlines (the parser refuses
  // them) and every line inside the fence starts with a command of ours.
  return lines.join('\n');
}
