// verify-artifact: artifacts (files or digests) + a provenance file + a policy → PASSED/FAILED.
import { ProvenanceError } from '../../errors.js';
import { selectPassingEnvelope } from '../policy/select-envelope.js';
import { parseArgs, single } from './args.js';
import { resolveArtifact } from './artifact-digest.js';
import { VERIFY_ARTIFACT_HELP } from './help.js';
import { POLICY_FLAGS, readPolicy } from './policy-flags.js';
import {
  failReport,
  passReport,
  processOutput,
  writeFail,
  writePass,
  type Output
} from './report.js';

const COMMAND = 'verify-artifact';

export async function verifyArtifactCommand(
  argv: string[],
  out: Output = processOutput
): Promise<number> {
  const args = parseArgs(
    argv,
    { values: { ...POLICY_FLAGS.values, 'provenance-path': {} }, booleans: POLICY_FLAGS.booleans },
    COMMAND
  );
  if (args.booleans.has('help')) {
    out.stdout(VERIFY_ARTIFACT_HELP);
    return 0;
  }
  const json = args.booleans.has('json');
  try {
    if (args.positionals.length === 0)
      throw new ProvenanceError(
        'INPUT_INVALID',
        `${COMMAND}: expected at least one ARTIFACT (a file or sha256:HEX), found none`
      );
    const provenancePath = single(args, 'provenance-path');
    if (provenancePath === undefined)
      throw new ProvenanceError('INPUT_INVALID', `${COMMAND}: --provenance-path is required`);
    // The Sigstore libraries load only once a verification really runs (not for --help).
    const { loadTrust, readProvenanceFile, verifyEnvelopes } = await import('./core-bridge.js');
    const artifacts = await Promise.all(args.positionals.map(resolveArtifact));
    const policy = readPolicy(args, COMMAND, artifacts);
    const [bytes, trust] = await Promise.all([
      readProvenanceFile(provenancePath),
      loadTrust(single(args, 'trusted-root'), args.booleans.has('online'))
    ]);
    const pass = selectPassingEnvelope(await verifyEnvelopes(bytes, trust, provenancePath), policy);
    const statement = args.booleans.has('print-provenance') ? pass.envelope.payload : undefined;
    writePass(out, passReport(COMMAND, args.positionals, provenancePath, pass), {
      json,
      statement
    });
    return 0;
  } catch (error) {
    if (!(error instanceof ProvenanceError)) throw error;
    writeFail(out, failReport(COMMAND, args.positionals, error.code, error.message), json);
    return 1;
  }
}
