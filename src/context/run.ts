// The run attempt as the GitHub REST API sees it: the second, independent witness of the
// run (start time, workflow path, commit, event, repository) next to the signed claims.
import { ProvenanceError, describeError } from '../errors.js';
import { getWithRetry, HttpUnavailableError, type HttpGetOptions } from './http.js';
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
  http?: HttpGetOptions;
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

/** GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}. */
export async function fetchRunAttempt(lookup: RunLookup): Promise<RunAttempt> {
  const base = lookup.apiUrl.replace(/\/+$/, '');
  const url = `${base}/repos/${lookup.repository}/actions/runs/${encodeURIComponent(lookup.runId)}/attempts/${encodeURIComponent(lookup.runAttempt)}?exclude_pull_requests=true`;
  let result;
  try {
    result = await getWithRetry(url, {
      ...lookup.http,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${lookup.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'isolated-provenance'
      }
    });
  } catch (e) {
    const detail = e instanceof HttpUnavailableError ? e.detail : describeError(e);
    throw new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `GitHub REST API ${base}: run lookup failed: ${detail}`,
      { cause: e }
    );
  }
  if (result.status === 401 || result.status === 403 || result.status === 404)
    throw new ProvenanceError(
      'INPUT_INVALID',
      `GitHub REST API answered HTTP ${result.status} for run ${lookup.runId} attempt ${lookup.runAttempt} of ${lookup.repository}: the github-token needs read access to the repository's Actions (permissions: actions: read)`
    );
  if (result.status !== 200)
    throw new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `GitHub REST API ${base}: run lookup answered HTTP ${result.status}`
    );
  let body: unknown;
  try {
    body = JSON.parse(result.body);
  } catch {
    throw new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `GitHub REST API ${base}: run lookup did not return JSON`
    );
  }
  return parseRunAttempt(body);
}
