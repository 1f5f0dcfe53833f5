// The one way a signed bundle becomes JSON in anything we publish.
// @sigstore/bundle's bundleToJSON follows proto3 JSON and leaves out fields that hold their
// default value, but sigstore's protobuf-specs (sigstore_rekor.proto) mark
// TransparencyLogEntry.log_index and InclusionProof.{log_index, hashes} REQUIRED, and
// sigstore-python 4 refuses a bundle without them ("Field required"). They are zero or empty
// exactly for the first entry of a log (index 0, a one-leaf tree with no proof hashes), which is
// rare on rekor.sigstore.dev and certain on a fresh private instance — found by
// `npm run test:interop`, where sigstore-python refused our first bundle. So they are always
// written out.
import { bundleToJSON, type Bundle } from '@sigstore/bundle';

export type BundleJson = ReturnType<typeof bundleToJSON>;

export function bundleJson(bundle: Bundle): BundleJson {
  const json = bundleToJSON(bundle);
  for (const entry of json.verificationMaterial.tlogEntries ?? []) {
    entry.logIndex ??= '0';
    if (entry.inclusionProof) {
      entry.inclusionProof.logIndex ??= '0';
      entry.inclusionProof.hashes ??= [];
    }
  }
  return json;
}
