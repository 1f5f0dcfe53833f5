// --source-repository-id / --source-owner-id: a repository deleted (or renamed) and re-created
// under the same name has a new numeric id, so the ids tell the original from an impostor
// where names cannot. Compared with the certificate (Fulcio .1.15 source repository
// identifier, .1.17 owner identifier: what GitHub's token said) and with the predicate where
// it records them.
import type { FulcioExtensions } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { mismatch } from './policy-error.js';

export interface SourceIds {
  sourceRepositoryId?: string;
  sourceOwnerId?: string;
}

export function checkSourceIds(
  extensions: FulcioExtensions,
  provenance: ProvenanceView,
  wanted: SourceIds
): SourceIds {
  const repositoryId = checkId(
    'source repository id',
    '.1.15',
    extensions.sourceRepositoryIdentifier,
    provenance.sourceRepositoryId,
    wanted.sourceRepositoryId
  );
  const ownerId = checkId(
    'source owner id',
    '.1.17',
    extensions.sourceRepositoryOwnerIdentifier,
    provenance.sourceOwnerId,
    wanted.sourceOwnerId
  );
  return {
    ...(repositoryId === undefined ? {} : { sourceRepositoryId: repositoryId }),
    ...(ownerId === undefined ? {} : { sourceOwnerId: ownerId })
  };
}

function checkId(
  what: string,
  oid: string,
  certificate: string | undefined,
  predicate: string | undefined,
  wanted: string | undefined
): string | undefined {
  if (certificate !== undefined && predicate !== undefined && certificate !== predicate)
    throw mismatch(`predicate ${what}`, `${certificate} (from the certificate)`, predicate);
  if (wanted === undefined) return certificate ?? predicate;
  if (certificate === undefined)
    throw mismatch(
      what,
      wanted,
      `none (the certificate has no Fulcio ${oid} extension, so the id cannot be checked)`
    );
  if (certificate !== wanted) throw mismatch(what, wanted, certificate);
  return certificate;
}
