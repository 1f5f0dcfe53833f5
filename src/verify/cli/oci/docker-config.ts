// Registry credentials the way docker finds them: $DOCKER_CONFIG/config.json or
// ~/.docker/config.json, `auths` keyed by registry host (Docker Hub also as its v1 URL),
// each with base64 `auth` = user:password or explicit username/password.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ProvenanceError } from '../../../errors.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

export async function credentialsFor(
  registry: string,
  configPath = dockerConfigPath()
): Promise<RegistryCredentials | undefined> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    return undefined; // no docker config: anonymous access
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
  const auths = (config as { auths?: unknown }).auths;
  if (typeof auths !== 'object' || auths === null) return undefined;
  for (const key of candidateKeys(registry)) {
    const entry = (auths as Record<string, unknown>)[key];
    if (typeof entry === 'object' && entry !== null)
      return readEntry(entry as Record<string, unknown>, key, configPath);
  }
  return undefined;
}

function candidateKeys(registry: string): string[] {
  if (registry === 'docker.io')
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`
  ];
}

function readEntry(
  entry: Record<string, unknown>,
  key: string,
  configPath: string
): RegistryCredentials | undefined {
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `docker config ${configPath}: auths["${key}"].auth: expected base64 of user:password`
      );
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password };
  }
  return undefined;
}
