import { describe, expect, it } from '@jest/globals';
import { renderSummary, shellQuote } from '../../src/publish/summary.js';

const context = {
  repository: 'octo/app',
  ref: 'refs/tags/v1.2.3',
  jobWorkflowRef:
    'isolated-provenance/isolated-provenance/.github/workflows/generic.yml@refs/tags/v1.0.0',
  serverUrl: 'https://github.com'
};

describe('renderSummary', () => {
  it('lists subjects, the file, and verify commands for the ref', () => {
    const md = renderSummary({
      context,
      subjects: [{ name: 'app-linux', digest: { sha256: 'ab'.repeat(32) } }],
      provenanceName: 'app-linux.intoto.jsonl',
      provenanceSha256: 'cd'.repeat(32),
      bundleCount: 1,
      publications: [
        {
          kind: 'attestation',
          location: 'https://api.github.com/repos/octo/app/attestations/1',
          status: 'created'
        }
      ]
    });
    expect(md).toContain('| app-linux | `sha256:' + 'ab'.repeat(32) + '` |');
    expect(md).toContain(
      'isolated-provenance verify-artifact app-linux --provenance-path app-linux.intoto.jsonl --source-uri github.com/octo/app --builder-id https://github.com/isolated-provenance/isolated-provenance/.github/workflows/generic.yml@refs/tags/v1.0.0 --source-tag v1.2.3'
    );
    expect(md).toContain(
      'gh attestation verify app-linux --repo octo/app --cert-identity https://github.com/isolated-provenance/isolated-provenance/.github/workflows/generic.yml@refs/tags/v1.0.0 --source-ref refs/tags/v1.2.3'
    );
  });

  it('keeps hostile subject names inert', () => {
    const md = renderSummary({
      context,
      subjects: [{ name: '<script>alert(1)</script>|x', digest: { sha256: '00'.repeat(32) } }],
      provenanceName: 'multiple.intoto.jsonl',
      provenanceSha256: '11'.repeat(32),
      bundleCount: 1,
      publications: []
    });
    const [before, fence] = md.split('```sh');
    expect(before).not.toContain('<script>'); // markdown outside the code fence renders HTML
    const row = before!.split('\n').find((l) => l.includes('alert'))!;
    expect(row.split('|').length).toBe(4); // no extra cell injected
    // Inside the fence the name is literal text, quoted for the shell.
    expect(fence).toContain("'<script>alert(1)</script>|x'");
  });

  it('says when an image digest is a multi-arch index', () => {
    const md = renderSummary({
      context,
      subjects: [],
      provenanceName: 'multiple.intoto.jsonl',
      provenanceSha256: '11'.repeat(32),
      bundleCount: 1,
      publications: [],
      images: [
        {
          image: 'ghcr.io/octo/app',
          digest: 'sha256:' + 'ef'.repeat(32),
          mediaType: 'application/vnd.oci.image.index.v1+json'
        }
      ]
    });
    expect(md).toContain('multi-arch index');
  });
});

describe('shellQuote', () => {
  it('quotes anything that is not plainly safe', () => {
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    expect(shellQuote('plain-1.0')).toBe('plain-1.0');
  });
});
