// The job summary: what was attested, where the provenance went, and how to verify it.
// Pure: returns markdown; every tenant string shown as text passes through markdownCell (or
// safeMarkdownText inside our code spans), and every one in a command through commandArgument.
import { safeMarkdownText } from '../sanitize.js';
import type { BuildContext, Subject } from '../types.js';
import { sourceIdentityFlags } from '../verify/policy/source-identity-flags.js';

export interface Publication {
  kind: 'file' | 'artifact' | 'release-asset' | 'attestation' | 'oci-cosign' | 'oci-referrer';
  /** Where it landed: a path, URL, or image reference. */
  location: string;
  /** Whether this run created it or found it already there (re-run). */
  status: 'created' | 'unchanged';
  note?: string;
}

export interface SummaryInput {
  context: Pick<BuildContext, 'repository' | 'ref' | 'jobWorkflowRef' | 'serverUrl'> &
    Partial<Pick<BuildContext, 'jobWorkflowSha' | 'repositoryId' | 'repositoryOwnerId'>>;
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

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const RELEASE_TAG_REF = /@refs\/tags\/v\d+\.\d+\.\d+$/;

function refFlag(ref: string): string[] {
  if (ref.startsWith('refs/tags/')) return ['--source-tag', ref.slice('refs/tags/'.length)];
  if (ref.startsWith('refs/heads/')) return ['--source-branch', ref.slice('refs/heads/'.length)];
  return [];
}

/**
 * A tenant string as markdown text in a table cell: safeMarkdownText (no HTML, links, code
 * spans, table breakers), then no GFM autolinks either. cmark-gfm's extended autolinks start
 * at a literal `:` (URL schemes) or `www.` in the source, so an entity for those characters
 * leaves nothing to match; e-mail autolinks are found after entities are decoded, so a zero
 * width space after `@` breaks the address instead (checked with cmark-gfm itself in
 * __tests__/injection/summary-markdown.test.ts).
 */
export function markdownCell(value: string): string {
  return safeMarkdownText(value)
    .replace(/:/g, '&#58;')
    .replace(/(www)\./gi, '$1&#46;')
    .replace(/@/g, '@&#8203;');
}

/**
 * A tenant file name as one word of a suggested command: quoted for the shell, and never
 * read as an option (`-rf` becomes `./-rf`; a path stays the same file).
 */
export function commandArgument(name: string): string {
  return shellQuote(name.startsWith('-') ? `./${name}` : name);
}

/** Our flags and their values, each quoted for the shell. */
function words(list: readonly string[]): string {
  return list.map(shellQuote).join(' ');
}

/** Quote for a POSIX shell: single quotes, with embedded quotes closed and escaped. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@=+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function renderSummary(input: SummaryInput): string {
  const { context, subjects } = input;
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
    lines.push(`| ${markdownCell(s.name)} | \`${digest}\` |`);
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
      lines.push(`| ${markdownCell(i.image)} | \`${safeMarkdownText(i.digest)}\` | ${kind} |`);
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
  lines.push('### Verify');
  lines.push('');
  lines.push('```sh');
  lines.push(...verifyCommands(input, first));
  lines.push('```');
  lines.push('');
  // Tenant names cannot close the code fence: names have no newlines (the parser refuses
  // them) and every line inside the fence starts with a command of ours.
  return lines.join('\n');
}

/**
 * The suggested verify commands, pinned to what this run was: the source repository by name
 * and by GitHub's numeric ids, the source ref, and the builder's exact certificate identity
 * (its SAN, `<server>/<job_workflow_ref>`) at its release tag; pinned by commit, the builder
 * is left to the verifier's release manifest. Flag names are the peers' own: gh
 * (pkg/cmd/attestation/verify/verify.go: --cert-identity, --source-ref, --signer-digest,
 * --bundle) and cosign (cmd/cosign/cli/options/certificate.go: --certificate-identity,
 * --certificate-github-workflow-repository, --certificate-github-workflow-ref).
 */
function verifyCommands(input: SummaryInput, first: Subject | undefined): string[] {
  const { context } = input;
  const sourceUri = `${new URL(context.serverUrl).host}/${context.repository}`;
  const builderIdentity = `${context.serverUrl}/${context.jobWorkflowRef}`;
  const ids = sourceIdentityFlags(context);
  const builderFlag = RELEASE_TAG_REF.test(context.jobWorkflowRef)
    ? ['--builder-id', builderIdentity]
    : [];
  const signerDigest = /^[0-9a-f]{40}$/.test(context.jobWorkflowSha ?? '')
    ? ['--signer-digest', context.jobWorkflowSha!]
    : [];
  // The ref flag stays last: a reader swaps its value to check another release.
  const policy = ['--source-uri', sourceUri, ...ids, ...builderFlag, ...refFlag(context.ref)];
  const lines: string[] = [];
  if (first) {
    const name = commandArgument(first.name);
    lines.push(
      `isolated-provenance verify-artifact ${name} ${words(['--provenance-path', input.provenanceName, ...policy])}`
    );
    const attested = input.publications.some((p) => p.kind === 'attestation');
    lines.push(
      `gh attestation verify ${name} ${words([
        '--repo',
        context.repository,
        '--cert-identity',
        builderIdentity,
        ...signerDigest,
        '--source-ref',
        context.ref,
        ...(attested ? [] : ['--bundle', input.provenanceName])
      ])}`
    );
  }
  for (const i of input.images ?? []) {
    const image = shellQuote(`${i.image}@${i.digest}`);
    lines.push(`isolated-provenance verify-image ${image} ${words([...policy])}`);
    lines.push(
      `cosign verify-attestation ${words([
        '--type',
        'slsaprovenance1',
        '--certificate-oidc-issuer',
        GITHUB_ISSUER,
        '--certificate-identity',
        builderIdentity,
        '--certificate-github-workflow-repository',
        context.repository,
        '--certificate-github-workflow-ref',
        context.ref
      ])} ${image}`
    );
  }
  return lines;
}
