// The public-good Sigstore trust material, embedded at build time.
// @sigstore/tuf ships the TUF-verified trusted_root.json (and npm's registry keys) base64-encoded
// in seeds.json; importing it lets the bundler inline it, so the verifier never reads
// node_modules at runtime and works offline.
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' };

export const PUBLIC_GOOD_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';

type SeedTargets = Record<string, string>;

function seedTarget(name: string): unknown {
  const mirrors = seeds as Record<string, { targets?: SeedTargets }>;
  const encoded = mirrors[PUBLIC_GOOD_TUF_MIRROR]?.targets?.[name];
  if (encoded === undefined) {
    throw new Error(`embedded @sigstore/tuf seeds lack target ${name}`);
  }
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}

/** The public-good trusted_root.json (JSON form), as distributed by Sigstore's TUF repository. */
export function publicGoodTrustedRootJSON(): unknown {
  return seedTarget('trusted_root.json');
}

/** npm's registry keys (keys.json form) from the same TUF repository. */
export function embeddedNpmRegistryKeysJSON(): unknown {
  return seedTarget('registry.npmjs.org%2Fkeys.json');
}
