// Service selection from a SigningConfig: the spec's rules (protobuf-specs SigningConfig /
// Service / ServiceConfiguration, as sigstore-go's SelectServices applies them), the refusals
// (no usable CA; Rekor v2 without a TSA), the embedded public-good configs, and the inputs.
import { describe, expect, it } from '@jest/globals';
import {
  GITHUB_INSTANCE,
  PUBLIC_GOOD,
  githubInstance,
  instanceFromSigningConfig,
  ociFormatFor,
  publicGoodInstance,
  resolveInstance,
  type InstanceInputs
} from '../../src/signing/instances.js';
import {
  parseSigningConfig,
  selectServices,
  type ServiceJson,
  type SigningConfigJson
} from '../../src/signing/signing-config.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const svc = (
  url: string,
  v: number,
  start: string,
  extra: Partial<ServiceJson> = {}
): ServiceJson => ({
  url,
  majorApiVersion: v,
  validFor: { start },
  operator: 'example.com',
  ...extra
});

function config(overrides: Partial<SigningConfigJson> = {}): SigningConfigJson {
  return {
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: [svc('https://fulcio.example.com', 1, '2024-01-01T00:00:00Z')],
    oidcUrls: [],
    rekorTlogUrls: [
      svc('https://log2026.example.com', 2, '2026-01-01T00:00:00Z'),
      svc('https://rekor.example.com', 1, '2021-01-01T00:00:00Z')
    ],
    rekorTlogConfig: { selector: 'ANY' },
    tsaUrls: [svc('https://tsa.example.com/api/v1/timestamp', 1, '2025-01-01T00:00:00Z')],
    tsaConfig: { selector: 'ANY' },
    ...overrides
  };
}

const from = (
  c: SigningConfigJson,
  rekorVersion: 1 | 2,
  timestamps: 'config' | 'when-required' = 'config'
) =>
  instanceFromSigningConfig(c, {
    name: 'custom',
    origin: 'cfg',
    rekorVersion,
    now: NOW,
    timestamps
  });

describe('selectServices (spec rules)', () => {
  const services = [
    svc('https://old.example.com', 1, '2020-01-01T00:00:00Z'),
    svc('https://new.example.com', 1, '2025-01-01T00:00:00Z'),
    svc('https://other-operator.example.org', 1, '2024-01-01T00:00:00Z', {
      operator: 'example.org'
    }),
    svc('https://future.example.com', 1, '2027-01-01T00:00:00Z'),
    svc('https://ended.example.com', 1, '2023-01-01T00:00:00Z', {
      validFor: { start: '2023-01-01T00:00:00Z', end: '2026-11-30T23:59:59Z' },
      operator: 'ended.example'
    }),
    svc('https://v3.example.com', 3, '2026-01-01T00:00:00Z')
  ];

  it('takes the newest valid service of the highest supported version; ANY = one', () => {
    expect(selectServices(services, [1], NOW)).toEqual({
      ok: true,
      version: 1,
      services: [services[1]]
    });
  });

  it('ALL = one per operator, newest first; expired, not-yet-valid and unsupported versions left out', () => {
    const all = selectServices(services, [1, 2], NOW, { selector: 'ALL' });
    expect(all.ok && all.services.map((s) => s.url)).toEqual([
      'https://new.example.com',
      'https://other-operator.example.org'
    ]);
  });

  it('validFor is inclusive of both ends', () => {
    const edge = [
      svc('https://edge.example.com', 1, NOW.toISOString(), {
        validFor: { start: NOW.toISOString(), end: NOW.toISOString() }
      })
    ];
    expect(selectServices(edge, [1], NOW).ok).toBe(true);
    expect(selectServices(edge, [1], new Date(NOW.getTime() + 1)).ok).toBe(false);
  });

  it('EXACT takes count services from distinct operators and fails when fewer are valid', () => {
    const two = selectServices(services, [1], NOW, { selector: 'EXACT', count: 2 });
    expect(two.ok && two.services).toHaveLength(2);
    const three = selectServices(services, [1], NOW, { selector: 'EXACT', count: 3 });
    expect(three).toEqual({ ok: false, problem: expect.stringContaining('asks for 3') });
  });

  it('names what was offered when nothing fits', () => {
    const none = selectServices([services[3]!], [1], NOW);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.problem).toContain('https://future.example.com (v1, not valid now)');
  });
});

