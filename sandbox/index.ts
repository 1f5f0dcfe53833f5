// startSandbox(): the whole loopback platform in one call. Every service is a plain HTTP
// server on 127.0.0.1 (port 0), each behind its fault layer, all reading one RunDescription
// so the OIDC claims, runner env and REST answers agree. Keys are made once per sandbox.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveService, type RunningService, type SandboxService, type FaultLayer } from './http.js';
import { createFaultPlan, type FaultHooks, type FaultPlan, type FaultService } from './faults.js';
import { createLatency, type Latency, type LatencyModel, type LatencyService } from './latency.js';
import { createOidcIssuer, type OidcIssuer, type TokenOverrides } from './oidc.js';
import { createCTLog, remoteCTLog } from './ctlog.js';
import { createFulcio } from './fulcio.js';
import { createRekor } from './rekor.js';
import { createRekorV2 } from './rekor-v2.js';
import { buildSigningConfig, writeSigningConfig } from './signing-config.js';
import { createTSA } from './tsa.js';
import { CT_RFC6962_PREFIX } from './ctlog.js';
import {
  STAND_IN,
  sigstoreServersFromEnv,
  startRealSigstoreCore,
  type RealSigstoreCore,
  type SigstoreServers
} from './real/sigstore-services.js';
import { buildTrustedRoot, writeTrustedRoot, type TrustedRootJson } from './trusted-root.js';
import { resolveRun, runEnv, type RunDescription } from './run.js';
import { createGitHubService, type GitHubServiceState } from './github/service.js';
import type { RunDescription as GitHubRun } from './github/resources.js';
import type { ArtifactStorage } from './artifacts/index.js';

export type { RunDescription } from './run.js';
export type { TokenOverrides } from './oidc.js';
export type { TrustedRootJson } from './trusted-root.js';

/** The audience Sigstore clients request and the sandbox Fulcio demands. */
export const SIGSTORE_AUDIENCE = 'sigstore';

export interface SandboxOptions {
  /** Fault plan, e.g. "fulcio=503x2,rekor=429x1" (see faults.ts). */
  faults?: string;
  /**
   * Network latency per service, e.g. "fulcio=300,rekor=500~100,github=100,oidc=100,connect=40"
   * (see latency.ts): every request waits its service's delay before the fault layer and the
   * handler see it. None by default (loopback speed).
   */
  latency?: string | LatencyModel;
  /** Seed of the latency jitter (default 1): the same seed draws the same delays. */
  latencySeed?: number;
  /** How long `delay` faults hold an answer (default 15 s; tests pass something short). */
  faultDelayMs?: number;
  /** Changes to the default run (defaultRun() in run.ts). */
  run?: Partial<RunDescription>;
  /** Where trusted_root.json (and other services' files) go; a fresh temp dir by default. */
  dataDir?: string;
  /**
   * Start workflow-artifact storage (results service + azurite). Off by default: azurite is
   * a separate process, and most tests that start a sandbox do not upload artifacts.
   */
  artifacts?: boolean;
  /**
   * The sandbox repository has immutable releases on: a published release refuses new assets
   * and asset deletes, and its tag is never reused (sandbox/github/service.ts).
   */
  immutableReleases?: boolean;
  /** The OIDC issuer signs RS256 like GitHub (default), or ES256. */
  oidcAlgorithm?: 'RS256' | 'ES256';
  /**
   * The platform's clock in ms (default Date.now), read by the OIDC issuer and the stand-in
   * Fulcio: a test moves it forward to run "for minutes" with GitHub's token lifetime.
   */
  clock?: () => number;
  /**
   * Who answers as Fulcio and TSA: Sigstore's own servers (`real`, built by
   * scripts/install-peers.sh), `auto` (real when built), or our stand-ins (default, or the
   * SANDBOX_SIGSTORE environment variable).
   */
  sigstore?: SigstoreServers;
}

/** What runs behind each Sigstore URL: `module@version` of the real server, or the stand-in. */
export interface SandboxImplementations {
  fulcio: string;
  tsa: string;
  rekor: string;
  ctlog: string;
}

export interface SandboxUrls {
  oidc: string;
  fulcio: string;
  rekor: string;
  /** The Rekor v2 log (rekor-v2.ts). */
  rekorV2: string;
  tsa: string;
  ctlog: string;
  /** GitHub REST API (GITHUB_API_URL). */
  github: string;
  /** Artifact results service and blob storage, when started with `artifacts: true`. */
  results?: string;
  blob?: string;
}

