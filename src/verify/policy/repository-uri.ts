// Source repositories are compared as `host/owner/name`. Users write `github.com/O/R`,
// `https://github.com/O/R` or `git+https://github.com/O/R` (slsa-verifier
// verifiers/internal/gha/builder.go VerifyCertficateSourceRepository trims `git+https://`);
// certificates say `https://github.com/O/R`. Owner and name are compared case-sensitively, as
// slsa-verifier compares them; the host case-insensitively. Anything else (paths, .git
// suffixes, query strings, other schemes) is refused rather than trimmed.
import { ProvenanceError } from '../../errors.js';

const REPOSITORY = /^[A-Za-z0-9.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function normaliseRepositoryUri(value: string, what: string): string {
  const withoutScheme = value.startsWith('git+https://')
    ? value.slice('git+https://'.length)
    : value.startsWith('https://')
      ? value.slice('https://'.length)
      : value;
  if (!REPOSITORY.test(withoutScheme) || withoutScheme.endsWith('.git')) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${what}: expected a repository like github.com/OWNER/REPO, found ${JSON.stringify(value)}`
    );
  }
  const [host = '', owner = '', name = ''] = withoutScheme.split('/');
  return `${host.toLowerCase()}/${owner}/${name}`;
}
