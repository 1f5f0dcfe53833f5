// Build contexts for the predicate snapshots: the shapes resolveBuildContext produces.
import { PROJECT_REPOSITORY } from '../../src/identity.js';
import type { BuildContext, Subject } from '../../src/types.js';

const CALLER = 'octo-org/octo-repo';

const base: BuildContext = {
  serverUrl: 'https://github.com',
  repository: CALLER,
  repositoryId: '123456789',
  repositoryOwnerId: '987654',
  ref: 'refs/tags/v1.2.3',
  sha: '0123456789abcdef0123456789abcdef01234567',
  workflowRef: `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`,
  workflowPath: '.github/workflows/release.yml',
  jobWorkflowRef: `${PROJECT_REPOSITORY}/.github/workflows/generic.yml@refs/tags/v1.0.0`,
  jobWorkflowSha: '89abcdef0123456789abcdef0123456789abcdef',
  eventName: 'push',
  runId: '4242424242',
  runAttempt: '1',
  runnerEnvironment: 'github-hosted',
  startedOn: '2026-11-22T03:00:00Z'
};

export const CONTEXTS: Record<string, BuildContext> = {
  'tag-push': base,
  'branch-push': {
    ...base,
    ref: 'refs/heads/main',
    workflowRef: `${CALLER}/.github/workflows/release.yml@refs/heads/main`,
    jobWorkflowRef: `${PROJECT_REPOSITORY}/.github/workflows/container.yml@89abcdef0123456789abcdef0123456789abcdef`,
    runAttempt: '3'
  },
  'workflow-dispatch': {
    ...base,
    ref: 'refs/heads/release/2.x',
    workflowRef: `${CALLER}/.github/workflows/release.yml@refs/heads/release/2.x`,
    eventName: 'workflow_dispatch',
    inputs: { channel: 'stable', dry_run: false, version: '2.0.1' }
  },
  'self-hosted': { ...base, runnerEnvironment: 'self-hosted' },
  release: {
    ...base,
    eventName: 'release',
    release: { name: 'v1.2.3', prerelease: true, target_commitish: 'main' }
  },
  'isolation-none': {
    ...base,
    jobWorkflowRef: `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`
  }
};

export const SUBJECTS: Subject[] = [
  {
    name: 'app-linux-amd64',
    digest: { sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }
  },
  {
    name: 'app.tar.gz',
    digest: { sha256: '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03' }
  }
];

export const FINISHED_ON = '2026-11-22T03:04:05.678Z';
