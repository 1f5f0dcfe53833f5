// Builder ids are `https://github.com/OWNER/REPO/.github/workflows/FILE.yml@REF`. A user may
// write the ref short (`@v1.2.3` for `@refs/tags/v1.2.3`) or leave it off.
export interface BuilderId {
  name: string;
  ref?: string;
}

const RELEASE_TAG = /^refs\/tags\/v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
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
