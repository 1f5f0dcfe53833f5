// Test-only issuer: real keys, real node:http server (sandbox/http.ts), tokens signed with
// node:crypto. Used to drive src/context/oidc.ts through its network edge.
import { generateKeyPairSync, sign, createHmac, type KeyObject } from 'node:crypto';
import {
  serveService,
  sendJson,
  type RunningService,
  type SandboxService
} from '../../sandbox/http.js';

export const NOW = 1_763_780_000; // fixed "now" (seconds) for every time check

export interface SigningKey {
  kid: string;
  alg: 'ES256' | 'RS256';
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

export function makeKey(alg: 'ES256' | 'RS256', kid: string): SigningKey {
  const { privateKey, publicKey } =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' }
  };
}

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

export function signJwt(
  key: SigningKey,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {}
): string {
  const h = b64({ alg: key.alg, typ: 'JWT', kid: key.kid, ...header });
  const p = b64(payload);
  const input = Buffer.from(`${h}.${p}`);
  const sig =
    key.alg === 'ES256'
      ? sign('sha256', input, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', input, key.privateKey);
  return `${h}.${p}.${sig.toString('base64url')}`;
}

/** alg-confusion attempt: HMAC keyed with the public key's JSON. */
export function signHs256(key: SigningKey, payload: Record<string, unknown>): string {
  const h = b64({ alg: 'HS256', typ: 'JWT', kid: key.kid });
  const p = b64(payload);
  const mac = createHmac('sha256', JSON.stringify(key.publicJwk)).update(`${h}.${p}`).digest();
  return `${h}.${p}.${mac.toString('base64url')}`;
}

export function unsigned(payload: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
}

export const CALLER = 'octo-org/octo-repo';
export const BUILDER = 'isolated-provenance/isolated-provenance';

export function githubClaims(
  issuer: string,
  overrides: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    iss: issuer,
    aud: 'sigstore',
    iat: NOW - 30,
    nbf: NOW - 35,
    exp: NOW + 300,
    sub: `repo:${CALLER}:ref:refs/tags/v1.2.3`,
    repository: CALLER,
    repository_id: '123456789',
    repository_owner: 'octo-org',
    repository_owner_id: '987654',
    ref: 'refs/tags/v1.2.3',
    ref_type: 'tag',
    sha: 'a'.repeat(40),
    workflow_ref: `${CALLER}/.github/workflows/release.yml@refs/tags/v1.2.3`,
    workflow_sha: 'a'.repeat(40),
    job_workflow_ref: `${BUILDER}/.github/workflows/generic.yml@refs/tags/v1.0.0`,
    job_workflow_sha: 'b'.repeat(40),
    event_name: 'push',
    run_id: '4242424242',
    run_number: '7',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    ...overrides
  };
}

export type Behaviour = (
  path: string,
  count: number
) =>
  { status: number; body?: unknown; headers?: Record<string, string>; hang?: boolean } | undefined;

export interface TestIssuer {
  url: string;
  hits: Map<string, number>;
  keys: Record<string, unknown>[];
  behaviour?: Behaviour;
  close(): Promise<void>;
}

/** An OIDC issuer on loopback: discovery + JWKS, with per-request fault behaviour. */
export async function startIssuer(keys: SigningKey[]): Promise<TestIssuer> {
  const state: TestIssuer = {
    url: '',
    hits: new Map(),
    keys: keys.map((k) => k.publicJwk),
    close: async () => undefined
  };
  const service: SandboxService = {
    name: 'test-oidc-issuer',
    handle(req, res) {
      const path = req.url.pathname;
      const count = (state.hits.get(path) ?? 0) + 1;
      state.hits.set(path, count);
      const fault = state.behaviour?.(path, count);
      if (fault?.hang) return new Promise<void>(() => undefined);
      if (fault) return sendJson(res, fault.status, fault.body ?? {}, fault.headers);
      if (path === '/.well-known/openid-configuration')
        return sendJson(res, 200, { issuer: state.url, jwks_uri: `${state.url}/.well-known/jwks` });
      if (path === '/.well-known/jwks') return sendJson(res, 200, { keys: state.keys });
    }
  };
  const running: RunningService = await serveService(service);
  state.url = running.url;
  state.close = () => running.close();
  return state;
}