describe('parseSigningConfig', () => {
  it('reads a SigningConfig and the signingConfig inside a ClientTrustConfig', () => {
    const c = config();
    expect(parseSigningConfig(JSON.parse(JSON.stringify(c)), 'f')).toEqual(c);
    expect(
      parseSigningConfig(
        {
          mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
          trustedRoot: {},
          signingConfig: c
        },
        'f'
      )
    ).toEqual(c);
  });

  it.each([
    [{ mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.1+json' }, 'expected mediaType'],
    [{ ...config(), caUrls: {} }, 'caUrls must be a list'],
    [{ ...config(), caUrls: [{ majorApiVersion: 1 }] }, 'caUrls[0].url is missing'],
    [
      { ...config(), tsaUrls: [{ url: 'https://t', majorApiVersion: 1.5 }] },
      'majorApiVersion must be a whole number'
    ],
    [
      {
        ...config(),
        caUrls: [{ url: 'https://f', majorApiVersion: 1, validFor: { start: 'soon' } }]
      },
      'not an RFC 3339 time'
    ],
    [{ ...config(), rekorTlogConfig: { selector: 'SOME' } }, 'selector must be ALL, ANY or EXACT'],
    [{ ...config(), tsaConfig: { selector: 'EXACT' } }, 'needs a count of at least 1'],
    [
      { mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json', trustedRoot: {} },
      'no signingConfig object'
    ],
    [[], 'expected a SigningConfig or ClientTrustConfig']
  ])('refuses %j with one line', (json, message) => {
    expect(() => parseSigningConfig(json, 'cfg.json')).toThrow(message);
    try {
      parseSigningConfig(json, 'cfg.json');
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('\n');
      expect((e as Error).message.startsWith('cfg.json')).toBe(true);
    }
  });
});

describe('instanceFromSigningConfig', () => {
  it('rekor-version 2: the v2 log and a TSA', () => {
    expect(from(config(), 2)).toEqual({
      name: 'custom',
      fulcioUrl: 'https://fulcio.example.com',
      rekorUrl: 'https://log2026.example.com',
      rekorVersion: 2,
      tsaUrl: 'https://tsa.example.com/api/v1/timestamp'
    });
  });

  it('rekor-version 1: the v1 log; timestamps as the config says, or only when required', () => {
    expect(from(config(), 1)).toEqual({
      name: 'custom',
      fulcioUrl: 'https://fulcio.example.com',
      rekorUrl: 'https://rekor.example.com',
      tsaUrl: 'https://tsa.example.com/api/v1/timestamp'
    });
    expect(from(config(), 1, 'when-required')).toEqual({
      name: 'custom',
      fulcioUrl: 'https://fulcio.example.com',
      rekorUrl: 'https://rekor.example.com'
    });
  });

  it('ALL selectors give every log and TSA from distinct operators', () => {
    const c = config({
      rekorTlogUrls: [
        svc('https://a.example.com', 2, '2026-01-01T00:00:00Z'),
        svc('https://b.example.org', 2, '2026-02-01T00:00:00Z', { operator: 'example.org' })
      ],
      rekorTlogConfig: { selector: 'ALL' },
      tsaUrls: [
        svc('https://t1.example.com', 1, '2025-01-01T00:00:00Z'),
        svc('https://t2.example.org', 1, '2025-01-01T00:00:00Z', { operator: 'example.org' })
      ],
      tsaConfig: { selector: 'ALL' }
    });
    const instance = from(c, 2);
    expect([instance.rekorUrl, ...(instance.additionalRekorUrls ?? [])]).toEqual([
      'https://b.example.org',
      'https://a.example.com'
    ]);
    expect([instance.tsaUrl, ...(instance.additionalTsaUrls ?? [])].sort()).toEqual([
      'https://t1.example.com',
      'https://t2.example.org'
    ]);
  });

  it('a config without logs signs with its TSA alone (GitHub-style)', () => {
    expect(from(config({ rekorTlogUrls: [] }), 1)).toEqual({
      name: 'custom',
      fulcioUrl: 'https://fulcio.example.com',
      tsaUrl: 'https://tsa.example.com/api/v1/timestamp'
    });
  });

  it.each([
    [
      'no usable CA',
      config({ caUrls: [svc('https://f.example.com', 2, '2020-01-01T00:00:00Z')] }),
      2,
      'no usable certificate authority in caUrls'
    ],
    [
      'an expired CA',
      config({
        caUrls: [
          svc('https://f.example.com', 1, '2020-01-01T00:00:00Z', {
            validFor: { start: '2020-01-01T00:00:00Z', end: '2021-01-01T00:00:00Z' }
          })
        ]
      }),
      1,
      'no usable certificate authority'
    ],
    [
      'Rekor v2 without a TSA',
      config({ tsaUrls: [] }),
      2,
      'a Rekor v2 entry carries no time, so a timestamp authority is required'
    ],
    [
      'Rekor v2 with only an expired TSA',
      config({
        tsaUrls: [
          svc('https://t.example.com', 1, '2020-01-01T00:00:00Z', {
            validFor: { start: '2020-01-01T00:00:00Z', end: '2021-01-01T00:00:00Z' }
          })
        ]
      }),
      2,
      'no usable timestamp authority'
    ],
    [
      'rekor-version 2 with only v1 logs',
      config({ rekorTlogUrls: [svc('https://rekor.example.com', 1, '2021-01-01T00:00:00Z')] }),
      2,
      'no usable Rekor v2 log'
    ],
    [
      'rekor-version 1 with only v2 logs',
      config({ rekorTlogUrls: [svc('https://log.example.com', 2, '2026-01-01T00:00:00Z')] }),
      1,
      'no usable Rekor v1 log'
    ],
    ['rekor-version 2 without logs', config({ rekorTlogUrls: [] }), 2, 'rekorTlogUrls lists none'],
    [
      'neither log nor TSA',
      config({ rekorTlogUrls: [], tsaUrls: [] }),
      1,
      'neither a Rekor log nor a timestamp authority'
    ],
    [
      'plain http to a remote CA',
      config({ caUrls: [svc('http://fulcio.example.com', 1, '2020-01-01T00:00:00Z')] }),
      1,
      'https://'
    ]
  ] as const)('refuses %s with one line', (_what, c, version, message) => {
    expect(() => from(c, version)).toThrow(message);
  });
});

describe('the embedded public-good configs', () => {
  it('default (Rekor v1) is what the action always used: Fulcio + Rekor v1, no TSA', () => {
    expect(PUBLIC_GOOD).toEqual({
      name: 'public-good',
      fulcioUrl: 'https://fulcio.sigstore.dev',
      rekorUrl: 'https://rekor.sigstore.dev'
    });
  });

  it('rekor-version 2 picks log2025-1 and timestamp.sigstore.dev', () => {
    expect(publicGoodInstance(2, NOW)).toEqual({
      name: 'public-good',
      fulcioUrl: 'https://fulcio.sigstore.dev',
      rekorUrl: 'https://log2025-1.rekor.sigstore.dev',
      rekorVersion: 2,
      tsaUrl: 'https://timestamp.sigstore.dev/api/v1/timestamp'
    });
  });

  it('honours validFor: before the v2 shard opens (2026-01-01) there is no v2 log to use', () => {
    expect(() => publicGoodInstance(2, new Date('2025-12-31T00:00:00Z'))).toThrow(
      'no usable Rekor v2 log'
    );
  });
});

describe('resolveInstance with rekor-version and signing-config', () => {
  const base: InstanceInputs = {
    instance: '',
    fulcioUrl: '',
    rekorUrl: '',
    tsaUrl: '',
    repositoryIsPrivate: false,
    allowPublicLogForPrivate: false,
    now: NOW
  };
  const signingConfig = { json: config(), origin: '/tmp/signing_config.json' };

  it('keeps the default unchanged: public-good Rekor v1', () => {
    expect(resolveInstance(base)).toBe(PUBLIC_GOOD);
    expect(resolveInstance({ ...base, rekorVersion: '1' })).toBe(PUBLIC_GOOD);
  });

  it('public-good with rekor-version 2 uses the embedded Rekor v2 config', () => {
    expect(resolveInstance({ ...base, rekorVersion: '2' }).rekorUrl).toBe(
      'https://log2025-1.rekor.sigstore.dev'
    );
  });

  it('signing-config picks from the file by rekor-version', () => {
    expect(resolveInstance({ ...base, signingConfig }).rekorUrl).toBe('https://rekor.example.com');
    expect(resolveInstance({ ...base, signingConfig, rekorVersion: '2' }).rekorUrl).toBe(
      'https://log2026.example.com'
    );
    expect(resolveInstance({ ...base, signingConfig, instance: 'custom' }).name).toBe('custom');
  });

  it('custom URLs with rekor-version 2 mark the log as v2 and need a TSA', () => {
    expect(
      resolveInstance({
        ...base,
        fulcioUrl: 'https://f.example.com',
        rekorUrl: 'https://log.example.com',
        tsaUrl: 'https://t.example.com',
        rekorVersion: '2'
      })
    ).toEqual({
      name: 'custom',
      fulcioUrl: 'https://f.example.com',
      rekorUrl: 'https://log.example.com',
      rekorVersion: 2,
      tsaUrl: 'https://t.example.com'
    });
  });

  it.each([
    [{ rekorVersion: '3' }, 'rekor-version: expected 1 or 2, found "3"'],
    [{ signingConfig, instance: 'public-good' }, 'leave sigstore-instance empty or custom'],
    [{ signingConfig, rekorUrl: 'https://r.example.com' }, 'set one or the other'],
    [
      { instance: 'github', rekorVersion: '2' },
      "GitHub's Sigstore instance has no transparency log"
    ],
    [
      { fulcioUrl: 'https://f.example.com', rekorUrl: 'https://r.example.com', rekorVersion: '2' },
      'tsa-url is required'
    ],
    [
      { fulcioUrl: 'https://f.example.com', tsaUrl: 'https://t.example.com', rekorVersion: '2' },
      'set rekor-url to the Rekor v2 log'
    ],
    [
      { signingConfig: { json: { mediaType: 'x' }, origin: 'cfg.json' } },
      'signing-config cfg.json: expected mediaType'
    ]
  ])('refuses %j', (inputs, message) => {
    expect(() => resolveInstance({ ...base, ...inputs })).toThrow(message);
  });
});

// @actions/attest 3.2.0 lib/endpoints.js buildGitHubEndpoints: host = hostname of
// GITHUB_SERVER_URL, github.com → githubapp.com; fulcio.<host> and timestamp.<host>.
describe("GitHub's Sigstore instance follows GITHUB_SERVER_URL", () => {
  it('github.com → fulcio.githubapp.com / timestamp.githubapp.com', () => {
    expect(githubInstance('https://github.com')).toBe(GITHUB_INSTANCE);
    expect(GITHUB_INSTANCE).toEqual({
      name: 'github',
      fulcioUrl: 'https://fulcio.githubapp.com',
      tsaUrl: 'https://timestamp.githubapp.com/api/v1/timestamp'
    });
  });

  it('GHE.com (data residency) → fulcio.<tenant>.ghe.com / timestamp.<tenant>.ghe.com', () => {
    expect(githubInstance('https://octocorp.ghe.com')).toEqual({
      name: 'github',
      fulcioUrl: 'https://fulcio.octocorp.ghe.com',
      tsaUrl: 'https://timestamp.octocorp.ghe.com/api/v1/timestamp'
    });
  });

  it('GHES → fulcio.<server host> / timestamp.<server host>, as @actions/attest derives them', () => {
    expect(githubInstance('https://github.example.internal:8443')).toEqual({
      name: 'github',
      fulcioUrl: 'https://fulcio.github.example.internal',
      tsaUrl: 'https://timestamp.github.example.internal/api/v1/timestamp'
    });
  });

  it('resolveInstance passes the server URL through for private repositories and sigstore-instance github', () => {
    const inputs: InstanceInputs = {
      instance: '',
      fulcioUrl: '',
      rekorUrl: '',
      tsaUrl: '',
      repositoryIsPrivate: true,
      allowPublicLogForPrivate: false,
      serverUrl: 'https://octocorp.ghe.com'
    };
    expect(resolveInstance(inputs).fulcioUrl).toBe('https://fulcio.octocorp.ghe.com');
    expect(
      resolveInstance({ ...inputs, repositoryIsPrivate: false, instance: 'github' }).tsaUrl
    ).toBe('https://timestamp.octocorp.ghe.com/api/v1/timestamp');
    expect(resolveInstance({ ...inputs, serverUrl: 'https://github.com' })).toBe(GITHUB_INSTANCE);
  });
});

// cosign's .att layout stores the Rekor v1 SET (dev.sigstore.cosign/bundle annotation); without
// one only the OCI referrer can carry the proof. Decided before signing.
describe('OCI layouts per instance', () => {
  const v2 = {
    name: 'custom',
    fulcioUrl: 'https://f',
    rekorUrl: 'https://log',
    rekorVersion: 2,
    tsaUrl: 'https://t'
  } as const;
  it('keeps the requested layouts when the log gives a SET (Rekor v1)', () => {
    for (const f of ['both', 'cosign', 'referrers'] as const)
      expect(ociFormatFor(PUBLIC_GOOD, f)).toEqual({ format: f });
  });
  it('Rekor v2 and GitHub instance: both becomes referrers with a note, cosign alone is refused', () => {
    for (const instance of [v2, GITHUB_INSTANCE]) {
      expect(ociFormatFor(instance, 'referrers')).toEqual({ format: 'referrers' });
      expect(ociFormatFor(instance, 'both')).toEqual({
        format: 'referrers',
        note: expect.stringContaining('writing the OCI referrer only')
      });
      expect(() => ociFormatFor(instance, 'cosign')).toThrow('use oci-format: referrers');
    }
    expect(() => ociFormatFor(v2, 'cosign')).toThrow(
      'a Rekor v2 entry has no signed entry timestamp'
    );
  });
});
