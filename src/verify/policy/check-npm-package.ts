// --package-name / --package-version for npm provenance, as slsa-verifier's verify-npm-package
// (verifiers/internal/gha/npm.go verifyPackageName / verifyPackageVersion /
// verifyPublishAttestationSubjectDigest): the provenance has exactly one subject
// `pkg:npm/NAME@VERSION` (URL-encoded), and npm's publish attestation from the same file
// (signed with the registry's key) names the same package in its subject and predicate.
// Whenever a publish attestation is present, the artifact must be among its subjects too.
import { mismatch } from './policy-error.js';
import type { ArtifactDigest } from './types.js';
import type { Subject } from '../../types.js';

export const NPM_PUBLISH_PREDICATE =
  'https://github.com/npm/attestation/tree/main/specs/publish/v0.1';
const PREFIX = 'pkg:npm/';

export interface NpmPackagePolicy {
  packageName?: string;
  packageVersion?: string;
}

interface PublishStatement {
  subjects: { name: string; digest: Record<string, unknown> }[];
  name?: string;
  version?: string;
}

export function checkNpmPackage(
  subjects: Subject[],
  companions: readonly unknown[],
  artifacts: ArtifactDigest[],
  wanted: NpmPackagePolicy
): void {
  const publishes = companions.map(readPublish).filter((p) => p !== undefined);
  for (const publish of publishes) checkPublishDigests(publish, artifacts);
  if (wanted.packageName === undefined && wanted.packageVersion === undefined) return;
  if (subjects.length !== 1)
    throw mismatch(
      'npm provenance subjects',
      'exactly one pkg:npm/NAME@VERSION',
      `${subjects.length}`
    );
  const provenance = packageOf((subjects[0] as Subject).name, 'npm provenance subject');
  const publish = publishes[0];
  if (publish === undefined)
    throw mismatch(
      'npm publish attestation',
      'one in the provenance file (npm attestations list)',
      'none'
    );
  const publishSubject = packageOf(publish.subjects[0]?.name ?? '', 'npm publish subject');
  for (const [what, found] of [
    ['npm provenance subject', provenance],
    ['npm publish subject', publishSubject],
    ['npm publish predicate', { name: publish.name ?? '', version: publish.version ?? '' }]
  ] as const) {
    if (wanted.packageName !== undefined && found.name !== wanted.packageName)
      throw mismatch(`${what} package name`, wanted.packageName, found.name);
    if (wanted.packageVersion !== undefined && found.version !== wanted.packageVersion)
      throw mismatch(`${what} package version`, wanted.packageVersion, found.version);
  }
}

function readPublish(statement: unknown): PublishStatement | undefined {
  if (typeof statement !== 'object' || statement === null) return undefined;
  const s = statement as { predicateType?: unknown; subject?: unknown; predicate?: unknown };
  if (s.predicateType !== NPM_PUBLISH_PREDICATE || !Array.isArray(s.subject)) return undefined;
  const predicate = (
    typeof s.predicate === 'object' && s.predicate !== null ? s.predicate : {}
  ) as {
    name?: unknown;
    version?: unknown;
  };
  return {
    subjects: s.subject.map((entry: unknown) => {
      const e = (typeof entry === 'object' && entry !== null ? entry : {}) as {
        name?: unknown;
        digest?: unknown;
      };
      return {
        name: typeof e.name === 'string' ? e.name : '',
        digest:
          typeof e.digest === 'object' && e.digest !== null
            ? (e.digest as Record<string, unknown>)
            : {}
      };
    }),
    ...(typeof predicate.name === 'string' ? { name: predicate.name } : {}),
    ...(typeof predicate.version === 'string' ? { version: predicate.version } : {})
  };
}

function checkPublishDigests(publish: PublishStatement, artifacts: ArtifactDigest[]): void {
  for (const artifact of artifacts) {
    const digests = [
      { algorithm: artifact.algorithm, hex: artifact.hex },
      ...(artifact.alternates ?? [])
    ];
    const found = publish.subjects.some((s) =>
      digests.some(({ algorithm, hex }) => s.digest[algorithm] === hex)
    );
    if (!found)
      throw mismatch(
        `artifact ${artifact.label}`,
        'among the npm publish attestation subjects',
        publish.subjects.map((s) => s.name).join(', ') || 'none'
      );
  }
}

/** `pkg:npm/@scope%2Fname@1.2.3` → { name: '@scope/name', version: '1.2.3' } (npm.go getPackageNameAndVersion). */
function packageOf(subjectName: string, what: string): { name: string; version: string } {
  if (!subjectName.startsWith(PREFIX))
    throw mismatch(what, 'pkg:npm/NAME@VERSION', JSON.stringify(subjectName));
  let decoded: string;
  try {
    decoded = decodeURIComponent(subjectName.slice(PREFIX.length).replace(/\+/g, ' '));
  } catch {
    throw mismatch(what, 'a URL-encoded package name', JSON.stringify(subjectName));
  }
  const scoped = decoded.startsWith('@');
  const parts = (scoped ? decoded.slice(1) : decoded).split('@');
  if (parts.length > 2) throw mismatch(what, 'NAME@VERSION', JSON.stringify(decoded));
  return { name: `${scoped ? '@' : ''}${parts[0] ?? ''}`, version: parts[1] ?? '' };
}
