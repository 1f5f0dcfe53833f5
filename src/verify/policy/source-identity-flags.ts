// The verifier flags that pin a source repository by GitHub's numeric ids, for anyone who
// prints a verify command (the action's job summary): a re-created repository of the same
// name has other ids and fails them.
export function sourceIdentityFlags(ids: {
  repositoryId?: string | number;
  repositoryOwnerId?: string | number;
}): string[] {
  const flags: string[] = [];
  const valid = (id: string | number | undefined): id is string | number =>
    id !== undefined && /^\d+$/.test(String(id));
  if (valid(ids.repositoryId)) flags.push('--source-repository-id', String(ids.repositoryId));
  if (valid(ids.repositoryOwnerId)) flags.push('--source-owner-id', String(ids.repositoryOwnerId));
  return flags;
}
