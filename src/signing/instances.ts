// Which Sigstore instance signs. Pure: inputs in, URLs out.
// Sigstore distributes service selection as a SigningConfig (signing-config.ts); the public-good
// ones are embedded (embedded-configs.ts), any other instance's comes in through `signing-config`,
// and the older fulcio-url / rekor-url / tsa-url inputs still describe a custom instance.
import { ProvenanceError } from '../errors.js';
import { publicGoodSigningConfig } from './embedded-configs.js';
import {
  CA_API_VERSIONS,
  TSA_API_VERSIONS,
  parseSigningConfig,
  selectServices,
  type SigningConfigJson
} from './signing-config.js';

export type InstanceName = 'public-good' | 'github' | 'custom';
export type RekorVersion = 1 | 2;

export interface SigstoreInstance {
  name: InstanceName;
  fulcioUrl: string;
  /** Absent: no transparency log (GitHub's instance); then a TSA must give the time. */
  rekorUrl?: string;
  /** Major API version of the Rekor log(s); absent means 1. */
  rekorVersion?: RekorVersion;
  /** Further logs a signing config's ALL / EXACT selector asks for (same API version). */
  additionalRekorUrls?: string[];
  tsaUrl?: string;
  /** Further timestamp authorities a signing config's ALL / EXACT selector asks for. */
  additionalTsaUrls?: string[];
}

/** Which log the entries go to, in words (logs, job summary). */
export function describeLog(instance: SigstoreInstance): string {
  if (!instance.rekorUrl) return 'none, RFC 3161 timestamp only';
  const urls = [instance.rekorUrl, ...(instance.additionalRekorUrls ?? [])].join(', ');
  return `Rekor v${instance.rekorVersion ?? 1} at ${urls}`;
}

/**
 * The OCI layouts a container run can write with this instance. cosign's `.att` layout stores
 * the Rekor v1 signed entry timestamp in its `dev.sigstore.cosign/bundle` annotation; a Rekor v2
 * entry has none, and GitHub's instance has no log at all, so there only the referrer (the whole
 * bundle, which cosign v3 and gh read) can carry the proof. Decided before signing: `cosign`
 * alone is refused, `both` becomes `referrers` with a note saying so.
 */
export function ociFormatFor(
  instance: SigstoreInstance,
  requested: 'both' | 'cosign' | 'referrers'
): { format: 'both' | 'cosign' | 'referrers'; note?: string } {
  const hasSet = Boolean(instance.rekorUrl) && (instance.rekorVersion ?? 1) === 1;
  if (hasSet || requested === 'referrers') return { format: requested };
  const why = instance.rekorUrl
    ? 'a Rekor v2 entry has no signed entry timestamp'
    : 'this instance writes no transparency log entry';
  if (requested === 'cosign')
    throw new ProvenanceError(
      'INPUT_INVALID',
      `oci-format cosign: the cosign .att layout carries a Rekor v1 signed entry timestamp, and ${why}; use oci-format: referrers (cosign v3 and gh verify the bundle from the referrer)`
    );
  return {
    format: 'referrers',
    note: `oci-format both: writing the OCI referrer only; the cosign .att layout needs a Rekor v1 signed entry timestamp, and ${why}`
  };
}

