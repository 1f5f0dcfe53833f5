// Source repositories are compared as `host/owner/name`. Users write `github.com/O/R`,
// certificates say `https://github.com/O/R`; anything else (paths, .git suffixes, query
// strings, other schemes) is refused rather than trimmed, so look-alikes cannot match.
import { ProvenanceError } from '../../errors.js';

const REPOSITORY = /^[A-Za-z0-9.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function normaliseRepositoryUri(value: string, what: string): string {
  const withoutScheme = value.startsWith('https://') ? value.slice('https://'.length) : value;
  if (!REPOSITORY.test(withoutScheme) || withoutScheme.endsWith('.git')) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${what}: expected a repository like github.com/OWNER/REPO, found ${JSON.stringify(value)}`
    );
  }
  const [host = '', owner = '', name = ''] = withoutScheme.split('/');
  return `${host.toLowerCase()}/${owner}/${name}`;
}
