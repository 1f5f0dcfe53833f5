// Verifier throughput: bundles per second through our verifier core (verifyProvenanceFile)
// against a bare @sigstore/verify loop over the same sandbox-signed bundles and trusted root.
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import type { Sandbox } from '../../sandbox/index.js';
import { signStatements } from '../../src/signing/sign.js';
import { verifyProvenanceFile } from '../../src/verify/core/index.js';
import { buildTrustMaterial, parseTrustedRoot } from '../../src/verify/trust/index.js';
import { median } from '../stats.js';
import { subjectLine } from './subjects.js';

export interface VerifyResult {
  bundles: number;
  runs: number;
  oursPerSecond: number;
  barePerSecond: number;
}

function statement(i: number): Buffer {
  const subject = Array.from({ length: 8 }, (_, k) => {
    const [digest, name] = subjectLine(i * 8 + k).split('  ');
    return { name, digest: { sha256: digest } };
  });
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject,
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition: { buildType: 'https://example.com/bench' }, runDetails: {} }
    })
  );
}

export async function benchVerify(
  sandbox: Sandbox,
  options: { bundles: number; runs: number; log: (s: string) => void }
): Promise<VerifyResult> {
  const signed = await signStatements(
    Array.from({ length: options.bundles }, (_, i) => statement(i)),
    {
      instance: {
        name: 'custom',
        fulcioUrl: sandbox.urls.fulcio,
        rekorUrl: sandbox.urls.rekor,
        tsaUrl: sandbox.urls.tsa
      },
      getToken: async () => sandbox.mintToken({ audience: 'sigstore' })
    }
  );
  const lines = signed.map((b) => JSON.stringify(bundleToJSON(b)));
  const file = Buffer.from(`${lines.join('\n')}\n`);

  const ourTrust = buildTrustMaterial(
    parseTrustedRoot(sandbox.trustedRoot, 'sandbox trusted root')
  );
  const ours = async () => {
    const t = performance.now();
    const result = await verifyProvenanceFile(file, {
      trustMaterial: ourTrust,
      origin: 'bench.intoto.jsonl'
    });
    const elapsed = performance.now() - t;
    if (result.verified.length !== options.bundles) throw new Error('verifier skipped bundles');
    return elapsed;
  };

  const bareTrust = toTrustMaterial(TrustedRoot.fromJSON(sandbox.trustedRoot));
  const bare = () => {
    const t = performance.now();
    // The same work a consumer does: parse each line, rebuild the bundle, verify it.
    const verifier = new Verifier(bareTrust, {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1
    });
    for (const line of file.toString('utf8').split('\n')) {
      if (line === '') continue;
      verifier.verify(toSignedEntity(bundleFromJSON(JSON.parse(line))));
    }
    return performance.now() - t;
  };

  await ours();
  bare();
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  // Interleaved so drift (GC, thermal) hits both alike.
  for (let i = 0; i < options.runs; i++) {
    oursMs.push(await ours());
    bareMs.push(bare());
  }
  const result = {
    bundles: options.bundles,
    runs: options.runs,
    oursPerSecond: (options.bundles / median(oursMs)) * 1000,
    barePerSecond: (options.bundles / median(bareMs)) * 1000
  };
  options.log(
    `  verify ${options.bundles} bundles: ours ${result.oursPerSecond.toFixed(0)}/s, bare ${result.barePerSecond.toFixed(0)}/s`
  );
  return result;
}
