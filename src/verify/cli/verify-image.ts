// verify-image: IMAGE@sha256:… → every provenance attestation found in the registry is
// verified cryptographically; the image passes when one of them passes the policy with the
// image digest among its subjects. Attestations that fail to verify are reported, not skipped
// silently, when nothing passes.
import { ProvenanceError, describeError } from '../../errors.js';
import type { VerifiedEnvelope } from '../core/types.js';
import { selectPassingEnvelope } from '../policy/select-envelope.js';
import { parseArgs, single } from './args.js';
import type { TrustMaterial } from './core-bridge.js';

type Bridge = typeof import('./core-bridge.js');
import { VERIFY_IMAGE_HELP } from './help.js';
import { dockerConfigCredentials } from '../../oci/credentials.js';
import { RegistryClient } from '../../oci/registry-client.js';
import { findAttestations, type FoundAttestation } from './oci/find-attestations.js';
import { parseImageReference } from './oci/image-ref.js';
import { verifierWording } from './oci/registry-wording.js';
import { POLICY_FLAGS, readPolicy } from './policy-flags.js';
import {
  failReport,
  passReport,
  processOutput,
  writeFail,
  writePass,
  type Output
} from './report.js';

const COMMAND = 'verify-image';

export interface VerifyImageDependencies {
  out?: Output;
  fetch?: typeof fetch;
  dockerConfigPath?: string;
}

export async function verifyImageCommand(
  argv: string[],
  deps: VerifyImageDependencies = {}
): Promise<number> {
  const out = deps.out ?? processOutput;
  const args = parseArgs(argv, POLICY_FLAGS, COMMAND);
  if (args.booleans.has('help')) {
    out.stdout(VERIFY_IMAGE_HELP);
    return 0;
  }
  const json = args.booleans.has('json');
  try {
    if (args.positionals.length !== 1)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `${COMMAND}: expected one IMAGE@sha256:DIGEST, found ${args.positionals.length} arguments`
      );
    const image = parseImageReference(args.positionals[0] as string);
    const policy = readPolicy(
      args,
      COMMAND,
      [{ label: args.positionals[0] as string, algorithm: 'sha256', hex: image.hex }],
      'image'
    );
    const credentials = await dockerConfigCredentials(image.registry, deps.dockerConfigPath);
    const client = new RegistryClient(
      { apiHost: image.registry, repository: image.repository },
      credentials,
      { access: 'pull', wording: verifierWording, ...(deps.fetch ? { fetch: deps.fetch } : {}) }
    );
    // The Sigstore libraries load only once a verification really runs (not for --help).
    const bridge = await import('./core-bridge.js');
    const [found, trust] = await Promise.all([
      findAttestations(client, image.digest),
      bridge.loadTrust(single(args, 'trusted-root'), args.booleans.has('online'))
    ]);
    if (found.length === 0)
      throw new ProvenanceError(
        'VERIFY_FAILED',
        `image ${image.digest}: expected a provenance attestation (cosign ${image.hex.slice(0, 12)}….att or OCI referrer), found none`
      );
    const envelopes = await verifyAll(bridge, found, trust);
    const pass = selectPassingEnvelope(envelopes, policy);
    const statement = args.booleans.has('print-provenance') ? pass.envelope.payload : undefined;
    writePass(
      out,
      passReport(
        COMMAND,
        args.positionals,
        found[pass.envelope.index]?.location ?? 'registry',
        pass
      ),
      { json, statement }
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ProvenanceError)) throw error;
    writeFail(out, failReport(COMMAND, args.positionals, error.code, error.message), json);
    return 1;
  }
}

/** Verifies each attestation; `index` is rewritten to the attestation's position in `found`. */
async function verifyAll(
  bridge: Bridge,
  found: FoundAttestation[],
  trust: TrustMaterial
): Promise<VerifiedEnvelope[]> {
  const verified: VerifiedEnvelope[] = [];
  const failures: string[] = [];
  for (const [index, attestation] of found.entries()) {
    try {
      const envelopes =
        attestation.kind === 'cosign'
          ? [bridge.verifyCosignLayer({ ...attestation, origin: attestation.location }, trust)]
          : await bridge.verifyEnvelopes(attestation.bundle, trust, attestation.location);
      verified.push(...envelopes.map((envelope) => ({ ...envelope, index })));
    } catch (error) {
      if (!(error instanceof ProvenanceError)) throw error;
      failures.push(`${attestation.location}: ${describeError(error)}`);
    }
  }
  if (verified.length === 0)
    throw new ProvenanceError('VERIFY_FAILED', `no attestation verified: ${failures.join('; ')}`);
  return verified;
}
