// Source locations in predicates come as `git+https://github.com/O/R@refs/...` (materials,
// configSource, resolvedDependencies) or a bare `https://github.com/O/R` (workflow.repository).
import { formatError } from './json-guards.js';

export interface GitLocation {
  repositoryUri: string;
  ref?: string;
}

export function parseGitLocation(value: string, path: string): GitLocation {
  const withoutScheme = value.startsWith('git+') ? value.slice(4) : value;
  const at = withoutScheme.indexOf('@');
  const repositoryUri = at === -1 ? withoutScheme : withoutScheme.slice(0, at);
  const ref = at === -1 ? undefined : withoutScheme.slice(at + 1);
  if (!/^https:\/\/[^\s/@]+\/[^\s@]+$/.test(repositoryUri)) {
    throw formatError(path, 'a git URI like git+https://github.com/OWNER/REPO@REF', value);
  }
  if (ref !== undefined && !/^[^\s@]+$/.test(ref))
    throw formatError(path, 'a git ref after @', value);
  return ref === undefined ? { repositoryUri } : { repositoryUri, ref };
}
