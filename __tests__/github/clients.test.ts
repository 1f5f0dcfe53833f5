// Guards the switch to the libraries (issue 12): GitHub REST only through @actions/github's
// octokit (src/publish/github-api.ts), the OIDC token only through jose. A new raw fetch in src/
// must be added below with the service it talks to; GitHub is not one of them.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const files = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const read = (f: string) => readFileSync(join(SRC, f), 'utf8');

/** Files that call fetch themselves, and whom they call: none of them is GitHub's REST API. */
const RAW_FETCH: Record<string, string> = {
  'publish/github-api.ts': "octokit's own fetch (@actions/github's proxy-aware one), per attempt",
  'http/get.ts': "the OIDC issuer's discovery document and JWKS (jose's fetch)",
  'oci/registry-client.ts': 'OCI registries',
  'publish/attestation-bundle.ts': "pre-signed blob storage behind an attestation's bundle_url",
  'publish/oci/action.ts': "Fulcio's trust bundle",
  'signing/rekor-v2-witness.ts': 'a Rekor v2 witness'
};

describe('network clients in src/', () => {
  it('calls fetch only in the files listed, none of them for GitHub REST', () => {
    // The global fetch called, or handed on as the fetch to use (`?? fetch`).
    const callers = files.filter((f) => /(?<![\w.])fetch\(|\?\?\s*fetch\b/.test(read(f))).sort();
    expect(callers).toEqual(Object.keys(RAW_FETCH).sort());
    for (const f of callers.filter((c) => c !== 'publish/github-api.ts'))
      expect(read(f)).not.toMatch(/x-github-api-version|vnd\.github/);
  });

  it('speaks GitHub REST in one file, through @actions/github', () => {
    const speaking = files.filter((f) => /x-github-api-version|vnd\.github\+json/.test(read(f)));
    expect(speaking).toEqual([join('publish', 'github-api.ts')]);
    expect(read(join('publish', 'github-api.ts'))).toMatch(/import\('@actions\/github'\)/);
  });

  it('verifies JWTs with jose only: no hand-written JWS signature check is left', () => {
    const jwtCode = files.filter((f) => /\bJW[TSK]\b/.test(read(f)));
    const handWritten = jwtCode.filter((f) =>
      /ieee-p1363|RSA_PKCS1_PADDING|base64url'\)\.split/.test(read(f))
    );
    expect(handWritten).toEqual([]);
    expect(read(join('context', 'oidc.ts'))).toMatch(/from 'jose'/);
  });
});
