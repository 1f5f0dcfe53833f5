// The JSON shapes the sandbox's GitHub stand-in returns, built from its state. Only fields the
// OpenAPI description requires (plus the few we read) are filled; the service checks each one
// against the description before sending it.

/** The run the sandbox pretends to be inside. The sandbox core adapts its own description. */
export interface RunDescription {
  repository: string; // owner/name
  repositoryId: string | number;
  ownerId: string | number;
  ref: string; // refs/heads/main or refs/tags/v1
  sha: string;
  workflowPath: string; // .github/workflows/release.yml
  runId: string | number;
  runAttempt: string | number;
  eventName: string;
  startedAt: string; // RFC 3339
  runNumber?: number;
  /** Pull-request runs: the PR's head branch and head commit (`sha` is the merge commit). */
  headRef?: string;
  pullRequestHeadSha?: string;
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

export interface StoredAsset {
  id: number;
  releaseId: number;
  name: string;
  contentType: string;
  content: Buffer;
  digest: string; // sha256:<hex>
  createdAt: string;
}

export interface StoredRelease {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  /**
   * Published while the repository had immutable releases on: its assets and tag are locked
   * (https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases).
   */
  immutable: boolean;
}

export interface StoredAttestation {
  id: number;
  repository: string;
  repositoryId: number;
  subjectDigests: string[]; // sha256:<hex>
  bundle: Record<string, unknown>;
}

const SANDBOX_SERVER = 'https://github.com';

export function userJson(login: string, id: number, apiBase: string): Record<string, unknown> {
  const u = `${apiBase}/users/${login}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}`,
    gravatar_id: '',
    url: u,
    html_url: `${SANDBOX_SERVER}/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: 'Organization',
    site_admin: false
  };
}

export function minimalRepositoryJson(
  run: RunDescription,
  apiBase: string
): Record<string, unknown> {
  const [owner = '', name = ''] = run.repository.split('/');
  const r = `${apiBase}/repos/${run.repository}`;
  const id = Number(run.repositoryId);
  return {
    id,
    node_id: `R_${id}`,
    name,
    full_name: run.repository,
    owner: userJson(owner, Number(run.ownerId), apiBase),
    private: false,
    html_url: `${SANDBOX_SERVER}/${run.repository}`,
    description: null,
    fork: false,
    url: r,
    archive_url: `${r}/{archive_format}{/ref}`,
    assignees_url: `${r}/assignees{/user}`,
    blobs_url: `${r}/git/blobs{/sha}`,
    branches_url: `${r}/branches{/branch}`,
    collaborators_url: `${r}/collaborators{/collaborator}`,
    comments_url: `${r}/comments{/number}`,
    commits_url: `${r}/commits{/sha}`,
    compare_url: `${r}/compare/{base}...{head}`,
    contents_url: `${r}/contents/{+path}`,
    contributors_url: `${r}/contributors`,
    deployments_url: `${r}/deployments`,
    downloads_url: `${r}/downloads`,
    events_url: `${r}/events`,
    forks_url: `${r}/forks`,
    git_commits_url: `${r}/git/commits{/sha}`,
    git_refs_url: `${r}/git/refs{/sha}`,
    git_tags_url: `${r}/git/tags{/sha}`,
    hooks_url: `${r}/hooks`,
    issue_comment_url: `${r}/issues/comments{/number}`,
    issue_events_url: `${r}/issues/events{/number}`,
    issues_url: `${r}/issues{/number}`,
    keys_url: `${r}/keys{/key_id}`,
    labels_url: `${r}/labels{/name}`,
    languages_url: `${r}/languages`,
    merges_url: `${r}/merges`,
    milestones_url: `${r}/milestones{/number}`,
    notifications_url: `${r}/notifications{?since,all,participating}`,
    pulls_url: `${r}/pulls{/number}`,
    releases_url: `${r}/releases{/id}`,
    stargazers_url: `${r}/stargazers`,
    statuses_url: `${r}/statuses/{sha}`,
    subscribers_url: `${r}/subscribers`,
    subscription_url: `${r}/subscription`,
    tags_url: `${r}/tags`,
    teams_url: `${r}/teams`,
    trees_url: `${r}/git/trees{/sha}`
  };
}

/** GET /repos/{o}/{r}/actions/runs/{id}/attempts/{n}, the shape of a `workflow-run`. */
export function workflowRunJson(run: RunDescription, apiBase: string): Record<string, unknown> {
  const id = Number(run.runId);
  const attempt = Number(run.runAttempt);
  const r = `${apiBase}/repos/${run.repository}`;
  // For a pull-request run GitHub reports the PR's head branch and head commit here, not the
  // refs/pull/N/merge ref and merge commit the run checks out (GITHUB_SHA); see the
  // `pull_request` entry of docs "Events that trigger workflows" and github/docs#15302.
  const pullRequest = PULL_REQUEST_EVENTS.includes(run.eventName) && !!run.headRef;
  const branch = pullRequest
    ? run.headRef!
    : run.ref.startsWith('refs/heads/')
      ? run.ref.slice('refs/heads/'.length)
      : run.ref.startsWith('refs/tags/')
        ? run.ref.slice('refs/tags/'.length)
        : null;
  const headSha = pullRequest && run.pullRequestHeadSha ? run.pullRequestHeadSha : run.sha;
  const repo = minimalRepositoryJson(run, apiBase);
  return {
    id,
    name: run.workflowPath.split('/').pop() ?? run.workflowPath,
    node_id: `WFR_${id}`,
    head_branch: branch,
    head_sha: headSha,
    path: run.workflowPath,
    display_title: `sandbox run ${id}`,
    run_number: run.runNumber ?? 1,
    run_attempt: attempt,
    event: run.eventName,
    status: 'in_progress',
    conclusion: null,
    workflow_id: 1,
    url: `${r}/actions/runs/${id}`,
    html_url: `${SANDBOX_SERVER}/${run.repository}/actions/runs/${id}`,
    pull_requests: [],
    created_at: run.startedAt,
    updated_at: run.startedAt,
    run_started_at: run.startedAt,
    jobs_url: `${r}/actions/runs/${id}/attempts/${attempt}/jobs`,
    logs_url: `${r}/actions/runs/${id}/attempts/${attempt}/logs`,
    check_suite_url: `${r}/check-suites/${id}`,
    artifacts_url: `${r}/actions/runs/${id}/artifacts`,
    cancel_url: `${r}/actions/runs/${id}/cancel`,
    rerun_url: `${r}/actions/runs/${id}/rerun`,
    workflow_url: `${r}/actions/workflows/1`,
    head_commit: {
      id: headSha,
      tree_id: headSha,
      message: 'sandbox commit',
      timestamp: run.startedAt,
      author: { name: 'Sandbox', email: 'sandbox@example.com' },
      committer: { name: 'Sandbox', email: 'sandbox@example.com' }
    },
    repository: repo,
    head_repository: repo
  };
}

export function assetJson(
  asset: StoredAsset,
  repository: string,
  tag: string,
  apiBase: string,
  withDigest = true
): Record<string, unknown> {
  return {
    id: asset.id,
    node_id: `RA_${asset.id}`,
    url: `${apiBase}/repos/${repository}/releases/assets/${asset.id}`,
    browser_download_url: `${SANDBOX_SERVER}/${repository}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(asset.name)}`,
    name: asset.name,
    label: null,
    state: 'uploaded',
    content_type: asset.contentType,
    size: asset.content.length,
    digest: withDigest ? asset.digest : null,
    download_count: 0,
    created_at: asset.createdAt,
    updated_at: asset.createdAt,
    uploader: null
  };
}

export function releaseJson(
  release: StoredRelease,
  assets: StoredAsset[],
  repository: string,
  ownerLogin: string,
  ownerId: number,
  apiBase: string,
  withDigest = true
): Record<string, unknown> {
  const r = `${apiBase}/repos/${repository}`;
  return {
    id: release.id,
    node_id: `RE_${release.id}`,
    url: `${r}/releases/${release.id}`,
    html_url: `${SANDBOX_SERVER}/${repository}/releases/tag/${encodeURIComponent(release.tagName)}`,
    assets_url: `${r}/releases/${release.id}/assets`,
    // GitHub serves uploads from uploads.github.com; the sandbox serves them itself.
    upload_url: `${apiBase}/repos/${repository}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${r}/tarball/${release.tagName}`,
    zipball_url: release.draft ? null : `${r}/zipball/${release.tagName}`,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: release.immutable,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: userJson(ownerLogin, ownerId, apiBase),
    assets: assets.map((a) => assetJson(a, repository, release.tagName, apiBase, withDigest))
  };
}
