// Container mode: the `images` input names the subjects. Each `registry/name@sha256:<hex>`
// becomes a subject named after the image (without the digest), as cosign and
// slsa-github-generator's container generator name them.
import type { Subject } from '../../types.js';
import { parseImageList } from './image-list.js';

export function imageSubjects(images: readonly string[]): Subject[] {
  return parseImageList(images.join('\n')).map((ref) => ({
    name: `${ref.registry}/${ref.repository}`,
    digest: { sha256: ref.digest.slice('sha256:'.length) }
  }));
}
