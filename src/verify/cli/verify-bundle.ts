// `verify-bundle`: the sigstore-conformance client protocol.
//   verify-bundle --bundle B (--certificate-identity I --certificate-oidc-issuer U | --key K)
//                 [--trusted-root TR] FILE|sha256:HEX
// Exit 0 only when the bundle verifies for that artifact and identity (or key).
import { readFile } from 'node:fs/promises';
import { ProvenanceError, describeError, isProvenanceError } from '../../errors.js';
import { parseArtifactDigest, type ArtifactInput } from '../core/artifact.js';
import { parseSigstoreBundle } from '../core/parse-bundle.js';
import { verifyParsedBundle } from '../core/verify-sigstore-bundle.js';
import type { VerifiedEnvelope } from '../core/types.js';
import { buildTrustMaterial, loadTrustedRoot } from '../trust/index.js';

export interface VerifyBundleArgs {
  bundle: string;
  artifact: string;
  certificateIdentity?: string;
  certificateOidcIssuer?: string;
  key?: string;
  trustedRoot?: string;
}

const VALUE_FLAGS: Record<string, keyof VerifyBundleArgs> = {
  '--bundle': 'bundle',
  '--certificate-identity': 'certificateIdentity',
  '--certificate-oidc-issuer': 'certificateOidcIssuer',
  '--key': 'key',
  '--trusted-root': 'trustedRoot'
};

export function parseVerifyBundleArgs(argv: string[]): VerifyBundleArgs {
  const args = argv[0] === 'verify-bundle' ? argv.slice(1) : argv;
  const found: Partial<VerifyBundleArgs> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const field = VALUE_FLAGS[flag];
    if (field) {
      const value = eq > 0 && flag !== arg ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw usage(`${flag} needs a value`);
      if (found[field] !== undefined) throw usage(`${flag} given twice`);
      found[field] = value;
    } else if (arg.startsWith('--')) {
      throw usage(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (!found.bundle) throw usage('--bundle is required');
  if (positional.length !== 1)
    throw usage(`expected exactly one artifact (FILE or sha256:HEX), found ${positional.length}`);
  const identityGiven =
    found.certificateIdentity !== undefined || found.certificateOidcIssuer !== undefined;
  if (found.key !== undefined && identityGiven)
    throw usage('use either --key or --certificate-identity/--certificate-oidc-issuer');
  if (found.key === undefined && (!found.certificateIdentity || !found.certificateOidcIssuer)) {
    throw usage(
      '--certificate-identity and --certificate-oidc-issuer are both required (or --key)'
    );
  }
  return { ...found, bundle: found.bundle, artifact: positional[0] as string };
}

function usage(problem: string): ProvenanceError {
  return new ProvenanceError(
    'INPUT_INVALID',
    `${problem}. Usage: verify-bundle --bundle B (--certificate-identity I --certificate-oidc-issuer U | --key K) [--trusted-root TR] FILE|sha256:HEX`
  );
}

export async function runVerifyBundle(args: VerifyBundleArgs): Promise<VerifiedEnvelope> {
  const root = await loadTrustedRoot(args.trustedRoot ? { trustedRootPath: args.trustedRoot } : {});
  const key = args.key ? await readInput(args.key, 'key') : undefined;
  const trustMaterial = buildTrustMaterial(
    root,
    key ? { anyHintKey: { keyId: '', publicKey: key.toString('utf8') } } : {}
  );
  const artifact = await readArtifact(args.artifact);

  const bundleBytes = await readInput(args.bundle, 'bundle');
  let json: unknown;
  try {
    json = JSON.parse(bundleBytes.toString('utf8'));
  } catch (e) {
    throw new ProvenanceError('FORMAT_INVALID', `${args.bundle}: not JSON: ${describeError(e)}`);
  }
  const parsed = parseSigstoreBundle(json, args.bundle);
  const material = parsed.bundle.verificationMaterial.content.$case;
  if (key && material !== 'publicKey') {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      `--key given, but the bundle is signed with a ${material}, not a public key`
    );
  }
  if (!key && material === 'publicKey') {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      'the bundle is signed with a public key; pass it with --key'
    );
  }
  const envelope = verifyParsedBundle(parsed, { trustMaterial, artifact, origin: args.bundle });
  if (!key) checkIdentity(envelope, args);
  return envelope;
}

function checkIdentity(envelope: VerifiedEnvelope, args: VerifyBundleArgs): void {
  if (envelope.signer.kind !== 'certificate') {
    throw new ProvenanceError('VERIFY_FAILED', 'expected a certificate signer');
  }
  const { subjectAlternativeName, issuer } = envelope.signer.identity;
  if (subjectAlternativeName !== args.certificateIdentity) {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      `certificate identity mismatch: expected ${args.certificateIdentity}, found ${subjectAlternativeName ?? '(none)'}`
    );
  }
  if (issuer !== args.certificateOidcIssuer) {
    throw new ProvenanceError(
      'VERIFY_FAILED',
      `OIDC issuer mismatch: expected ${args.certificateOidcIssuer}, found ${issuer ?? '(none)'}`
    );
  }
}

async function readArtifact(spec: string): Promise<ArtifactInput> {
  if (/^sha(256|384|512):/.test(spec)) return parseArtifactDigest(spec);
  return { kind: 'bytes', bytes: await readInput(spec, 'artifact') };
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new ProvenanceError('INPUT_INVALID', `cannot read ${what} ${path}: ${describeError(e)}`);
  }
}

export const VERIFY_BUNDLE_USAGE = `Usage: verify-bundle --bundle B (--certificate-identity I --certificate-oidc-issuer U | --key K)
                     [--trusted-root TR] FILE|sha256:HEX

Verifies one Sigstore bundle (v0.1-v0.3) for an artifact, offline, against the embedded
public-good trusted root (or TR). Exit 0 = valid; anything else = invalid.
`;

/** Runs the command; returns the exit code (0 = valid). Never throws. */
export async function verifyBundleCommand(
  argv: string[],
  stderr: (line: string) => void = (l) => process.stderr.write(l + '\n')
): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(VERIFY_BUNDLE_USAGE);
    return 0;
  }
  try {
    const envelope = await runVerifyBundle(parseVerifyBundleArgs(argv));
    const who =
      envelope.signer.kind === 'certificate'
        ? envelope.signer.identity.subjectAlternativeName
        : `key ${envelope.signer.keyId ?? ''}`.trim();
    stderr(`PASSED: ${envelope.format} signed by ${who}`);
    return 0;
  } catch (e) {
    stderr(`FAILED: ${isProvenanceError(e) ? `[${e.code}] ${e.message}` : describeError(e)}`);
    return isProvenanceError(e) && e.code === 'INPUT_INVALID' ? 2 : 1;
  }
}
