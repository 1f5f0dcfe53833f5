// IMAGE@sha256:HEX → registry host, repository and digest. Only digest references are
// accepted: a tag can move, so verifying "the image behind a tag" proves nothing later.
import { ProvenanceError } from '../../../errors.js';

export interface ImageReference {
  /** host[:port] as written (docker.io for Docker Hub). */
  registry: string;
  repository: string;
  digest: string;
  hex: string;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const REPOSITORY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

export function parseImageReference(text: string): ImageReference {
  const at = text.lastIndexOf('@');
  const digest = at === -1 ? '' : text.slice(at + 1);
  if (!DIGEST.test(digest)) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `image: expected IMAGE@sha256:<64 hex>, found ${JSON.stringify(text)}`
    );
  }
  let name = text.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) name = name.slice(0, colon); // drop a tag written before the digest
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  const registry = hasHost ? first : 'docker.io';
  let repository = hasHost ? name.slice(slash + 1) : name;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (!REPOSITORY.test(repository)) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `image: expected a repository name like OWNER/NAME, found ${JSON.stringify(repository)}`
    );
  }
  return { registry, repository, digest, hex: digest.slice('sha256:'.length) };
}

/** Where the registry API lives: Docker Hub's API host differs from its name. */
export function registryBaseUrl(registry: string): string {
  if (registry === 'docker.io' || registry === 'index.docker.io')
    return 'https://registry-1.docker.io';
  const host = registry.replace(/:\d+$/, '');
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  return `${loopback ? 'http' : 'https'}://${registry}`;
}