export interface Sandbox {
  readonly urls: SandboxUrls;
  /** The run every service describes. Mutating it is not supported; start another sandbox. */
  readonly run: RunDescription;
  readonly trustedRoot: TrustedRootJson;
  readonly implementations: SandboxImplementations;
  readonly trustedRootPath: string;
  /** signing_config.json next to trusted_root.json: Fulcio, both Rekor logs, the TSA. */
  readonly signingConfigPath: string;
  readonly dataDir: string;
  readonly faults: FaultPlan;
  /** The latency model in force, when started with one. */
  readonly latency?: Latency;
  readonly oidc: OidcIssuer;
  /** The token the GitHub REST stand-in accepts (the job's GITHUB_TOKEN). */
  readonly githubToken: string;
  /** What the GitHub REST stand-in has stored (releases, assets, attestations, requests). */
  readonly github: GitHubServiceState;
  /** Workflow-artifact storage, when started with `artifacts: true`. */
  readonly artifacts?: ArtifactStorage;
  /** Action inputs that point the action at this sandbox (fulcio-url, rekor-url, ...). */
  readonly actionInputs: Record<string, string>;
  /** A fault layer for a service someone else serves (e.g. the registry proxy). */
  faultLayerFor: FaultPlan['faultLayerFor'];
  /** A token signed by the sandbox issuer; audience defaults to GitHub's (owner URL). */
  mintToken(overrides?: TokenOverrides): string;
  /** The environment a runner gives the provenance job, consistent with the token claims. */
  runnerEnv(overrides?: Record<string, string>): Record<string, string>;
  /** Entries in the sandbox Rekor log. */
  rekorSize(): number;
  /** Entries in the sandbox Rekor v2 log. */
  rekorV2Size(): number;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const run = resolveRun(options.run);
  const faults = createFaultPlan(options.faults ?? '', { delayMs: options.faultDelayMs });
  const latency =
    options.latency === undefined ? undefined : createLatency(options.latency, options.latencySeed);
  // The latency model first (the network), then the fault plan (the service misbehaving).
  const layerFor = (service: FaultService & LatencyService, hooks?: FaultHooks) =>
    latency
      ? latency.wrap(service, faults.faultLayerFor(service, hooks))
      : faults.faultLayerFor(service, hooks);
  const validFrom = new Date(Date.now() - 60_000);
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sandbox-')));
  const running: RunningService[] = [];
  let artifacts: ArtifactStorage | undefined;
  let realSigstore: RealSigstoreCore | undefined;
  const serve = async (service: SandboxService, layer: FaultLayer) => {
    const r = await serveService(service, { faults: layer });
    running.push(r);
    return r;
  };
  const closeAll = async () => {
    await Promise.all(running.map((r) => r.close()));
    await artifacts?.close();
    await realSigstore?.stop();
  };