export interface InstanceInputs {
  instance: string; // '' = choose by repository visibility
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  repositoryIsPrivate: boolean;
  /** The caller accepts that a private repository's name lands in the public Rekor log. */
  allowPublicLogForPrivate: boolean;
  /** `rekor-version`: '' or '1' (default) or '2'. */
  rekorVersion?: string;
  /** `signing-config`: the parsed file (SigningConfig or ClientTrustConfig) and where it came from. */
  signingConfig?: { json: unknown; origin: string };
  /** GITHUB_SERVER_URL: GitHub's own Sigstore instance lives next to it. */
  serverUrl?: string;
  /** Validity windows in a signing config are judged at this time (default: now). */
  now?: Date;
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

export function parseRekorVersion(value: string | undefined): RekorVersion {
  const v = (value ?? '').trim();
  if (v === '' || v === '1') return 1;
  if (v === '2') return 2;
  throw new ProvenanceError(
    'INPUT_INVALID',
    `rekor-version: expected 1 or 2, found "${v.slice(0, 20)}"`
  );
}

export interface FromConfigOptions {
  name: InstanceName;
  /** Names the config in error messages. */
  origin: string;
  rekorVersion: RekorVersion;
  now: Date;
  /**
   * 'config': request timestamps as the config's tsaConfig says. 'when-required': only when the
   * chosen log gives no time (Rekor v2, or no log) — the action's behaviour before signing
   * configs, kept for the default public-good Rekor v1 run (see docs/REKOR_V2.md).
   */
  timestamps: 'config' | 'when-required';
}

/** The services a SigningConfig names, chosen by the spec's rules for this run's Rekor version. */
export function instanceFromSigningConfig(
  config: SigningConfigJson,
  options: FromConfigOptions
): SigstoreInstance {
  const { origin, now, rekorVersion } = options;
  const refuse = (problem: string): never => {
    throw new ProvenanceError('INPUT_INVALID', `${origin}: ${problem}`);
  };

  const ca = selectServices(config.caUrls, CA_API_VERSIONS, now);
  if (!ca.ok) return refuse(`no usable certificate authority in caUrls: ${ca.problem}`);
  const fulcioUrl = checkUrl(`${origin} caUrls`, ca.services[0]!.url);

  let rekorUrls: string[] = [];
  if (config.rekorTlogUrls.length > 0) {
    // rekor-version is the one log API this run writes to: Rekor v2 output needs current
    // verifiers, so it is never chosen just because a config offers it.
    const logs = selectServices(config.rekorTlogUrls, [rekorVersion], now, config.rekorTlogConfig);
    if (!logs.ok)
      return refuse(
        `no usable Rekor v${rekorVersion} log in rekorTlogUrls (rekor-version: ${rekorVersion}): ${logs.problem}`
      );
    rekorUrls = logs.services.map((s) => checkUrl(`${origin} rekorTlogUrls`, s.url));
  } else if (rekorVersion === 2) {
    return refuse('rekor-version 2 asks for a Rekor v2 log, and rekorTlogUrls lists none');
  }

  // A Rekor v1 entry's signed entry timestamp proves when the certificate was used; a Rekor v2
  // entry has none (integratedTime is always 0), and no log means no time at all.
  const timeFromLog = rekorUrls.length > 0 && rekorVersion === 1;
  const wantTimestamps = options.timestamps === 'config' || !timeFromLog;
  let tsaUrls: string[] = [];
  if (wantTimestamps && config.tsaUrls.length > 0) {
    const tsas = selectServices(config.tsaUrls, TSA_API_VERSIONS, now, config.tsaConfig);
    if (!tsas.ok) {
      if (!timeFromLog) return refuse(`no usable timestamp authority in tsaUrls: ${tsas.problem}`);
      return refuse(`tsaUrls: ${tsas.problem}`);
    }
    tsaUrls = tsas.services.map((s) => checkUrl(`${origin} tsaUrls`, s.url));
  }
  if (!timeFromLog && tsaUrls.length === 0) {
    return refuse(
      rekorUrls.length > 0
        ? 'a Rekor v2 entry carries no time, so a timestamp authority is required, and tsaUrls lists none'
        : 'neither a Rekor log nor a timestamp authority is listed; a signature with neither cannot be verified'
    );
  }

  return {
    name: options.name,
    fulcioUrl,
    ...(rekorUrls.length > 0 ? { rekorUrl: rekorUrls[0]! } : {}),
    ...(rekorUrls.length > 0 && rekorVersion === 2 ? { rekorVersion } : {}),
    ...(rekorUrls.length > 1 ? { additionalRekorUrls: rekorUrls.slice(1) } : {}),
    ...(tsaUrls.length > 0 ? { tsaUrl: tsaUrls[0]! } : {}),
    ...(tsaUrls.length > 1 ? { additionalTsaUrls: tsaUrls.slice(1) } : {})
  };
}

/** The public-good instance for one Rekor version, from the embedded signing configs. */
export function publicGoodInstance(rekorVersion: RekorVersion, now = new Date()): SigstoreInstance {
  return instanceFromSigningConfig(publicGoodSigningConfig(rekorVersion), {
    name: 'public-good',
    origin: `embedded public-good signing config (Rekor v${rekorVersion})`,
    rekorVersion,
    now,
    timestamps: rekorVersion === 1 ? 'when-required' : 'config'
  });
}

/** Fulcio + Rekor v1, no timestamp authority: what the action has always used by default. */
export const PUBLIC_GOOD: SigstoreInstance = publicGoodInstance(1);

/**
 * GitHub's own instance: no public log, so private repository names never leave GitHub.
 * Its hosts follow the GitHub server, as @actions/attest 3.2.0 derives them
 * (lib/endpoints.js buildGitHubEndpoints): the hostname of GITHUB_SERVER_URL, with github.com
 * standing for githubapp.com, prefixed by `fulcio.` and `timestamp.` — so a GHE.com tenant
 * `acme.ghe.com` signs with fulcio.acme.ghe.com and timestamp.acme.ghe.com. (@sigstore/sign adds
 * /api/v1/timestamp to a TSA URL without a path, so both spellings reach the same endpoint.)
 */
export function githubInstance(serverUrl = 'https://github.com'): SigstoreInstance {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname;
  } catch {
    throw new ProvenanceError(
      'INPUT_INVALID',
      `GITHUB_SERVER_URL: expected an absolute URL, found "${serverUrl.slice(0, 80)}"`
    );
  }
  if (host === 'github.com') return GITHUB_INSTANCE;
  return {
    name: 'github',
    fulcioUrl: `https://fulcio.${host}`,
    tsaUrl: `https://timestamp.${host}/api/v1/timestamp`
  };
}

