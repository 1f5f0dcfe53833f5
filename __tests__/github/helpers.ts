// Shared setup for the GitHub-side tests: a sandbox GitHub service on loopback.
import type { ServerResponse } from 'node:http';
import {
  sendJson,
  serveService,
  type FaultLayer,
  type RunningService,
  type SandboxRequest
} from '../../sandbox/http.js';
import { createGitHubService, type RunDescription } from '../../sandbox/github/service.js';

export const TOKEN = 'ghs_sandboxtoken0123456789';

export const RUN: RunDescription = {
  repository: 'octo-org/octo-repo',
  repositoryId: 123456,
  ownerId: 654321,
  ref: 'refs/tags/v1.2.3',
  sha: 'a'.repeat(40),
  workflowPath: '.github/workflows/release.yml',
  runId: 987654321,
  runAttempt: 2,
  eventName: 'push',
  startedAt: '2026-11-22T03:00:00Z'
};

export async function startGitHub(faults?: FaultLayer): Promise<{
  service: ReturnType<typeof createGitHubService>;
  running: RunningService;
}> {
  const service = createGitHubService({ run: RUN, token: TOKEN });
  const running = await serveService(service, faults ? { faults } : {});
  return { service, running };
}

/** Answers the first `count` requests matching `match` with `status` (and Retry-After). */
export function failFirst(
  match: (req: SandboxRequest) => boolean,
  count: number,
  status = 500,
  retryAfter?: string
): FaultLayer & { hits: number } {
  const layer = ((req: SandboxRequest, res: ServerResponse) => {
    if (!match(req) || layer.hits >= count) return false;
    layer.hits++;
    sendJson(
      res,
      status,
      { message: 'injected fault' },
      retryAfter ? { 'retry-after': retryAfter } : {}
    );
    return true;
  }) as FaultLayer & { hits: number };
  layer.hits = 0;
  return layer;
}
