// Who we are. The verifier trusts our reusable workflows by this name, so a fork or a
// move of the repository changes exactly this one line.
export const PROJECT_REPOSITORY = 'isolated-provenance/isolated-provenance';

/** Our reusable workflows: the only identities that may sign L3 provenance as our builder. */
export const BUILDER_WORKFLOW_PATHS = [
  '.github/workflows/generic.yml',
  '.github/workflows/container.yml'
] as const;

/**
 * builder.id used when the action runs outside our reusable workflows (isolation: none).
 * @deprecated Not used by src/provenance: with isolation none the builder id is
 * `<server>/<job_workflow_ref>` (the real signer, equal to the certificate SAN). This value
 * would claim GitHub generated the provenance and is wrong on GHES and self-hosted runners;
 * see docs/PROVENANCE_FIELDS.md.
 */
export const UNISOLATED_BUILDER_ID = 'https://github.com/actions/runner/github-hosted';

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
