// The two GitHub destinations of a signed .intoto.jsonl — a release asset and the attestations
// API — wired once, with their rollback registrations and their Publication rows. Both the
// signing mode (bare action with upload-assets / attest-to-github) and the publish mode the
// reusable workflows' upload-assets / attest jobs run call these, so each publisher exists once.
import type { SerializedBundle } from '@sigstore/bundle';
import type { ProvenancePredicateV1, Statement } from '../types.js';
import { attestsSameBuild } from './equivalence.js';
import type { GitHubApi } from './github-api.js';
import type { PublicationLedger } from './rollback.js';
import type { Publication } from './summary.js';

export interface ReleasePublishing {
  api: GitHubApi;
  repository: string;
  tag: string;
  draft: boolean;
  targetCommitish: string;
  file: { name: string; content: Buffer };
  statements: readonly Statement<ProvenancePredicateV1>[];
  ledger: PublicationLedger;
}

/** Attaches the file to the release of `tag` (draft → upload → publish when we create it). */
export async function publishToRelease(p: ReleasePublishing): Promise<Publication> {
  const { publishReleaseAsset, removeReleaseAsset } = await import('./release.js');
  const result = await publishReleaseAsset({
    api: p.api,
    repository: p.repository,
    tag: p.tag,
    draft: p.draft,
    targetCommitish: p.targetCommitish,
    assetName: p.file.name,
    content: p.file.content,
    sameBuild: (existing) => attestsSameBuild(existing, p.statements)
  });
  if (result.immutable && (result.uploaded || result.releaseCreated)) {
    // GitHub refuses deletes from an immutable release, and deleting the release would burn
    // its tag for good: what went in stays (release.ts).
    p.ledger.irrevocable(`asset ${p.file.name} of immutable release ${p.tag}`);
  } else if (result.uploaded || result.releaseCreated) {
    p.ledger.created(
      result.releaseCreated
        ? `release ${p.tag} with asset ${p.file.name}`
        : `release asset ${p.file.name} of ${p.tag}`,
      () => removeReleaseAsset(p.api, p.repository, result)
    );
  }
  return {
    kind: 'release-asset',
    location: result.downloadUrl,
    status: result.uploaded ? 'created' : 'unchanged',
    ...(result.releaseCreated
      ? { note: `release ${p.tag} created${result.draft ? ' as a draft' : ''}` }
      : {})
  };
}

export interface AttestationsPublishing {
  api: GitHubApi;
  repository: string;
  serverUrl: string;
  /** The bundles in their JSON form, in the order of `statements`. */
  bundles: readonly SerializedBundle[];
  statements: readonly Statement<ProvenancePredicateV1>[];
  ledger: PublicationLedger;
}

/** Stores each bundle through the attestations API; returns the rows and the first new URL. */
export async function publishToAttestationsApi(
  p: AttestationsPublishing
): Promise<{ publications: Publication[]; attestationUrl: string }> {
  const { publishAttestations } = await import('./attestations.js');
  const results = await publishAttestations({
    api: p.api,
    repository: p.repository,
    serverUrl: p.serverUrl,
    bundles: p.bundles,
    sameBuild: (existing, index) => attestsSameBuild(existing, [p.statements[index]!]),
    onStored: (r) => p.ledger.irrevocable(`attestation ${r.url ?? r.subjectDigest}`)
  });
  const publications: Publication[] = [];
  let attestationUrl = '';
  for (const r of results) {
    publications.push({
      kind: 'attestation',
      location: r.url ?? `attestations for ${r.subjectDigest}`,
      status: r.reused ? 'unchanged' : 'created'
    });
    if (!attestationUrl && r.url) attestationUrl = r.url;
  }
  return { publications, attestationUrl };
}
