// The action's `images` input: one `name@sha256:<hex>` per line, each parsed by the shared
// src/oci/reference.ts; blank lines ignored, duplicates dropped, the count bounded.
import { ProvenanceError } from '../../errors.js';
import { parseImageReference, type ImageReference } from '../../oci/reference.js';

/** More images than this in one run is a mistake in the input, not a real release. */
export const MAX_IMAGES = 100;

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
