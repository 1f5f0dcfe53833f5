// The artifact the user holds must be one of the statement's subjects, by digest. Digests are
// compared exactly, as slsa-verifier does (verifiers/internal/gha/provenance.go verifyDigest):
// an upper-case subject digest does not match the lower-case hex of a hashed file.
import type { Subject } from '../../types.js';
import { mismatch } from './policy-error.js';
import type { ArtifactDigest, PolicyOutcome } from './types.js';

const LISTED = 5;

type Match = PolicyOutcome['matchedSubjects'][number];

export function checkSubjects(subjects: Subject[], artifacts: ArtifactDigest[]): Match[] {
  return artifacts.map((artifact) => findSubject(subjects, artifact));
}

function findSubject(subjects: Subject[], artifact: ArtifactDigest): Match {
  const digests = [
    { algorithm: artifact.algorithm, hex: artifact.hex },
    ...(artifact.alternates ?? [])
  ];
  for (const { algorithm, hex } of digests) {
    const subject = subjects.find((s) => s.digest[algorithm] === hex);
    if (subject)
      return { artifact: artifact.label, subject: subject.name, digest: `${algorithm}:${hex}` };
  }
  const listed = subjects
    .slice(0, LISTED)
    .map(
      (s) =>
        `${s.name || '(unnamed)'} ${s.digest[artifact.algorithm] ?? `(no ${artifact.algorithm})`}`
    );
  const more = subjects.length > LISTED ? ` and ${subjects.length - LISTED} more` : '';
  throw mismatch(
    `artifact ${artifact.label}`,
    `${artifact.algorithm}:${artifact.hex} among the subjects`,
    `${listed.join(', ')}${more}`
  );
}
