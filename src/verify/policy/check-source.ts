// The source repository comes from the certificate (Fulcio extension .1.12, or the legacy
// .1.5 OWNER/REPO on older certificates): it is what GitHub's OIDC token said, not what the
// payload claims. It must equal --source-uri, and the predicate must agree with it.
import type { FulcioExtensions } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { mismatch } from './policy-error.js';
import { normaliseRepositoryUri } from './repository-uri.js';

export function certificateSourceRepository(extensions: FulcioExtensions): string {
  const modern = extensions.sourceRepositoryURI;
  const legacy =
    extensions.legacyRepository === undefined
      ? undefined
      : `https://github.com/${extensions.legacyRepository}`;
  if (
    modern !== undefined &&
    legacy !== undefined &&
    normaliseRepositoryUri(modern, 'certificate source') !==
      normaliseRepositoryUri(legacy, 'certificate source')
  ) {
    throw mismatch('certificate source repository (.1.12 vs legacy .1.5)', modern, legacy);
  }
  const found = modern ?? legacy;
  if (found === undefined)
    throw mismatch(
      'certificate source repository',
      'a Fulcio sourceRepositoryURI extension',
      'none'
    );
  return found;
}

export function checkSource(
  extensions: FulcioExtensions,
  provenance: ProvenanceView,
  sourceUri: string
): string {
  const expected = normaliseRepositoryUri(sourceUri, '--source-uri');
  const certificate = certificateSourceRepository(extensions);
  const found = normaliseRepositoryUri(certificate, 'certificate source repository');
  if (found !== expected) throw mismatch('source repository', expected, found);
  const claimed = normaliseRepositoryUri(
    provenance.sourceRepositoryUri,
    'predicate source repository'
  );
  if (claimed !== found)
    throw mismatch('predicate source repository', `${found} (from the certificate)`, claimed);
  return `https://${found}`;
}
