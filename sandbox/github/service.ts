// The sandbox's GitHub REST stand-in: only the endpoints the action calls (the run attempt
// lookup, releases and their assets, the attestations API). Every JSON request body is checked
// against GitHub's OpenAPI description (422 naming the failing path) and every JSON response we
// send is checked too (500: a sandbox bug that tests surface).
import { createHash, randomBytes } from 'node:crypto';
import { compress as snappyCompress } from 'snappyjs';
import type { ServerResponse } from 'node:http';
import { sendJson, type SandboxRequest, type SandboxService } from '../http.js';
import { storedAssetName } from './asset-names.js';
import { operationContract, validateSchema, type OperationContract } from './openapi.js';
import {
  assetJson,
  releaseJson,
  workflowRunJson,
  type RunDescription,
  type StoredAsset,
  type StoredAttestation,
  type StoredRelease
} from './resources.js';

export type { RunDescription } from './resources.js';

export interface GitHubServiceState {
  releases: StoredRelease[];
  assets: StoredAsset[];
  attestations: StoredAttestation[];
  /**
   * The repository's "Enable release immutability" setting. Applies to releases published
   * from then on, as on GitHub; tests may switch it while the sandbox runs.
   */
  immutableReleases: boolean;
  /** Tags of immutable releases, kept after the release is deleted: GitHub never reuses them. */
  lockedTags: Set<string>;
  /**
   * Requests for `bundle_url` blobs: whether each carried an Authorization header (it must not:
   * the URL is pre-signed storage, and a GitHub token sent there leaks).
   */
  bundleDownloads: { id: number; authorization: boolean }[];
  /** Every request seen, for assertions such as "no PATCH was ever sent". */
  requests: { method: string; path: string; status: number }[];
}

export interface GitHubServiceOptions {
  run: RunDescription;
  token: string;
  /** Serve assets with `digest: null`, as GitHub does for assets uploaded before mid-2025. */
  assetsWithoutDigest?: boolean;
  /** The repository has immutable releases on (see GitHubServiceState.immutableReleases). */
  immutableReleases?: boolean;
  /**
   * List attestations with the bundle inline, as GitHub did until July 2026. By default the list
   * answers in the current shape: `"bundle": null` and a `bundle_url` (see the route).
   */
  inlineAttestationBundles?: boolean;
}

const DOCS = 'https://docs.github.com/rest';
// Immutable releases: https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases
// ("Release assets cannot be modified or deleted", tags "cannot be changed or removed", a deleted
// immutable release's tag cannot be reused). The answers below are GitHub's, as quoted in
// softprops/action-gh-release#653, concourse/github-release-resource#151 (upload),
// uutils/coreutils#13839 (asset delete) and github-community-projects/ospo-reusable-workflows#83
// plus community discussion #178351 (a reused tag).
const IMMUTABLE_UPLOAD = 'Cannot upload assets to an immutable release.';
const IMMUTABLE_DELETE = 'Cannot delete asset from an immutable release.';
const IMMUTABLE_TAG = 'tag_name was used by an immutable release';
const DOWNLOAD_PREFIX = '/_sandbox/release-assets/';
const BUNDLE_PREFIX = '/_sandbox/attestation-bundles/';

interface Route {
  method: string;
  template: string; // the OpenAPI path template
  pattern: RegExp;
  names: string[];
  contract?: OperationContract; // resolved lazily: the description is loaded on first request
  jsonBody: boolean;
  handle(ctx: RouteContext): void;
}

interface RouteContext {
  req: SandboxRequest;
  params: Record<string, string>;
  body: unknown;
  apiBase: string;
  respond(status: number, value?: unknown, headers?: Record<string, string>): void;
}

function route(
  method: string,
  template: string,
  handle: (ctx: RouteContext) => void,
  jsonBody = false
): Route {
  const names: string[] = [];
  const source = template
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)\}/g, (_m, n: string) => {
      names.push(n);
      return '([^/]+)';
    });
  return { method, template, pattern: new RegExp(`^${source}$`), names, jsonBody, handle };
}

