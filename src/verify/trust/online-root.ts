// Optional TUF refresh of the public-good trusted root. Loaded lazily so the offline verifier
// never touches the network (or even loads the TUF client) unless --online was asked for.
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { ProvenanceError, describeError } from '../../errors.js';

export interface OnlineRootOptions {
  mirrorURL?: string;
  cachePath?: string;
}

export async function fetchTrustedRootOnline(
  options: OnlineRootOptions = {}
): Promise<TrustedRoot> {
  const tuf = await import('@sigstore/tuf');
  try {
    return await tuf.getTrustedRoot({
      ...(options.mirrorURL ? { mirrorURL: options.mirrorURL } : {}),
      ...(options.cachePath ? { cachePath: options.cachePath } : {})
    });
  } catch (e) {
    throw new ProvenanceError(
      'SERVICE_UNAVAILABLE',
      `could not refresh the trusted root over TUF from ${options.mirrorURL ?? tuf.DEFAULT_MIRROR_URL}: ${describeError(e)}`
    );
  }
}
