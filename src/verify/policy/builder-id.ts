// Builder ids are `https://github.com/OWNER/REPO/.github/workflows/FILE.yml@REF`. A user may
// write the ref short (`@v1.2.3` for `@refs/tags/v1.2.3`) or leave it off.
export interface BuilderId {
  name: string;
  ref?: string;
}

// A builder release is a full semantic version vX.Y.Z with neither pre-release nor build
// metadata, as slsa-verifier requires (verifiers/utils/builder.go IsValidBuilderTag:
// semver.IsValid, three parts, empty Prerelease and Build).
const RELEASE_TAG = /^refs\/tags\/v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const COMMIT_SHA = /^[0-9a-f]{40}$/;

export function parseBuilderId(value: string): BuilderId {
  const at = value.lastIndexOf('@');
  if (at === -1) return { name: value };
  return { name: value.slice(0, at), ref: expandRef(value.slice(at + 1)) };
}

function expandRef(ref: string): string {
  if (/^v\d+(\.\d+)*(-[0-9A-Za-z.-]+)?$/.test(ref)) return `refs/tags/${ref}`;
  return ref;
}

export function formatBuilderId(id: BuilderId): string {
  return id.ref === undefined ? id.name : `${id.name}@${id.ref}`;
}

export function isReleaseTag(ref: string | undefined): boolean {
  return ref !== undefined && RELEASE_TAG.test(ref);
}

export function isCommitSha(ref: string | undefined): boolean {
  return ref !== undefined && COMMIT_SHA.test(ref);
}

/** What kind of ref a builder was trusted at, for the report. */
export type BuilderRefKind = 'release' | 'branch' | 'commit' | 'tag' | 'ref';

export function builderRefKind(ref: string | undefined): BuilderRefKind {
  if (isReleaseTag(ref)) return 'release';
  if (ref?.startsWith('refs/heads/')) return 'branch';
  if (isCommitSha(ref)) return 'commit';
  if (ref?.startsWith('refs/tags/')) return 'tag';
  return 'ref';
}