  try {
    const key = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

    const oidc = createOidcIssuer(() => run, {
      algorithm: options.oidcAlgorithm ?? 'RS256',
      ...(options.clock ? { now: options.clock } : {})
    });
    const oidcServer = await serve(oidc.service, layerFor('oidc'));
    oidc.bind(oidcServer.url);

    const ctlog = await createCTLog(key());
    const ctlogServer = await serve(ctlog.service, layerFor('ctlog'));

    const real = await startRealSigstoreCore({
      mode: options.sigstore ?? sigstoreServersFromEnv('stand-in'),
      dataDir,
      issuerUrl: oidc.url,
      audience: SIGSTORE_AUDIENCE,
      ctLogUrl: `${ctlogServer.url}${CT_RFC6962_PREFIX}`
    });
    realSigstore = real;
    // Our stand-ins answer only where Sigstore's own servers do not run.
    const standInFulcio = async () => {
      const standIn = await createFulcio({
        keyPair: key(),
        ctLog: remoteCTLog(() => ctlogServer.url),
        ...(options.clock ? { now: options.clock } : {}),
        trustedIssuers: () => [
          {
            issuer: oidc.url,
            keys: () => oidc.jwks().keys,
            kind: 'github-workflow',
            serverUrl: run.serverUrl,
            audience: SIGSTORE_AUDIENCE
          }
        ]
      });
      return { service: standIn.service, certChain: [standIn.rootCertificate] };
    };
    const fulcio: { service: SandboxService; certChain: Buffer[] } =
      real?.fulcio ?? (await standInFulcio());
    const fulcioServer = await serve(fulcio.service, layerFor('fulcio'));

    const rekor = createRekor(key());
    const rekorServer = await serve(
      rekor.service,
      layerFor('rekor', { conflict: (req, res) => rekor.answerConflict(req, res) })
    );
    rekor.bind(rekorServer.url);

    const rekorV2 = createRekorV2(generateKeyPairSync('ed25519'));
    const rekorV2Server = await serve(rekorV2.service, latency?.wrap('rekor') ?? (() => false));
    rekorV2.bind(rekorV2Server.url);

    const tsa = real?.tsa ?? (await createTSA(key()));
    const tsaServer = await serve(tsa.service, layerFor('tsa'));

    const githubToken = `ghs_${randomBytes(18).toString('hex')}`;
    const github = createGitHubService({
      run: toGitHubRun(run),
      token: githubToken,
      immutableReleases: options.immutableReleases ?? false
    });
    const githubServer = await serve(github, layerFor('github'));

    let resultsUrl: string | undefined;
    if (options.artifacts) {
      // Loaded on demand: the Azure SDK is heavy, and under jest its ESM proxy agents clash
      // with @sigstore/sign's CommonJS copies when both load into one module registry.
      const { startArtifactStorage } = await import('./artifacts/index.js');
      artifacts = await startArtifactStorage();
      // Blob traffic goes straight to azurite, so a `blob=` fault plan has no effect here.
      resultsUrl = (await serve(artifacts.resultsService, layerFor('results'))).url;
    }

    const urls: SandboxUrls = {
      oidc: oidcServer.url,
      fulcio: fulcioServer.url,
      rekor: rekorServer.url,
      rekorV2: rekorV2Server.url,
      tsa: tsaServer.url,
      ctlog: ctlogServer.url,
      github: githubServer.url,
      ...(artifacts && resultsUrl ? { results: resultsUrl, blob: artifacts.blobEndpoint } : {})
    };

    const trustedRoot = buildTrustedRoot({
      validFrom,
      fulcio: {
        url: urls.fulcio,
        certChain: fulcio.certChain
      },
      rekor: { url: urls.rekor, publicKey: rekor.publicKey, logId: rekor.logId },
      rekorV2: { url: urls.rekorV2, publicKey: rekorV2.publicKey, logId: rekorV2.logId() },
      ctlog: { url: urls.ctlog, publicKey: ctlog.publicKey, logId: ctlog.logId },
      tsa: { url: urls.tsa, certChain: tsa.certChain }
    });
    const trustedRootPath = join(dataDir, 'trusted_root.json');
    await writeTrustedRoot(trustedRootPath, trustedRoot);
    const signingConfigPath = join(dataDir, 'signing_config.json');
    await writeSigningConfig(
      signingConfigPath,
      buildSigningConfig({
        validFrom,
        fulcio: urls.fulcio,
        oidc: urls.oidc,
        rekor: urls.rekor,
        rekorV2: urls.rekorV2,
        tsa: urls.tsa
      })
    );

    return {
      urls,
      run,
      trustedRoot,
      implementations: {
        fulcio: real?.fulcio.version ?? STAND_IN,
        tsa: real?.tsa.version ?? STAND_IN,
        rekor: STAND_IN,
        ctlog: STAND_IN
      },
      trustedRootPath,
      signingConfigPath,
      dataDir,
      faults,
      ...(latency ? { latency } : {}),
      oidc,
      githubToken,
      github: github.state,
      artifacts,
      actionInputs: {
        'sigstore-instance': 'custom',
        'fulcio-url': urls.fulcio,
        'rekor-url': urls.rekor,
        'tsa-url': urls.tsa,
        'oidc-issuer': urls.oidc,
        'github-token': githubToken
      },
      faultLayerFor: (service, hooks) => faults.faultLayerFor(service, hooks),
      mintToken: (overrides) => oidc.mint(overrides),
      runnerEnv: (overrides = {}) => ({
        ...runEnv(run),
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
        GITHUB_API_URL: urls.github,
        ...(artifacts && urls.results
          ? {
              ACTIONS_RESULTS_URL: `${urls.results}/`,
              ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken
            }
          : {}),
        ...overrides
      }),
      rekorSize: () => rekor.size(),
      rekorV2Size: () => rekorV2.size(),
      close: async () => {
        await closeAll();
        if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
      }
    };
  } catch (e) {
    await closeAll();
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** The GitHub REST stand-in's view of the run: the same object, in its field names. */
export function toGitHubRun(run: RunDescription): GitHubRun {
  return {
    repository: run.repository,
    repositoryId: run.repositoryId,
    ownerId: run.repositoryOwnerId,
    ref: run.ref,
    sha: run.sha,
    workflowPath: run.workflowPath,
    runId: run.runId,
    runAttempt: run.runAttempt,
    eventName: run.eventName,
    startedAt: run.runStartedAt,
    runNumber: Number(run.runNumber),
    headRef: run.headRef,
    pullRequestHeadSha: run.pullRequestHeadSha
  };
}
