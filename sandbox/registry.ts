// A real OCI registry on loopback for tests and the demo: Debian's docker-registry
// (distribution 2.8) with filesystem storage in a temp dir, optionally behind htpasswd basic
// auth; skopeo (an independent client) pushes test images and reads results back; a fault
// proxy in front of it lets tests inject 5xx and resets.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  serveService,
  type FaultLayer,
  type RunningService,
  type SandboxRequest,
  type SandboxService
} from './http.js';
import { createFaultPlan } from './faults.js';
import { ensureRegistryBinaries, REGISTRY_BINARIES } from './registry/binaries.js';
import { writeTestImageLayout } from './registry/test-image.js';
import {
  startTokenServer,
  TOKEN_ISSUER,
  TOKEN_SERVICE_NAME,
  type TokenServer
} from './registry/token-server.js';

const run = promisify(execFile);

export interface RegistryAuth {
  username: string;
  password: string;
}

export interface RunningRegistry {
  /** HOST:PORT, the form image references use. */
  host: string;
  url: string;
  auth?: RegistryAuth;
  /** With authMode 'token': the token service (Bearer realm) in front of the registry. */
  tokenServer?: TokenServer;
  close(): Promise<void>;
}

/** 'basic': htpasswd basic auth; 'token': a Bearer token realm, the way ghcr.io and Docker Hub work. */
export type RegistryAuthMode = 'basic' | 'token';

/** A port on 127.0.0.1 free right now (for servers that take a port, not port 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function registryConfig(
  dir: string,
  port: number,
  auth: { mode: 'none' } | { mode: 'basic' } | { mode: 'token'; realm: string }
): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`
  ];
  if (auth.mode === 'basic')
    lines.push(
      'auth:',
      '  htpasswd:',
      '    realm: sandbox-registry',
      `    path: ${join(dir, 'htpasswd')}`
    );
  if (auth.mode === 'token')
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${auth.realm}`,
      `    service: ${TOKEN_SERVICE_NAME}`,
      `    issuer: ${TOKEN_ISSUER}`,
      `    rootcertbundle: ${join(dir, 'token-cert.pem')}`
    );
  return lines.join('\n') + '\n';
}

async function waitForRegistry(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`docker-registry exited (${child.exitCode}): ${stderr().slice(-500)}`);
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`docker-registry did not answer ${url}/v2/ within 15s: ${stderr().slice(-500)}`);
}

/**
 * Starts docker-registry on a free 127.0.0.1 port; with `auth`, behind htpasswd basic auth
 * (default) or, with authMode 'token', behind a Bearer token service.
 */
export async function startRegistry(
  options: { auth?: RegistryAuth; authMode?: RegistryAuthMode } = {}
): Promise<RunningRegistry> {
  await ensureRegistryBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-registry-'));
  let tokenServer: TokenServer | undefined;
  if (options.auth && options.authMode === 'token') {
    tokenServer = await startTokenServer([options.auth]);
    await writeFile(join(dir, 'token-cert.pem'), tokenServer.certificatePem);
  } else if (options.auth) {
    // bcrypt is the only hash distribution's htpasswd accepts
    const { stdout } = await run(REGISTRY_BINARIES.htpasswd, [
      '-Bbn',
      options.auth.username,
      options.auth.password
    ]);
    await writeFile(join(dir, 'htpasswd'), stdout.trim() + '\n');
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const configPath = join(dir, 'config.yml');
    await writeFile(
      configPath,
      registryConfig(
        dir,
        port,
        tokenServer
          ? { mode: 'token', realm: tokenServer.realm }
          : { mode: options.auth ? 'basic' : 'none' }
      )
    );
    const child = spawn(REGISTRY_BINARIES.registry, ['serve', configPath], {
      stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-4000);
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitForRegistry(url, child, () => stderr);
    } catch (e) {
      child.kill('SIGKILL');
      // another process may have taken the port between probe and bind: try a new one
      if (attempt < 3 && /address already in use/i.test(String(e))) continue;
      await rm(dir, { recursive: true, force: true });
      await tokenServer?.close();
      throw e;
    }
    return {
      host: `127.0.0.1:${port}`,
      url,
      ...(options.auth ? { auth: options.auth } : {}),
      ...(tokenServer ? { tokenServer } : {}),
      close: async () => {
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 3000)))]);
          clearTimeout(timer);
          if (child.exitCode === null) child.kill('SIGKILL');
        }
        await rm(dir, { recursive: true, force: true });
        await tokenServer?.close();
      }
    };
  }
}

function credsArgs(flag: string, auth: RegistryAuth | undefined): string[] {
  return auth ? [flag, `${auth.username}:${auth.password}`] : [];
}

export interface PushedImage {
  /** HOST:PORT/name */
  repository: string;
  digest: string;
  mediaType: string;
  /** HOST:PORT/name@sha256:... */
  reference: string;
}

/**
 * Builds a tiny OCI image (or, with `multiArch`, a two-platform index), pushes it with skopeo
 * to HOST/name:tag and returns its digest.
 */
