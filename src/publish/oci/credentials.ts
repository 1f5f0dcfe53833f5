// Registry credentials: explicit inputs first, then the `auths` of ~/.docker/config.json
// (what `docker login` writes), else anonymous.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface RegistryCredentials {
  username: string;
  password: string;
}

const DOCKER_HUB_KEYS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** `https://index.docker.io/v1/` → docker.io, `ghcr.io/` → ghcr.io. */
function canonicalRegistryKey(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
  return DOCKER_HUB_KEYS.has(host) ? 'docker.io' : host;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; identitytoken?: string }>;
}

function decodeAuth(auth: string): RegistryCredentials | undefined {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Finds credentials for `registry` in a docker config file; undefined when none apply. */
export async function dockerConfigCredentials(
  registry: string,
  configPath = join(process.env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json')
): Promise<RegistryCredentials | undefined> {
  let config: DockerConfig;
  try {
    config = JSON.parse(await readFile(configPath, 'utf8')) as DockerConfig;
  } catch {
    return undefined; // no file or not JSON: anonymous, as docker itself would be
  }
  const target = canonicalRegistryKey(registry);
  // exact host match: never send one registry's credentials to a similarly named one
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    if (canonicalRegistryKey(key) !== target || !entry.auth) continue;
    const decoded = decodeAuth(entry.auth);
    if (!decoded) continue;
    return entry.identitytoken ? { ...decoded, password: entry.identitytoken } : decoded;
  }
  return undefined;
}

export async function resolveCredentials(
  registry: string,
  explicit: RegistryCredentials | undefined,
  dockerConfigPath?: string
): Promise<RegistryCredentials | undefined> {
  if (explicit && explicit.username !== '' && explicit.password !== '') return explicit;
  return dockerConfigCredentials(registry, dockerConfigPath);
}
