// Registry credentials the way docker finds them: $DOCKER_CONFIG/config.json or
// ~/.docker/config.json (what `docker login` writes), `auths` keyed by registry host or URL
// (Docker Hub also as its v1 URL), each with base64 `auth` = user:password, explicit
// username/password, and optionally an identitytoken that replaces the password.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ProvenanceError } from '../errors.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

const DOCKER_HUB_KEYS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

/** `https://index.docker.io/v1/` → docker.io, `https://ghcr.io/v2/` → ghcr.io. */
function canonicalRegistryKey(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
  return DOCKER_HUB_KEYS.has(host) ? 'docker.io' : host;
}

/** Credentials for `registry` in a docker config file; undefined when none apply (anonymous). */
export async function dockerConfigCredentials(
  registry: string,
  configPath = dockerConfigPath()
): Promise<RegistryCredentials | undefined> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    return undefined; // no docker config: anonymous access, as docker itself would be
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `docker config ${configPath}: expected JSON, found unparsable text`
    );
  }
  const auths = (config as { auths?: unknown } | null)?.auths;
  if (typeof auths !== 'object' || auths === null) return undefined;
  const target = canonicalRegistryKey(registry);
  // exact host match: never send one registry's credentials to a similarly named one
  for (const [key, entry] of Object.entries(auths as Record<string, unknown>)) {
    if (canonicalRegistryKey(key) !== target || typeof entry !== 'object' || entry === null)
      continue;
    const found = readEntry(entry as Record<string, unknown>, key, configPath);
    if (found) return found;
  }
  return undefined;
}

function readEntry(
  entry: Record<string, unknown>,
  key: string,
  configPath: string
): RegistryCredentials | undefined {
  let found: RegistryCredentials | undefined;
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `docker config ${configPath}: auths["${key}"].auth: expected base64 of user:password`
      );
    found = { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  } else if (typeof entry.username === 'string' && typeof entry.password === 'string') {
    found = { username: entry.username, password: entry.password };
  }
  if (found && typeof entry.identitytoken === 'string' && entry.identitytoken !== '')
    return { ...found, password: entry.identitytoken };
  return found;
}

/** Explicit credentials (both parts given) first, then the docker config, else anonymous. */
export async function resolveCredentials(
  registry: string,
  explicit: RegistryCredentials | undefined,
  configPath?: string
): Promise<RegistryCredentials | undefined> {
  if (explicit && explicit.username !== '' && explicit.password !== '') return explicit;
  return dockerConfigCredentials(registry, configPath);
}
