// The verifier's view of IMAGE@sha256:HEX, parsed by the shared src/oci/reference.ts (digest
// references only: a tag can move, so verifying "the image behind a tag" proves nothing later):
// the registry as written, the repository, the digest and the bare hex policy subjects match.
import { parseImageReference as parseReference } from '../../../oci/reference.js';

export interface ImageReference {
  /** host[:port] as written (docker.io for Docker Hub). */
  registry: string;
  repository: string;
  digest: string;
  hex: string;
}

export function parseImageReference(text: string): ImageReference {
  const { registry, repository, digest } = parseReference(text);
  return { registry, repository, digest, hex: digest.slice('sha256:'.length) };
}