function notFound(ctx: RouteContext): void {
  ctx.respond(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

function validationFailed(
  ctx: RouteContext,
  resource: string,
  code: string,
  field: string,
  message?: string
): void {
  ctx.respond(422, {
    message: 'Validation Failed',
    errors: [{ resource, code, field, ...(message ? { message } : {}) }],
    documentation_url: DOCS,
    status: '422'
  });
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** sha256 subject digests of the in-toto statement inside a bundle's DSSE envelope. */
function statementOf(
  bundle: Record<string, unknown>
): { digests: string[]; predicateType: string } | undefined {
  const envelope = bundle['dsseEnvelope'] as
    { payload?: unknown; payloadType?: unknown } | undefined;
  if (!envelope || typeof envelope.payload !== 'string') return undefined;
  try {
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
      subject?: { digest?: Record<string, unknown> }[];
      predicateType?: unknown;
    };
    const digests = (statement.subject ?? [])
      .map((s) => s.digest?.['sha256'])
      .filter((d): d is string => typeof d === 'string' && /^[0-9a-f]{64}$/.test(d))
      .map((d) => `sha256:${d}`);
    if (digests.length === 0) return undefined;
    return { digests, predicateType: String(statement.predicateType ?? '') };
  } catch {
    return undefined;
  }
}

const PREDICATE_ALIASES: Record<string, string> = {
  provenance: 'https://slsa.dev/provenance/v1',
  sbom: 'https://spdx.dev/Document/v2.3'
};

export function createGitHubService(
  options: GitHubServiceOptions
): SandboxService & { state: GitHubServiceState } {
  const { run, token } = options;
  const withDigest = !options.assetsWithoutDigest;
  const state: GitHubServiceState = {
    releases: [],
    assets: [],
    attestations: [],
    immutableReleases: options.immutableReleases ?? false,
    lockedTags: new Set(),
    bundleDownloads: [],
    requests: []
  };
  const [ownerLogin = ''] = run.repository.split('/');
  let nextId = 1000;
  // Stands in for the storage signature of a pre-signed blob URL: no token needed, or wanted.
  const bundleSignature = randomBytes(12).toString('hex');
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  const sameRepo = (p: Record<string, string>) =>
    `${p['owner']}/${p['repo']}`.toLowerCase() === run.repository.toLowerCase();
  const releaseFor = (p: Record<string, string>) =>
    sameRepo(p) ? state.releases.find((r) => String(r.id) === p['release_id']) : undefined;
  const assetsOf = (release: StoredRelease) =>
    state.assets.filter((a) => a.releaseId === release.id);
  /** Publishing locks the release when the repository has immutable releases on. */
  const publish = (release: StoredRelease) => {
    release.draft = false;
    release.publishedAt = now();
    if (state.immutableReleases) {
      release.immutable = true;
      state.lockedTags.add(release.tagName);
    }
  };
  const immutableRefusal = (ctx: RouteContext, message: string) =>
    ctx.respond(422, { message, documentation_url: DOCS, status: '422' });
  const renderRelease = (release: StoredRelease, apiBase: string) =>
    releaseJson(
      release,
      assetsOf(release),
      run.repository,
      ownerLogin,
      Number(run.ownerId),
      apiBase,
      withDigest
    );
  const page = <T>(items: T[], url: URL): T[] => {
    const perPage = Math.min(
      Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1),
      100
    );
    const n = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    return items.slice((n - 1) * perPage, n * perPage);
  };

  const routes: Route[] = [
    route('get', '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', (ctx) => {
      const p = ctx.params;
      if (
        !sameRepo(p) ||
        p['run_id'] !== String(run.runId) ||
        p['attempt_number'] !== String(run.runAttempt)
      ) {
        return notFound(ctx);
      }
      ctx.respond(200, workflowRunJson(run, ctx.apiBase));
    }),

    // Draft releases have no tag yet on GitHub, so this lookup does not find them.
    route('get', '/repos/{owner}/{repo}/releases/tags/{tag}', (ctx) => {
      const release = sameRepo(ctx.params)
        ? state.releases.find((r) => r.tagName === ctx.params['tag'] && !r.draft)
        : undefined;
      if (!release) return notFound(ctx);
      ctx.respond(200, renderRelease(release, ctx.apiBase));
    }),

    route('get', '/repos/{owner}/{repo}/releases', (ctx) => {
      if (!sameRepo(ctx.params)) return notFound(ctx);
      const newestFirst = [...state.releases].reverse();
      ctx.respond(
        200,
        page(newestFirst, ctx.req.url).map((r) => renderRelease(r, ctx.apiBase))
      );
    }),

    route(
      'post',
      '/repos/{owner}/{repo}/releases',
      (ctx) => {
        if (!sameRepo(ctx.params)) return notFound(ctx);
        const body = ctx.body as {
          tag_name: string;
          target_commitish?: string;
          name?: string;
          body?: string;
          draft?: boolean;
          prerelease?: boolean;
        };
        if (body.tag_name.trim() === '')
          return validationFailed(ctx, 'Release', 'missing_field', 'tag_name');
        if (state.releases.some((r) => r.tagName === body.tag_name && !r.draft)) {
          return validationFailed(ctx, 'Release', 'already_exists', 'tag_name');
        }
        if (state.lockedTags.has(body.tag_name)) {
          return validationFailed(ctx, 'Release', 'custom', 'tag_name', IMMUTABLE_TAG);
        }
        const createdAt = now();
        const release: StoredRelease = {
          id: nextId++,
          tagName: body.tag_name,
          targetCommitish: body.target_commitish ?? 'main',
          name: body.name ?? body.tag_name,
          body: body.body ?? null,
          draft: body.draft ?? false,
          prerelease: body.prerelease ?? false,
          createdAt,
          publishedAt: null,
          immutable: false
        };
        if (!body.draft) publish(release);
        state.releases.push(release);
        const json = renderRelease(release, ctx.apiBase);
        ctx.respond(201, json, { location: String(json['url']) });
      },
      true
    ),

    // Used only to publish a draft release the action itself created; the state records it
    // so tests can check an existing release is never edited.
    route(
      'patch',
      '/repos/{owner}/{repo}/releases/{release_id}',
      (ctx) => {
        const release = releaseFor(ctx.params);
        if (!release) return notFound(ctx);
        const body = ctx.body as {
          name?: string;
          body?: string;
          draft?: boolean;
          prerelease?: boolean;
        };
        if (body.name !== undefined) release.name = body.name;
        if (body.body !== undefined) release.body = body.body;
        if (body.prerelease !== undefined) release.prerelease = body.prerelease;
        if (body.draft === false && release.draft) {
          if (
            state.releases.some((r) => r !== release && r.tagName === release.tagName && !r.draft)
          ) {
            return validationFailed(ctx, 'Release', 'already_exists', 'tag_name');
          }
          publish(release);
        } else if (body.draft === true && !release.immutable) release.draft = true;
        ctx.respond(200, renderRelease(release, ctx.apiBase));
      },
      true
    ),

    route('delete', '/repos/{owner}/{repo}/releases/{release_id}', (ctx) => {
      const release = releaseFor(ctx.params);
      if (!release) return notFound(ctx);
      // Allowed for an immutable release too; its tag stays in lockedTags for good.
      state.releases = state.releases.filter((r) => r !== release);
      state.assets = state.assets.filter((a) => a.releaseId !== release.id);
      ctx.respond(204);
    }),

    route('get', '/repos/{owner}/{repo}/releases/{release_id}/assets', (ctx) => {
      const release = releaseFor(ctx.params);
      if (!release) return notFound(ctx);
      ctx.respond(
        200,
        page(assetsOf(release), ctx.req.url).map((a) =>
          assetJson(a, run.repository, release.tagName, ctx.apiBase, withDigest)
        )
      );
    }),

    // The upload endpoint (uploads.github.com on GitHub): raw bytes, name in the query.
    route('post', '/repos/{owner}/{repo}/releases/{release_id}/assets', (ctx) => {
      const release = releaseFor(ctx.params);
      if (!release) return notFound(ctx);
      if (release.immutable) return immutableRefusal(ctx, IMMUTABLE_UPLOAD);
      const name = storedAssetName(ctx.req.url.searchParams.get('name') ?? '');
      if (name === '') return validationFailed(ctx, 'ReleaseAsset', 'missing_field', 'name');
      if (assetsOf(release).some((a) => a.name === name)) {
        return validationFailed(ctx, 'ReleaseAsset', 'already_exists', 'name');
      }
      const asset: StoredAsset = {
        id: nextId++,
        releaseId: release.id,
        name,
        contentType: String(ctx.req.headers['content-type'] ?? 'application/octet-stream'),
        content: ctx.req.body,
        digest: sha256(ctx.req.body),
        createdAt: now()
      };
      state.assets.push(asset);
      ctx.respond(201, assetJson(asset, run.repository, release.tagName, ctx.apiBase, withDigest));
    }),

    route('get', '/repos/{owner}/{repo}/releases/assets/{asset_id}', (ctx) => {
      const asset = sameRepo(ctx.params)
        ? state.assets.find((a) => String(a.id) === ctx.params['asset_id'])
        : undefined;
      const release = asset && state.releases.find((r) => r.id === asset.releaseId);
      if (!asset || !release) return notFound(ctx);
      if (String(ctx.req.headers['accept'] ?? '').includes('application/octet-stream')) {
        // Like GitHub: a redirect to a storage URL that needs no token.
        ctx.respond(302, undefined, { location: `${ctx.apiBase}${DOWNLOAD_PREFIX}${asset.id}` });
        return;
      }
      ctx.respond(200, assetJson(asset, run.repository, release.tagName, ctx.apiBase, withDigest));
    }),

    route('delete', '/repos/{owner}/{repo}/releases/assets/{asset_id}', (ctx) => {
      const index = sameRepo(ctx.params)
        ? state.assets.findIndex((a) => String(a.id) === ctx.params['asset_id'])
        : -1;
      if (index < 0) return notFound(ctx);
      const release = state.releases.find((r) => r.id === state.assets[index]!.releaseId);
      if (release?.immutable) return immutableRefusal(ctx, IMMUTABLE_DELETE);
      state.assets.splice(index, 1);
      ctx.respond(204);
    }),

    route(
      'post',
      '/repos/{owner}/{repo}/attestations',
      (ctx) => {
        if (!sameRepo(ctx.params)) return notFound(ctx);
        const bundle = (ctx.body as { bundle: Record<string, unknown> }).bundle;
        const statement = statementOf(bundle);
        if (!statement) {
          return validationFailed(
            ctx,
            'Attestation',
            'invalid',
            'bundle',
            'bundle carries no in-toto statement with a sha256 subject'
          );
        }
        const attestation: StoredAttestation = {
          id: nextId++,
          repository: run.repository,
          repositoryId: Number(run.repositoryId),
          subjectDigests: statement.digests,
          bundle
        };
        state.attestations.push(attestation);
        ctx.respond(201, { id: attestation.id });
      },
      true
    ),

    route('get', '/repos/{owner}/{repo}/attestations/{subject_digest}', (ctx) => {
      if (!sameRepo(ctx.params)) return notFound(ctx);
      const digest = ctx.params['subject_digest']!;
      const wanted = ctx.req.url.searchParams.get('predicate_type');
      const predicateType = wanted ? (PREDICATE_ALIASES[wanted] ?? wanted) : undefined;
      const matching = state.attestations.filter(
        (a) =>
          a.subjectDigests.includes(digest) &&
          (!predicateType || statementOf(a.bundle)?.predicateType === predicateType)
      );
      // Since 2026-07-16 GitHub answers `"bundle": null` and a `bundle_url` to blob storage
      // serving the bundle snappy-compressed (`application/x-snappy`, `.json.sn`), whatever
      // X-GitHub-Api-Version says: docs.github.com/en/rest/about-the-rest-api/breaking-changes
      // ("Use bundle_url to retrieve the attestation bundle"), with the live answers quoted in
      // terraform-linters/tflint#2593, denoland/clawpatrol#769 and aaif-goose/goose#10557.
      ctx.respond(200, {
        attestations: page(matching, ctx.req.url).map((a) =>
          options.inlineAttestationBundles
            ? { bundle: a.bundle, repository_id: a.repositoryId }
            : {
                repository_id: a.repositoryId,
                bundle_url: `${ctx.apiBase}${BUNDLE_PREFIX}${a.id}.json.sn?sig=${bundleSignature}`,
                initiator: 'user',
                bundle: null
              }
        )
      });
    })
  ];

  function authorized(req: SandboxRequest): boolean {
    const header = String(req.headers['authorization'] ?? '');
    const match = /^(?:Bearer|token)\s+(.+)$/i.exec(header);
    return match !== null && match[1] === token;
  }

  return {
    name: 'github',
    state,
    handle(req: SandboxRequest, res: ServerResponse) {
      const path = req.url.pathname;
      const log = (status: number) => state.requests.push({ method: req.method, path, status });

      if (req.method === 'GET' && path.startsWith(DOWNLOAD_PREFIX)) {
        const asset = state.assets.find((a) => String(a.id) === path.slice(DOWNLOAD_PREFIX.length));
        if (!asset) {
          log(404);
          return sendJson(res, 404, { message: 'Not Found' });
        }
        log(200);
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': asset.content.length
        });
        res.end(asset.content);
        return;
      }

      const bundleBlob = new RegExp(`^${BUNDLE_PREFIX}(\\d+)\\.json\\.sn$`).exec(path);
      if (req.method === 'GET' && bundleBlob) {
        const attestation = state.attestations.find((a) => String(a.id) === bundleBlob[1]);
        if (!attestation || req.url.searchParams.get('sig') !== bundleSignature) {
          log(404);
          return sendJson(res, 404, { message: 'The specified blob does not exist.' });
        }
        state.bundleDownloads.push({
          id: attestation.id,
          authorization: req.headers['authorization'] !== undefined
        });
        const body = snappyCompress(Buffer.from(JSON.stringify(attestation.bundle)));
        log(200);
        res.writeHead(200, {
          'content-type': 'application/x-snappy',
          'content-length': body.length
        });
        res.end(body);
        return;
      }

      const method = req.method.toLowerCase();
      let matched: { r: Route; params: Record<string, string> } | undefined;
      for (const r of routes) {
        if (r.method !== method) continue;
        const m = r.pattern.exec(path);
        if (!m) continue;
        const params: Record<string, string> = {};
        r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] ?? '')));
        matched = { r, params };
        break;
      }
      if (!matched) {
        log(404);
        return sendJson(res, 404, {
          message: `Not Found: ${req.method} ${path}`,
          documentation_url: DOCS
        });
      }
      if (!authorized(req)) {
        log(401);
        return sendJson(res, 401, {
          message: 'Bad credentials',
          documentation_url: DOCS,
          status: '401'
        });
      }

      const { r, params } = matched;
      r.contract ??= operationContract(r.template, r.method);
      const contract = r.contract;
      const respond = (status: number, value?: unknown, headers: Record<string, string> = {}) => {
        const schema = value === undefined ? undefined : contract.response(status);
        const failure = schema ? validateSchema(schema, value) : undefined;
        if (failure) {
          log(500);
          return sendJson(res, 500, {
            message: `sandbox bug: response to ${contract.operationId} does not match GitHub's OpenAPI description: ${failure}`
          });
        }
        log(status);
        if (value === undefined) {
          res.writeHead(status, headers);
          res.end();
        } else sendJson(res, status, value, headers);
      };

      let body: unknown;
      if (r.jsonBody) {
        try {
          body = JSON.parse(req.body.toString('utf8'));
        } catch {
          log(400);
          return sendJson(res, 400, {
            message: 'Problems parsing JSON',
            documentation_url: DOCS,
            status: '400'
          });
        }
        const failure = contract.request ? validateSchema(contract.request, body) : undefined;
        if (failure) {
          return respond(422, {
            message: `Invalid request. ${failure}`,
            errors: [{ resource: contract.operationId, code: 'invalid', message: failure }],
            documentation_url: DOCS,
            status: '422'
          });
        }
      }
      r.handle({
        req,
        params,
        body,
        apiBase: `http://${req.headers.host ?? '127.0.0.1'}`,
        respond
      });
    }
  };
}
