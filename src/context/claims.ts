// The job's OIDC claims the predicate is built from, read field by field with their
// documented shapes. Every missing or malformed claim is named, all at once.
import { ProvenanceError } from '../errors.js';
import {
  isCommitSha,
  isEventName,
  isGitRef,
  isNumericId,
  isRepositoryName,
  parseWorkflowReference,
  quote
} from './shapes.js';

export interface GitHubClaims {
  /** Checked against the expected issuer in oidc.ts. */
  iss: string;
  /** Issued-at, seconds since the epoch (checked in oidc.ts). */
  iat: number;
  repository: string;
  repository_id: string;
  repository_owner_id: string;
  ref: string;
  sha: string;
  workflow_ref: string;
  job_workflow_ref: string;
  job_workflow_sha: string;
  event_name: string;
  run_id: string;
  run_attempt: string;
  runner_environment: 'github-hosted' | 'self-hosted';
  /**
   * Decides which Sigstore instance may sign: a private or internal repository's name must
   * not reach the public Rekor log. Optional because older GHES tokens lack it.
   */
  repository_visibility?: 'public' | 'private' | 'internal';
}

type StringClaim = Exclude<keyof GitHubClaims, 'iss' | 'iat' | 'repository_visibility'>;

const VISIBILITIES: readonly string[] = ['public', 'private', 'internal'];

const STRING_CLAIMS: Record<StringClaim, { shape: string; test: (v: string) => boolean }> = {
  repository: { shape: 'owner/name', test: isRepositoryName },
  repository_id: { shape: 'a numeric id', test: isNumericId },
  repository_owner_id: { shape: 'a numeric id', test: isNumericId },
  ref: { shape: 'a git ref under refs/heads, refs/tags or refs/pull', test: isGitRef },
  sha: { shape: '40 lowercase hex digits', test: isCommitSha },
  workflow_ref: {
    shape: 'owner/name/.github/workflows/<file>@<ref>',
    test: (v) => parseWorkflowReference(v) !== undefined
  },
  job_workflow_ref: {
    shape: 'owner/name/.github/workflows/<file>@<ref or sha>',
    test: (v) => parseWorkflowReference(v) !== undefined
  },
  job_workflow_sha: { shape: '40 lowercase hex digits', test: isCommitSha },
  event_name: { shape: 'an event name', test: isEventName },
  run_id: { shape: 'a numeric id', test: isNumericId },
  run_attempt: { shape: 'a numeric id', test: isNumericId },
  runner_environment: {
    shape: '"github-hosted" or "self-hosted"',
    test: (v) => v === 'github-hosted' || v === 'self-hosted'
  }
};

export const REQUIRED_CLAIMS = Object.keys(STRING_CLAIMS) as StringClaim[];

/**
 * Checks the claims the predicate needs and returns only those (nothing else from the token
 * travels further). Issuer, audience and time are checked in oidc.ts before this runs.
 */
export function parseGitHubClaims(payload: Record<string, unknown>): GitHubClaims {
  const problems: string[] = [];
  for (const name of REQUIRED_CLAIMS) {
    const value = payload[name];
    const rule = STRING_CLAIMS[name];
    if (value === undefined) problems.push(`${name} is missing`);
    else if (typeof value !== 'string')
      problems.push(`${name} must be a string (${rule.shape}), found ${typeof value}`);
    else if (!rule.test(value))
      problems.push(`${name} must be ${rule.shape}, found ${quote(value)}`);
  }
  const visibility = payload.repository_visibility;
  if (
    visibility !== undefined &&
    (typeof visibility !== 'string' || !VISIBILITIES.includes(visibility))
  )
    problems.push(
      `repository_visibility must be "public", "private" or "internal", found ${quote(visibility)}`
    );
  if (problems.length > 0)
    throw new ProvenanceError('OIDC_INVALID', `OIDC token claims: ${problems.join('; ')}`);
  const picked = Object.fromEntries(REQUIRED_CLAIMS.map((name) => [name, payload[name]]));
  return {
    // Checked in oidc.ts before this runs; kept type-safe here for any other caller (a JSON
    // object with its own `toString` key would make String()/Number() throw).
    iss: typeof payload.iss === 'string' ? payload.iss : '',
    iat: typeof payload.iat === 'number' ? payload.iat : NaN,
    ...picked,
    ...(visibility !== undefined ? { repository_visibility: visibility } : {})
  } as GitHubClaims;
}
