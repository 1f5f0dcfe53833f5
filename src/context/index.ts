// The context stage in one call: verified token → REST run attempt → event payload →
// cross-checked BuildContext. main.ts wires this; each step lives in its own file.
import type { BuildContext } from '../types.js';
import type { GitHubClaims } from './claims.js';
import { readEventPayload } from './event.js';
import type { HttpGetOptions } from '../http/get.js';
import { obtainVerifiedToken } from './oidc.js';
import { resolveBuildContext, type Isolation } from './resolve.js';
import { fetchRunAttempt } from './run.js';

export interface CollectContextOptions {
  issuer: string;
  getToken: (audience: string) => Promise<string>;
  githubToken: string;
  isolation: Isolation;
  allowSelfHosted: boolean;
  trustedBuilderRepository?: string;
  env?: NodeJS.ProcessEnv;
  /** Per-request timeout and retry bounds for the issuer documents; the timeout also applies to GitHub. */
  http?: HttpGetOptions;
}

export interface CollectedContext {
  context: BuildContext;
  /** The verified OIDC token: give this exact token to Fulcio. */
  oidcToken: string;
  claims: GitHubClaims;
}

export async function collectBuildContext(
  options: CollectContextOptions
): Promise<CollectedContext> {
  const env = options.env ?? process.env;
  const verifying = obtainVerifiedToken({
    issuer: options.issuer,
    getToken: options.getToken,
    env,
    http: options.http
  });
  // The REST client's code loads while the token is on the network (after the next poll, so the
  // token request leaves first); fetchRunAttempt then finds it loaded.
  setImmediate(() => {
    import('../publish/github-api.js').catch(() => undefined);
  });
  const { token, claims } = await verifying;
  // The event file is read before GitHub is called: @actions/github parses it when loaded, and
  // a malformed one must get our message, not a parser's.
  const needsEvent = claims.event_name === 'workflow_dispatch' || claims.event_name === 'release';
  const event =
    needsEvent || env.GITHUB_EVENT_PATH ? await readEventPayload(env.GITHUB_EVENT_PATH) : undefined;
  const timeoutMs = options.http?.timeoutMs;
  const run = await fetchRunAttempt({
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    repository: claims.repository,
    runId: claims.run_id,
    runAttempt: claims.run_attempt,
    token: options.githubToken,
    ...(timeoutMs !== undefined ? { client: { timeoutMs } } : {})
  });
  const context = resolveBuildContext({
    claims,
    run,
    env,
    event,
    allowSelfHosted: options.allowSelfHosted,
    isolation: options.isolation,
    trustedBuilderRepository: options.trustedBuilderRepository,
    issuer: options.issuer
  });
  return { context, oidcToken: token, claims };
}

export { obtainVerifiedToken, verifyOidcToken, SIGSTORE_AUDIENCE } from './oidc.js';
export { fetchRunAttempt, parseRunAttempt, type RunAttempt } from './run.js';
export { resolveBuildContext, SUPPORTED_EVENTS, type Isolation } from './resolve.js';
export type { GitHubClaims } from './claims.js';
