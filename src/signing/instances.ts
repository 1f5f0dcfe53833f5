// Which Sigstore instance signs. Pure: inputs in, URLs out.
import { ProvenanceError } from '../errors.js';

export type InstanceName = 'public-good' | 'github' | 'custom';

export interface SigstoreInstance {
  name: InstanceName;
  fulcioUrl: string;
  /** Absent: no transparency log (GitHub's instance); then a TSA must give the time. */
  rekorUrl?: string;
  tsaUrl?: string;
}

export const PUBLIC_GOOD: SigstoreInstance = {
  name: 'public-good',
  fulcioUrl: 'https://fulcio.sigstore.dev',
  rekorUrl: 'https://rekor.sigstore.dev'
};

// GitHub's own instance: no public log, so private repository names never leave GitHub.
export const GITHUB_INSTANCE: SigstoreInstance = {
  name: 'github',
  fulcioUrl: 'https://fulcio.githubapp.com',
  tsaUrl: 'https://timestamp.githubapp.com/api/v1/timestamp'
};

export interface InstanceInputs {
  instance: string; // '' = choose by repository visibility
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  repositoryIsPrivate: boolean;
  /** The caller accepts that a private repository's name lands in the public Rekor log. */
  allowPublicLogForPrivate: boolean;
}

function checkUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${field}: expected an absolute URL, found "${value}"`
    );
  }
  const loopback =
    url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `${field}: expected an https:// URL (http only on loopback), found "${value}"`
    );
  }
  return value.replace(/\/+$/, '');
}

export function resolveInstance(inputs: InstanceInputs): SigstoreInstance {
  const anyUrl = inputs.fulcioUrl || inputs.rekorUrl || inputs.tsaUrl;
  let name = inputs.instance.trim();
  if (name === '') name = anyUrl ? 'custom' : inputs.repositoryIsPrivate ? 'github' : 'public-good';

  switch (name) {
    case 'public-good':
      if (inputs.repositoryIsPrivate && !inputs.allowPublicLogForPrivate) {
        throw new ProvenanceError(
          'INPUT_INVALID',
          "sigstore-instance: public-good would publish this private repository's name in the public Rekor log; use sigstore-instance: github, or set private-repository: true to accept that"
        );
      }
      return PUBLIC_GOOD;
    case 'github':
      return GITHUB_INSTANCE;
    case 'custom': {
      if (!inputs.fulcioUrl)
        throw new ProvenanceError(
          'INPUT_INVALID',
          'sigstore-instance custom: fulcio-url is required'
        );
      if (!inputs.rekorUrl && !inputs.tsaUrl) {
        // Without a log entry or a timestamp nothing proves when the short-lived cert was used.
        throw new ProvenanceError(
          'INPUT_INVALID',
          'sigstore-instance custom: set rekor-url or tsa-url (or both); a signature with neither cannot be verified'
        );
      }
      return {
        name: 'custom',
        fulcioUrl: checkUrl('fulcio-url', inputs.fulcioUrl),
        ...(inputs.rekorUrl ? { rekorUrl: checkUrl('rekor-url', inputs.rekorUrl) } : {}),
        ...(inputs.tsaUrl ? { tsaUrl: checkUrl('tsa-url', inputs.tsaUrl) } : {})
      };
    }
    default:
      throw new ProvenanceError(
        'INPUT_INVALID',
        `sigstore-instance: expected public-good, github or custom, found "${name}"`
      );
  }
}