export const GITHUB_INSTANCE: SigstoreInstance = {
  name: 'github',
  fulcioUrl: 'https://fulcio.githubapp.com',
  tsaUrl: 'https://timestamp.githubapp.com/api/v1/timestamp'
};

export function resolveInstance(inputs: InstanceInputs): SigstoreInstance {
  const rekorVersion = parseRekorVersion(inputs.rekorVersion);
  const now = inputs.now ?? new Date();
  const anyUrl = inputs.fulcioUrl || inputs.rekorUrl || inputs.tsaUrl;
  let name = inputs.instance.trim();

  if (inputs.signingConfig) {
    if (name !== '' && name !== 'custom')
      throw new ProvenanceError(
        'INPUT_INVALID',
        `signing-config names the services itself; leave sigstore-instance empty or custom, not "${name}"`
      );
    if (anyUrl)
      throw new ProvenanceError(
        'INPUT_INVALID',
        'signing-config and fulcio-url / rekor-url / tsa-url both name services; set one or the other'
      );
    const { json, origin } = inputs.signingConfig;
    const origin_ = `signing-config ${origin}`;
    return instanceFromSigningConfig(parseSigningConfig(json, origin_), {
      name: 'custom',
      origin: origin_,
      rekorVersion,
      now,
      timestamps: 'config'
    });
  }

  if (name === '') name = anyUrl ? 'custom' : inputs.repositoryIsPrivate ? 'github' : 'public-good';

  switch (name) {
    case 'public-good':
      if (inputs.repositoryIsPrivate && !inputs.allowPublicLogForPrivate) {
        throw new ProvenanceError(
          'INPUT_INVALID',
          "sigstore-instance: public-good would publish this private repository's name in the public Rekor log; use sigstore-instance: github, or set private-repository: true to accept that"
        );
      }
      return rekorVersion === 1 ? PUBLIC_GOOD : publicGoodInstance(2, now);
    case 'github':
      if (rekorVersion === 2)
        throw new ProvenanceError(
          'INPUT_INVALID',
          "rekor-version 2: GitHub's Sigstore instance has no transparency log; use sigstore-instance: public-good or a signing-config with a Rekor v2 log"
        );
      return githubInstance(inputs.serverUrl);
    case 'custom': {
      if (!inputs.fulcioUrl)
        throw new ProvenanceError(
          'INPUT_INVALID',
          'sigstore-instance custom: fulcio-url is required (or pass a signing-config)'
        );
      if (!inputs.rekorUrl && !inputs.tsaUrl) {
        // Without a log entry or a timestamp nothing proves when the short-lived cert was used.
        throw new ProvenanceError(
          'INPUT_INVALID',
          'sigstore-instance custom: set rekor-url or tsa-url (or both); a signature with neither cannot be verified'
        );
      }
      if (rekorVersion === 2 && (!inputs.rekorUrl || !inputs.tsaUrl))
        throw new ProvenanceError(
          'INPUT_INVALID',
          inputs.rekorUrl
            ? 'rekor-version 2: a Rekor v2 entry carries no time, so tsa-url is required'
            : 'rekor-version 2: set rekor-url to the Rekor v2 log'
        );
      return {
        name: 'custom',
        fulcioUrl: checkUrl('fulcio-url', inputs.fulcioUrl),
        ...(inputs.rekorUrl ? { rekorUrl: checkUrl('rekor-url', inputs.rekorUrl) } : {}),
        ...(rekorVersion === 2 ? { rekorVersion } : {}),
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
