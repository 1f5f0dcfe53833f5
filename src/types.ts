// Types shared by every stage: the generator pipeline and the verifier speak the same language.

export type DigestAlgorithm = 'sha256' | 'sha512';

/** An in-toto ResourceDescriptor restricted to what a subject needs. */
export interface Subject {
  name: string;
  digest: Partial<Record<DigestAlgorithm, string>>;
}

/** Everything the predicate says about the run, taken from the platform (never from the tenant). */
export interface BuildContext {
  serverUrl: string; // https://github.com
  repository: string; // owner/name
  repositoryId: string;
  repositoryOwnerId: string;
  ref: string; // refs/heads/main, refs/tags/v1
  sha: string; // source commit
  workflowRef: string; // owner/name/.github/workflows/release.yml@refs/tags/v1 (the caller workflow)
  workflowPath: string; // .github/workflows/release.yml (from the REST API run attempt)
  jobWorkflowRef: string; // the reusable workflow that runs this job (our builder)
  jobWorkflowSha: string;
  eventName: string;
  runId: string;
  runAttempt: string;
  runnerEnvironment: 'github-hosted' | 'self-hosted';
  startedOn: string; // RFC 3339, run attempt start from the REST API
  /** workflow_dispatch inputs, when the event is workflow_dispatch (from the event payload). */
  inputs?: Record<string, unknown>;
  /** Non-default release body parameters, when the event is release (from the event payload). */
  release?: Record<string, unknown>;
}

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const BUILD_TYPE_WORKFLOW_V1 =
  'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1';
export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface ResourceDescriptor {
  uri?: string;
  name?: string;
  digest?: Record<string, string>;
}

export interface ProvenancePredicateV1 {
  buildDefinition: {
    buildType: string;
    externalParameters: {
      workflow: { ref: string; repository: string; path: string };
      inputs?: Record<string, unknown>;
      release?: Record<string, unknown>;
    };
    internalParameters: {
      github: {
        event_name: string;
        repository_id: string;
        repository_owner_id: string;
        runner_environment: string;
      };
    };
    resolvedDependencies: ResourceDescriptor[];
  };
  runDetails: {
    builder: { id: string };
    metadata: { invocationId: string; startedOn: string; finishedOn?: string };
  };
}

export interface Statement<P = unknown> {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: string;
  predicate: P;
}
