// Parses an image reference `registry/name@sha256:<hex>`. Only digests are accepted: a tag can
// move between the build and the attestation, and the attestation must name what was built.
import { ProvenanceError } from '../../errors.js';

export interface ImageReference {
  /** Host (and port) as written, e.g. ghcr.io, 127.0.0.1:5000, docker.io */
  registry: string;
  /** Host the distribution API is served from (docker.io → registry-1.docker.io). */
  apiHost: string;
  repository: string;
  digest: string;
  /** `sha256-<hex>`: the tag-schema name cosign and the referrers fallback derive from it. */
  digestTag: string;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
// distribution/reference's path grammar: lowercase components separated by . _ __ or dashes
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

function invalid(image: string, problem: string): ProvenanceError {
  return new ProvenanceError('INPUT_INVALID', `image reference "${image}": ${problem}`);
}

function looksLikeHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

export function parseImageReference(image: string): ImageReference {
  const trimmed = image.trim();
  if (trimmed === '') throw invalid(image, 'expected NAME@sha256:<64 hex>, found an empty string');
  const at = trimmed.indexOf('@');
  if (at < 0) {
    const lastSlash = trimmed.lastIndexOf('/');
    const hasTag = trimmed.slice(lastSlash + 1).includes(':');
    throw invalid(
      image,
      hasTag
        ? 'tags are refused because they can move; pass the digest instead (NAME@sha256:<64 hex>, e.g. the `digest` output of docker/build-push-action)'
        : 'expected NAME@sha256:<64 hex>, found no digest; pass the image digest'
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

/** Plain HTTP is allowed for loopback registries only; everything else is HTTPS. */
export function registryBaseUrl(apiHost: string): string {
  const hostname = apiHost.replace(/:[0-9]+$/, '');
  const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return `${loopback ? 'http' : 'https'}://${apiHost}`;
}

/** More images than this in one run is a mistake in the input, not a real release. */
export const MAX_IMAGES = 100;

/** The `images` input: one `name@sha256:<hex>` per line; blank lines ignored, duplicates dropped. */
export function parseImageList(text: string): ImageReference[] {
  const seen = new Set<string>();
  const images: ImageReference[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const ref = parseImageReference(line);
    const key = `${ref.registry}/${ref.repository}@${ref.digest}`;
    if (seen.has(key)) continue;
    seen.add(key);
    images.push(ref);
    if (images.length > MAX_IMAGES)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `images: expected at most ${MAX_IMAGES} image references, found more`
      );
  }
  if (images.length === 0)
    throw new ProvenanceError(
      'INPUT_INVALID',
      'images: expected at least one NAME@sha256:<64 hex> line, found none'
    );
  return images;
}
