// Where the build ran and for which deployment environment, from the certificate:
// - runner environment (Fulcio .1.11, github-hosted / self-hosted) must agree with what the
//   predicate records; gh's --deny-self-hosted-runners requires github-hosted (cli/cli
//   pkg/cmd/attestation/verify/policy.go buildVerifyCertIdOption: RunnerEnvironment
//   "github-hosted" must match, so a certificate without the extension fails too);
// - deployment environment (Fulcio .1.23, the token's `environment` claim): with
//   --deployment-environment NAME it must be exactly NAME.
import type { FulcioExtensions } from '../core/types.js';
import type { ProvenanceView } from '../provenance/index.js';
import { mismatch } from './policy-error.js';

export interface EnvironmentPolicy {
  denySelfHostedRunners?: boolean;
  deploymentEnvironment?: string;
}

export interface EnvironmentFacts {
  runnerEnvironment?: string;
  deploymentEnvironment?: string;
}

export function checkEnvironment(
  extensions: FulcioExtensions,
  provenance: ProvenanceView,
  policy: EnvironmentPolicy
): EnvironmentFacts {
  const runner = extensions.runnerEnvironment;
  if (
    runner !== undefined &&
    provenance.runnerEnvironment !== undefined &&
    runner !== provenance.runnerEnvironment
  )
    throw mismatch(
      'predicate runner environment',
      `${runner} (from the certificate)`,
      provenance.runnerEnvironment
    );
  if (policy.denySelfHostedRunners && runner !== 'github-hosted')
    throw mismatch(
      'runner environment (--deny-self-hosted-runners)',
      'github-hosted',
      runner ?? 'none (the certificate does not say)'
    );
  const deployment = extensions.deploymentEnvironment;
  if (policy.deploymentEnvironment !== undefined && deployment !== policy.deploymentEnvironment)
    throw mismatch(
      'deployment environment',
      JSON.stringify(policy.deploymentEnvironment),
      deployment === undefined
        ? 'none (the certificate has no Fulcio .1.23 extension)'
        : JSON.stringify(deployment)
    );
  return {
    ...(runner === undefined ? {} : { runnerEnvironment: runner }),
    ...(deployment === undefined ? {} : { deploymentEnvironment: deployment })
  };
}