export async function pushTestImage(
  host: string,
  name: string,
  options: { auth?: RegistryAuth; multiArch?: boolean; tag?: string } = {}
): Promise<PushedImage> {
  await ensureRegistryBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-image-'));
  try {
    const top = await writeTestImageLayout(join(dir, 'layout'), `${host}/${name}`, options);
    const digestFile = join(dir, 'digest');
    await run(REGISTRY_BINARIES.skopeo, [
      'copy',
      '--quiet',
      ...(options.multiArch ? ['--all', '--preserve-digests'] : []),
      '--dest-tls-verify=false',
      ...credsArgs('--dest-creds', options.auth),
      '--digestfile',
      digestFile,
      `oci:${join(dir, 'layout')}:latest`,
      `docker://${host}/${name}:${options.tag ?? 'latest'}`
    ]);
    const digest = (await readFile(digestFile, 'utf8')).trim();
    if (digest !== top.digest)
      throw new Error(`skopeo pushed ${digest}, expected the layout's ${top.digest}`);
    return {
      repository: `${host}/${name}`,
      digest,
      mediaType: top.mediaType,
      reference: `${host}/${name}@${digest}`
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `skopeo inspect --raw` of HOST/name:reference, parsed; undefined when the registry says the
 * manifest does not exist. An independent client, so tests do not trust our own reader.
 */
export async function inspectRaw(
  image: string,
  options: { auth?: RegistryAuth } = {}
): Promise<Record<string, unknown> | undefined> {
  await ensureRegistryBinaries();
  try {
    const { stdout } = await run(REGISTRY_BINARIES.skopeo, [
      'inspect',
      '--raw',
      '--tls-verify=false',
      ...credsArgs('--creds', options.auth),
      `docker://${image}`
    ]);
    return JSON.parse(stdout) as Record<string, unknown>;
  } catch (e) {
    const text = String((e as { stderr?: unknown }).stderr ?? e);
    if (/manifest unknown|not found/i.test(text)) return undefined;
    throw new Error(`skopeo inspect ${image} failed: ${text.slice(0, 500)}`);
  }
}

/** Lists the tags of HOST/name with skopeo. */
export async function listTags(
  repository: string,
  options: { auth?: RegistryAuth } = {}
): Promise<string[]> {
  await ensureRegistryBinaries();
  const { stdout } = await run(REGISTRY_BINARIES.skopeo, [
    'list-tags',
    '--tls-verify=false',
    ...credsArgs('--creds', options.auth),
    `docker://${repository}`
  ]);
  return (JSON.parse(stdout) as { Tags?: string[] }).Tags ?? [];
}

/** Reads one blob with skopeo-independent plain HTTP (the tests' second reader). */
export async function fetchBlob(
  registry: RunningRegistry,
  name: string,
  digest: string
): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (registry.auth) {
    const basic = `Basic ${Buffer.from(`${registry.auth.username}:${registry.auth.password}`).toString('base64')}`;
    headers.authorization = basic;
    if (registry.tokenServer) {
      const url = new URL(registry.tokenServer.realm);
      url.searchParams.set('service', TOKEN_SERVICE_NAME);
      url.searchParams.set('scope', `repository:${name}:pull`);
      const answer = await fetch(url, { headers: { authorization: basic } });
      headers.authorization = `Bearer ${((await answer.json()) as { token: string }).token}`;
    }
  }
  const res = await fetch(`${registry.url}/v2/${name}/blobs/${digest}`, { headers });
  if (res.status !== 200) throw new Error(`GET blob ${digest}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** Forwards every request unchanged (Host header included, so Location URLs point back here). */
function forwardingService(target: URL): SandboxService {
  return {
    name: 'registry-proxy',
    handle: (req: SandboxRequest, res) =>
      new Promise<void>((resolve) => {
        const upstream = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url.pathname + req.url.search,
            headers: req.headers
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            up.on('end', () => resolve());
            up.on('error', () => {
              res.destroy();
              resolve();
            });
          }
        );
        upstream.on('error', (e) => {
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`registry-proxy: ${e.message}`);
          resolve();
        });
        upstream.end(req.body);
      })
  };
}

export interface FaultProxy {
  host: string;
  url: string;
  /** Every request that reached the proxy, in order: "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of `registry`; `faults` decides per request whether to answer with a
 * fault instead of forwarding: a FaultLayer (e.g. `sandbox.faultLayerFor('registry')` or the
 * rules in registry/fault-rules.ts) or a plan string such as "registry=503x2" (sandbox/faults.ts).
 */
export async function startFaultProxy(
  registry: { url: string },
  faultsOrPlan: FaultLayer | string
): Promise<FaultProxy> {
  const faults =
    typeof faultsOrPlan === 'string'
      ? createFaultPlan(faultsOrPlan).faultLayerFor('registry')
      : faultsOrPlan;
  const requests: string[] = [];
  const recorder: FaultLayer = (req, res) => {
    requests.push(`${req.method} ${req.url.pathname}`);
    return faults(req, res);
  };
  const running: RunningService = await serveService(forwardingService(new URL(registry.url)), {
    faults: recorder
  });
  return {
    host: new URL(running.url).host,
    url: running.url,
    requests,
    close: () => running.close()
  };
}
