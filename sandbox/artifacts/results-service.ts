// The Actions "results" service as @actions/artifact 6.x speaks it: Twirp JSON over POST at
// /twirp/github.actions.results.api.v1.ArtifactService/<Method>, authorised by the runtime
// token, handing out SAS URLs into blob storage (azurite) for the bytes themselves.
import type { ServerResponse } from 'node:http';
import { sendJson, type SandboxRequest, type SandboxService } from '../http.js';
import { verifyRuntimeToken } from './runtime-token.js';

const PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface ArtifactRecord {
  id: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  blobName: string;
  mimeType: string;
  finalized: boolean;
  size: number;
  digest?: string; // sha256:<hex> as the client reported it
  createdAt: string;
}

/** The blob side, behind an interface so the service is testable without azurite. */
export interface BlobAccess {
  uploadUrl(blobName: string): string;
  downloadUrl(blobName: string): string;
  size(blobName: string): Promise<number | undefined>;
  remove(blobName: string): Promise<void>;
}

export interface ResultsServiceState {
  artifacts: ArtifactRecord[];
}

type TwirpCode =
  | 'unauthenticated'
  | 'permission_denied'
  | 'invalid_argument'
  | 'not_found'
  | 'already_exists'
  | 'failed_precondition'
  | 'malformed';
const STATUS: Record<TwirpCode, number> = {
  unauthenticated: 401,
  permission_denied: 403,
  invalid_argument: 400,
  malformed: 400,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412
};

class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;

function str(body: Body, field: string, optional = false): string {
  const v = body[field];
  if (v === undefined && optional) return '';
  if (typeof v !== 'string' || (!optional && v === '')) {
    throw new TwirpError(
      'invalid_argument',
      `${field}: expected a non-empty string, found ${JSON.stringify(v)}`
    );
  }
  return v;
}

export function createResultsService(options: {
  secret: Buffer;
  blobs: BlobAccess;
}): SandboxService & { state: ResultsServiceState } {
  const { secret, blobs } = options;
  const state: ResultsServiceState = { artifacts: [] };
  let nextId = 1;

  const publicJson = (a: ArtifactRecord) => ({
    workflow_run_backend_id: a.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size),
    created_at: a.createdAt,
    ...(a.digest ? { digest: a.digest } : {})
  });

  const methods: Record<string, (body: Body, run: string, job: string) => Promise<Body> | Body> = {
    CreateArtifact(body, run, job) {
      const name = str(body, 'name');
      if (body['version'] !== 4 && body['version'] !== 7) {
        throw new TwirpError(
          'invalid_argument',
          `version: expected 4 or 7, found ${JSON.stringify(body['version'])}`
        );
      }
      if (state.artifacts.some((a) => a.runBackendId === run && a.name === name && a.finalized)) {
        throw new TwirpError(
          'already_exists',
          `an artifact with this name already exists on the workflow run: ${name}`
        );
      }
      const mimeType =
        typeof body['mime_type'] === 'string' ? body['mime_type'] : 'application/zip';
      const id = nextId++;
      // A re-created, never-finalized artifact of the same name is simply superseded.
      state.artifacts = state.artifacts.filter((a) => !(a.runBackendId === run && a.name === name));
      const record: ArtifactRecord = {
        id,
        runBackendId: run,
        jobBackendId: job,
        name,
        blobName: `${run}/${id}/${encodeURIComponent(name)}${mimeType === 'application/zip' ? '.zip' : ''}`,
        mimeType,
        finalized: false,
        size: 0,
        createdAt: new Date().toISOString()
      };
      state.artifacts.push(record);
      return { ok: true, signed_upload_url: blobs.uploadUrl(record.blobName) };
    },

    async FinalizeArtifact(body, run) {
      const name = str(body, 'name');
      const record = state.artifacts.find(
        (a) => a.runBackendId === run && a.name === name && !a.finalized
      );
      if (!record) throw new TwirpError('not_found', `no artifact ${name} awaiting finalization`);
      const size = await blobs.size(record.blobName);
      if (size === undefined)
        throw new TwirpError('failed_precondition', `artifact ${name} has no uploaded content`);
      const claimed = Number(str(body, 'size'));
      if (claimed !== size) {
        throw new TwirpError(
          'invalid_argument',
          `size: expected ${size} (stored), found ${claimed}`
        );
      }
      record.size = size;
      if (typeof body['hash'] === 'string') record.digest = body['hash'];
      record.finalized = true;
      return { ok: true, artifact_id: String(record.id) };
    },

    ListArtifacts(body, run) {
      const nameFilter = typeof body['name_filter'] === 'string' ? body['name_filter'] : undefined;
      const idFilter = body['id_filter'] !== undefined ? String(body['id_filter']) : undefined;
      const artifacts = state.artifacts.filter(
        (a) =>
          a.finalized &&
          a.runBackendId === run &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || String(a.id) === idFilter)
      );
      return { artifacts: artifacts.map(publicJson) };
    },

    GetSignedArtifactURL(body, run) {
      const name = str(body, 'name');
      const record = state.artifacts.find(
        (a) => a.runBackendId === run && a.name === name && a.finalized
      );
      if (!record) throw new TwirpError('not_found', `artifact not found: ${name}`);
      return { signed_url: blobs.downloadUrl(record.blobName) };
    },

    async DeleteArtifact(body, run) {
      const name = str(body, 'name');
      const record = state.artifacts.find(
        (a) => a.runBackendId === run && a.name === name && a.finalized
      );
      if (!record) throw new TwirpError('not_found', `artifact not found: ${name}`);
      await blobs.remove(record.blobName);
      state.artifacts = state.artifacts.filter((a) => a !== record);
      return { ok: true, artifact_id: String(record.id) };
    }
  };

  return {
    name: 'results',
    state,
    async handle(req: SandboxRequest, res: ServerResponse) {
      if (!req.url.pathname.startsWith(PREFIX)) return;
      const method = methods[req.url.pathname.slice(PREFIX.length)];
      const fail = (e: TwirpError) =>
        sendJson(res, STATUS[e.code], { code: e.code, msg: e.message });
      if (req.method !== 'POST' || !method) {
        return sendJson(res, 404, {
          code: 'bad_route',
          msg: `no handler for ${req.method} ${req.url.pathname}`
        });
      }
      try {
        const auth = /^Bearer\s+(.+)$/i.exec(String(req.headers['authorization'] ?? ''));
        const claims = auth ? verifyRuntimeToken(secret, auth[1]!) : undefined;
        if (!claims) throw new TwirpError('unauthenticated', 'missing or invalid runtime token');
        let body: Body;
        try {
          body = JSON.parse(req.body.toString('utf8')) as Body;
        } catch {
          throw new TwirpError('malformed', 'request body is not JSON');
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw new TwirpError('malformed', 'request body is not a JSON object');
        }
        const run = str(body, 'workflow_run_backend_id');
        const job = str(body, 'workflow_job_run_backend_id');
        if (run !== claims.runBackendId || job !== claims.jobBackendId) {
          throw new TwirpError('permission_denied', 'backend ids do not match the runtime token');
        }
        sendJson(res, 200, await method(body, run, job));
      } catch (e) {
        if (e instanceof TwirpError) return fail(e);
        throw e;
      }
    }
  };
}
