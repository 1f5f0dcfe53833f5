// The action's inputs, read once and typed. Values are checked here only for shape; what they
// mean is checked by the stage that uses them.
import { ProvenanceError } from './errors.js';
import { GITHUB_OIDC_ISSUER } from './identity.js';

export type Isolation = 'reusable-workflow' | 'none';
export type OciFormat = 'both' | 'cosign' | 'referrers';
/** `provenance` signs; `publish` attaches an already signed .intoto.jsonl (the workflows' publish jobs). */
export type ActionMode = 'provenance' | 'publish';

export interface ActionInputs {
  mode: ActionMode;
  /** Publish mode: the sha256 the provenance job reported for the file (64 hex). */
  provenanceSha256: string;
  base64Subjects: string;
  subjectsFiles: string[];
  provenanceName: string;
  outputDirectory: string;
  sigstoreInstance: string;
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  /** `rekor-version`: the Rekor API version entries go to (checked by signing/instances.ts). */
  rekorVersion: string;
  /** `signing-config`: path of a Sigstore SigningConfig or ClientTrustConfig file. */
  signingConfig: string;
  oidcIssuer: string;
  privateRepository: boolean;
  allowSelfHostedRunners: boolean;
  isolation: Isolation;
  uploadArtifact: boolean;
  uploadAssets: boolean;
  uploadTagName: string;
  draftRelease: boolean;
  attestToGithub: boolean;
  images: string[];
  ociFormat: OciFormat;
  registryUsername: string;
  registryPassword: string;
  githubToken: string;
}

export type InputReader = (name: string) => string;

function bool(read: InputReader, name: string, fallback: boolean): boolean {
  const v = read(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new ProvenanceError(
    'INPUT_INVALID',
    `${name}: expected true or false, found "${v.slice(0, 40)}"`
  );
}

function oneOf<T extends string>(
  read: InputReader,
  name: string,
  allowed: readonly T[],
  fallback: T
): T {
  const v = read(name).trim();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ProvenanceError(
    'INPUT_INVALID',
    `${name}: expected one of ${allowed.join(', ')}, found "${v.slice(0, 40)}"`
  );
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function readInputs(read: InputReader): ActionInputs {
  return {
    mode: oneOf(read, 'mode', ['provenance', 'publish'] as const, 'provenance'),
    provenanceSha256: read('provenance-sha256').trim(),
    base64Subjects: read('base64-subjects').trim(),
    subjectsFiles: lines(read('subjects-file')),
    provenanceName: read('provenance-name').trim(),
    outputDirectory: read('output-directory').trim(),
    sigstoreInstance: read('sigstore-instance').trim(),
    fulcioUrl: read('fulcio-url').trim(),
    rekorUrl: read('rekor-url').trim(),
    tsaUrl: read('tsa-url').trim(),
    rekorVersion: read('rekor-version').trim(),
    signingConfig: read('signing-config').trim(),
    oidcIssuer: read('oidc-issuer').trim() || GITHUB_OIDC_ISSUER,
    privateRepository: bool(read, 'private-repository', false),
    allowSelfHostedRunners: bool(read, 'allow-self-hosted-runners', false),
    isolation: oneOf(
      read,
      'isolation',
      ['reusable-workflow', 'none'] as const,
      'reusable-workflow'
    ),
    uploadArtifact: bool(read, 'upload-artifact', true),
    uploadAssets: bool(read, 'upload-assets', false),
    uploadTagName: read('upload-tag-name').trim(),
    draftRelease: bool(read, 'draft-release', false),
    attestToGithub: bool(read, 'attest-to-github', false),
    images: lines(read('images')),
    ociFormat: oneOf(read, 'oci-format', ['both', 'cosign', 'referrers'] as const, 'both'),
    registryUsername: read('registry-username').trim(),
    registryPassword: read('registry-password'),
    githubToken: read('github-token').trim()
  };
}
