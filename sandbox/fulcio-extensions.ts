// What real Fulcio writes into a certificate for a GitHub Actions token: the SAN is the
// workflow that runs the job (`<server>/<job_workflow_ref>`), and the claims go into
// Fulcio's OID arc 1.3.6.1.4.1.57264.1 (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md).
// Extensions .8 and up are DER UTF8Strings; .1-.6 are the deprecated raw-bytes forms,
// still issued by Fulcio and still read by older verifiers.
import type { ExtensionValue } from '@sigstore/mock/dist/fulcio/ca.js';

export const FULCIO_OID = {
  issuerV1: '1.3.6.1.4.1.57264.1.1',
  triggerV1: '1.3.6.1.4.1.57264.1.2',
  shaV1: '1.3.6.1.4.1.57264.1.3',
  workflowNameV1: '1.3.6.1.4.1.57264.1.4',
  repositoryV1: '1.3.6.1.4.1.57264.1.5',
  refV1: '1.3.6.1.4.1.57264.1.6',
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  buildSignerDigest: '1.3.6.1.4.1.57264.1.10',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  sourceRepositoryIdentifier: '1.3.6.1.4.1.57264.1.15',
  sourceRepositoryOwnerUri: '1.3.6.1.4.1.57264.1.16',
  sourceRepositoryOwnerIdentifier: '1.3.6.1.4.1.57264.1.17',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
  buildConfigDigest: '1.3.6.1.4.1.57264.1.19',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
  runInvocationUri: '1.3.6.1.4.1.57264.1.21',
  sourceRepositoryVisibility: '1.3.6.1.4.1.57264.1.22',
  deploymentEnvironment: '1.3.6.1.4.1.57264.1.23',
  tokenSubject: '1.3.6.1.4.1.57264.1.24'
} as const;

const REQUIRED_CLAIMS = [
  'iss',
  'job_workflow_ref',
  'job_workflow_sha',
  'runner_environment',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'sha',
  'ref',
  'workflow',
  'workflow_ref',
  'workflow_sha',
  'event_name',
  'run_id',
  'run_attempt',
  'repository_visibility'
] as const;

type RequiredClaim = (typeof REQUIRED_CLAIMS)[number];

export class MissingClaim extends Error {}

export function githubCertificateExtensions(
  claims: Record<string, unknown>,
  serverUrl: string
): { subjectAltName: string; extensions: ExtensionValue[] } {
  const c = {} as Record<RequiredClaim, string>;
  for (const name of REQUIRED_CLAIMS) {
    const value = claims[name];
    if (typeof value !== 'string' || value === '')
      throw new MissingClaim(
        `GitHub token is missing the ${name} claim (expected a non-empty string)`
      );
    c[name] = value;
  }
  const url = (path: string) => `${serverUrl}/${path}`;
  const legacy = (oid: string, value: string): ExtensionValue => ({ oid, value, legacy: true });
  const utf8 = (oid: string, value: string): ExtensionValue => ({ oid, value });
  const optional = (oid: string, value: unknown): ExtensionValue[] =>
    typeof value === 'string' && value !== '' ? [utf8(oid, value)] : [];
  return {
    subjectAltName: url(c.job_workflow_ref),
    extensions: [
      legacy(FULCIO_OID.issuerV1, c.iss),
      legacy(FULCIO_OID.triggerV1, c.event_name),
      legacy(FULCIO_OID.shaV1, c.sha),
      legacy(FULCIO_OID.workflowNameV1, c.workflow),
      legacy(FULCIO_OID.repositoryV1, c.repository),
      legacy(FULCIO_OID.refV1, c.ref),
      utf8(FULCIO_OID.issuer, c.iss),
      utf8(FULCIO_OID.buildSignerUri, url(c.job_workflow_ref)),
      utf8(FULCIO_OID.buildSignerDigest, c.job_workflow_sha),
      utf8(FULCIO_OID.runnerEnvironment, c.runner_environment),
      utf8(FULCIO_OID.sourceRepositoryUri, url(c.repository)),
      utf8(FULCIO_OID.sourceRepositoryDigest, c.sha),
      utf8(FULCIO_OID.sourceRepositoryRef, c.ref),
      utf8(FULCIO_OID.sourceRepositoryIdentifier, c.repository_id),
      utf8(FULCIO_OID.sourceRepositoryOwnerUri, url(c.repository_owner)),
      utf8(FULCIO_OID.sourceRepositoryOwnerIdentifier, c.repository_owner_id),
      utf8(FULCIO_OID.buildConfigUri, url(c.workflow_ref)),
      utf8(FULCIO_OID.buildConfigDigest, c.workflow_sha),
      utf8(FULCIO_OID.buildTrigger, c.event_name),
      utf8(
        FULCIO_OID.runInvocationUri,
        url(`${c.repository}/actions/runs/${c.run_id}/attempts/${c.run_attempt}`)
      ),
      utf8(FULCIO_OID.sourceRepositoryVisibility, c.repository_visibility),
      // As current Fulcio does (pkg/certificate/extensions.go; config/identity/config.yaml maps
      // `deployment-environment` to the optional `environment` claim, and the ciprovider
      // principal puts the token's raw `sub` in Subject): written only when non-empty, as
      // UTF8Strings, .23 before .24.
      ...optional(FULCIO_OID.deploymentEnvironment, claims['environment']),
      ...optional(FULCIO_OID.tokenSubject, claims['sub'])
    ]
  };
}
