// Our bundles always carry the fields sigstore's protobuf-specs mark REQUIRED even when they
// hold proto3 defaults (the first entry of a log: index 0, a one-leaf tree without proof
// hashes). sigstore-python 4 refuses a bundle without them; `npm run test:interop` found it.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import { bundleJson } from '../../src/publish/bundle-json.js';

// A real slsa-github-generator v2.1.0 bundle (see __fixtures__/verify-core/README.md), turned
// into what a fresh log gives its first entry.
function firstEntryOfAFreshLog(): ReturnType<typeof bundleFromJSON> {
  const json = JSON.parse(
    readFileSync('__fixtures__/verify-core/generic-v2.1.0.intoto.jsonl', 'utf8').split('\n')[0]!
  ) as {
    verificationMaterial: {
      tlogEntries: {
        logIndex: string;
        inclusionProof: { logIndex: string; hashes: string[]; treeSize: string };
      }[];
    };
  };
  const entry = json.verificationMaterial.tlogEntries[0]!;
  entry.logIndex = '0';
  entry.inclusionProof.logIndex = '0';
  entry.inclusionProof.treeSize = '1';
  entry.inclusionProof.hashes = [];
  return bundleFromJSON(json);
}

describe('bundleJson', () => {
  it('writes logIndex and the inclusion proof fields even when they are zero or empty', () => {
    const bundle = firstEntryOfAFreshLog();
    // What @sigstore/bundle alone writes: proto3 leaves the defaults out.
    const plain = bundleToJSON(bundle).verificationMaterial.tlogEntries[0]!;
    expect(Object.keys(plain)).not.toContain('logIndex');
    const entry = bundleJson(bundle).verificationMaterial.tlogEntries[0]!;
    expect(entry.logIndex).toBe('0');
    expect(entry.inclusionProof?.logIndex).toBe('0');
    expect(entry.inclusionProof?.hashes).toEqual([]);
  });

  it('leaves every other bundle exactly as @sigstore/bundle writes it', () => {
    const bundle = bundleFromJSON(
      JSON.parse(
        readFileSync('__fixtures__/verify-core/generic-v2.1.0.intoto.jsonl', 'utf8').split('\n')[0]!
      )
    );
    expect(bundleJson(bundle)).toEqual(bundleToJSON(bundle));
  });
});
