// Parses an image reference `registry/name@sha256:<hex>`, for the publisher and the verifier
// alike. Only digests are accepted: a tag can move, so an attestation (or a verification) must
// name the exact content, never "whatever the tag points at now".
import { ProvenanceError } from '../errors.js';

export interface ImageReference {
  /** Host (and port) as written, e.g. ghcr.io, 127.0.0.1:5000; docker.io for Docker Hub. */
  registry: string;
  /** Host the distribution API is served from (docker.io → registry-1.docker.io). */
  apiHost: string;
  repository: string;
  /** sha256:<64 hex> */
  digest: string;
  /** `sha256-<hex>`: the tag-schema name cosign and the referrers fallback derive from it. */
  digestTag: string;
}

const EXPECTED = 'image: expected IMAGE@sha256:<64 hex>';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
// distribution/reference's path grammar: lowercase components separated by . _ __ or dashes
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

function invalid(image: string, problem: string): ProvenanceError {
  return new ProvenanceError(
    'INPUT_INVALID',
    `${EXPECTED}, found ${JSON.stringify(image)}: ${problem}`
  );
}

function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

export function parseImageReference(image: string): ImageReference {
  const trimmed = image.trim();
  if (trimmed === '')
    throw new ProvenanceError('INPUT_INVALID', `${EXPECTED}, found an empty string`);
  const at = trimmed.indexOf('@');
  if (at < 0) {
    const hasTag = trimmed.slice(trimmed.lastIndexOf('/') + 1).includes(':');
    if (hasTag)
      throw invalid(
        image,
        'tags are refused because they can move; pass the digest instead (e.g. the `digest` output of docker/build-push-action)'
      );
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${EXPECTED}, found no digest in ${JSON.stringify(image)}; pass the image digest`
    );
  }
  const digest = trimmed.slice(at + 1);
  if (!DIGEST.test(digest))
    throw invalid(
      image,
      `digest must be sha256: followed by 64 lowercase hex characters, found "${digest.slice(0, 80)}"`
    );
  let name = trimmed.slice(0, at);
  // NAME:tag@digest is allowed by the grammar; the digest wins and the tag is dropped
  const tagColon = name.lastIndexOf(':');
  if (tagColon > name.lastIndexOf('/')) name = name.slice(0, tagColon);

  const parts = name.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && looksLikeHost(parts[0] ?? '')) registry = parts.shift() ?? registry;
  if (!HOST.test(registry)) throw invalid(image, `"${registry}" is not a valid registry host`);
  if (DOCKER_HUB.has(registry)) {
    registry = 'docker.io';
    if (parts.length === 1) parts.unshift('library');
  }
  for (const part of parts)
    if (!PATH_COMPONENT.test(part))
      throw invalid(
        image,
        `repository path component "${part}" must be lowercase letters, digits and separators (. _ -)`
      );
  return {
    registry,
    apiHost: registry === 'docker.io' ? 'registry-1.docker.io' : registry,
    repository: parts.join('/'),
    digest,
    digestTag: digest.replace(':', '-')
  };
}

/**
 * Where the registry API lives. Plain HTTP for loopback registries only, HTTPS for everything
 * else; Docker Hub's API host differs from its name.
 */
export function registryBaseUrl(registry: string): string {
  if (DOCKER_HUB.has(registry)) return 'https://registry-1.docker.io';
  const hostname = registry.replace(/:[0-9]+$/, '');
  return `${isLoopbackHost(hostname) ? 'http' : 'https'}://${registry}`;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}
