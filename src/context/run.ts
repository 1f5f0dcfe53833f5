// The run attempt as the GitHub REST API sees it: the second, independent witness of the
// run (start time, workflow path, commit, event, repository) next to the signed claims.
import { ProvenanceError } from '../errors.js';
import type { GitHubApiOptions } from '../publish/github-api.js';
import { isCommitSha, isEventName, isRepositoryName, isRfc3339, quote } from './shapes.js';

export interface RunAttempt {
  runId: string;
  runAttempt: string;
  /** run_started_at: when this attempt started (it resets on re-run). */
  startedAt: string;
  /** `path` as the API returns it (e.g. `.github/workflows/build.yml`, sometimes with `@ref`). */
  path: string;
  headSha: string;
  headBranch: string | null;
  event: string;
  repositoryId: string;
  repositoryFullName: string;
  repositoryOwnerId: string;
  htmlUrl: string;
}

export interface RunLookup {
  apiUrl: string; // GITHUB_API_URL
  repository: string; // owner/name, from the verified token
  runId: string;
  runAttempt: string;
  token: string;
  /** Timeouts and retry bounds of the GitHub client (tests shorten them). */
  client?: Omit<GitHubApiOptions, 'baseUrl' | 'token'>;
}

function malformed(field: string, expected: string, found: unknown): ProvenanceError {
  return new ProvenanceError(
    'CONTEXT_MISMATCH',
    `REST API run attempt: ${field} must be ${expected}, found ${quote(found)}`
  );
}

function requireRecord(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw malformed(field, 'an object', v);
  return v as Record<string, unknown>;
}

function requireId(v: unknown, field: string): string {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0)
    throw malformed(field, 'a positive integer', v);
  return String(v);
}

function requireString(
  v: unknown,
  field: string,
  test: (s: string) => boolean,
  expected: string
): string {
  if (typeof v !== 'string' || !test(v)) throw malformed(field, expected, v);
  return v;
}

/** Typed reading of the `workflow-run` schema fields we use; anything else is ignored. */
export function parseRunAttempt(body: unknown): RunAttempt {
  const run = requireRecord(body, 'the response');
  const repository = requireRecord(run.repository, 'repository');
  const owner = requireRecord(repository.owner, 'repository.owner');
  const headBranch = run.head_branch;
  if (headBranch !== null && typeof headBranch !== 'string')
    throw malformed('head_branch', 'a string or null', headBranch);
  return {
    runId: requireId(run.id, 'id'),
    runAttempt: requireId(run.run_attempt, 'run_attempt'),
    startedAt: requireString(run.run_started_at, 'run_started_at', isRfc3339, 'an RFC 3339 time'),
    path: requireString(
      run.path,
      'path',
      (s) => s.length > 0 && s.length <= 1024,
      'a workflow path'
    ),
    headSha: requireString(run.head_sha, 'head_sha', isCommitSha, '40 lowercase hex digits'),
    headBranch,
    event: requireString(run.event, 'event', isEventName, 'an event name'),
    repositoryId: requireId(repository.id, 'repository.id'),
    repositoryFullName: requireString(
      repository.full_name,
      'repository.full_name',
      isRepositoryName,
      'owner/name'
    ),
    repositoryOwnerId: requireId(owner.id, 'repository.owner.id'),
    htmlUrl: requireString(run.html_url, 'html_url', (s) => /^https?:\/\/[^\s]+$/.test(s), 'a URL')
  };
}

/**
 * GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number} through octokit.
 * The client is loaded here, not at start-up: only this step and publishing need it.
 */
export async function fetchRunAttempt(lookup: RunLookup): Promise<RunAttempt> {
  const { GitHubApi } = await import('../publish/github-api.js');
  const api = new GitHubApi({ ...lookup.client, baseUrl: lookup.apiUrl, token: lookup.token });
  const path = `/repos/${lookup.repository}/actions/runs/${encodeURIComponent(lookup.runId)}/attempts/${encodeURIComponent(lookup.runAttempt)}?exclude_pull_requests=true`;
  // Any other unexpected status is GitHub failing us, not a problem with this run.
  const res = await api.request('GET', path, {
    expect: [200, 401, 403, 404],
    errorCode: 'SERVICE_UNAVAILABLE'
  });
  if (res.status !== 200)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `GitHub REST API answered HTTP ${res.status} for run ${lookup.runId} attempt ${lookup.runAttempt} of ${lookup.repository}: the github-token needs read access to the repository's Actions (permissions: actions: read)`
    );
  let body: unknown;
  try {
    body = res.json<unknown>();
  } catch {
    throw new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `GitHub API GET ${api.baseUrl}${path.split('?')[0]}: expected the run attempt as JSON, found an unparsable body`
    );
  }
  return parseRunAttempt(body);
}
