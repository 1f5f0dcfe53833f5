// Who we are. The verifier trusts our reusable workflows by this name, so a fork or a
// move of the repository changes exactly this one line.
export const PROJECT_REPOSITORY = 'isolated-provenance/isolated-provenance';

/** Our reusable workflows: the only identities that may sign L3 provenance as our builder. */
export const BUILDER_WORKFLOW_PATHS = [
  '.github/workflows/generic.yml',
  '.github/workflows/container.yml'
] as const;

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
