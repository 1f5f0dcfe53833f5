// The job summary as GitHub renders it: the markdown goes through cmark-gfm (GitHub's own
// GFM implementation, the Debian package `cmark-gfm`) with the table, autolink,
// strikethrough and tagfilter extensions, and raw HTML let through (--unsafe) so any that
// slipped out would show. Hostile subject names must come out as plain text in their own
// cell: no link (https://, www., e-mail), no image, no HTML. The suggested commands are read
// by bash: a name is one word and never an option, and each command pins the builder's exact
// identity, the source ref and the source ids with the peers' real flags (gh
// pkg/cmd/attestation/verify/verify.go, cosign cmd/cosign/cli/options/certificate.go).
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSummary, type SummaryInput } from '../../src/publish/summary.js';

const HOSTILE_NAMES = [
  'https://evil.example/login',
  'http://evil.example',
  'ftp://evil.example/x',
  'see https://evil.example/login?next=/',
  'www.evil.example',
  'WWW.evil.example/login',
  'x www.evil.example',
  'user@evil.example',
  'mailto:user@evil.example',
  'xmpp:user@evil.example',
  '<img src=x onerror=alert(1)>',
  '[click](https://evil.example)',
  '![t](https://evil.example/p.png)',
  '<https://evil.example>',
  'a | b | c',
  '`code`',
  '-rf',
  '--help',
  '$(touch PWNED) `touch PWNED`'
];

const BUILDER = 'isolated-provenance/isolated-provenance/.github/workflows/generic.yml';
const SHA = '0123456789abcdef0123456789abcdef01234567';

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    context: {
      repository: 'octo/app',
      repositoryId: '123456789',
      repositoryOwnerId: '987654',
      ref: 'refs/tags/v1.2.3',
      jobWorkflowRef: `${BUILDER}@refs/tags/v1.0.0`,
      jobWorkflowSha: SHA,
      serverUrl: 'https://github.com'
    },
    subjects: HOSTILE_NAMES.map((name, i) => ({
      name,
      digest: { sha256: i.toString(16).padStart(2, '0').repeat(32) }
    })),
    provenanceName: 'multiple.intoto.jsonl',
    provenanceSha256: 'ab'.repeat(32),
    bundleCount: 1,
    publications: [],
    ...overrides
  };
}

/** GitHub's renderer: cmark-gfm with GitHub's extensions. */
function renderGfm(markdown: string): string {
  try {
    return execFileSync(
      'cmark-gfm',
      ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'],
      { input: markdown, encoding: 'utf8' }
    );
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT')
      throw new Error(
        'cmark-gfm is not installed: apt-get install cmark-gfm (GitHub GFM renderer)'
      );
    throw e;
  }
}

const decodeHtml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The words bash reads from one suggested command line (nothing is run). */
function bashWords(line: string, cwd: string): string[] {
  const out = execFileSync('bash', ['--noprofile', '--norc', '-c', `printf '%s\\0' ${line}`], {
    cwd,
    encoding: 'utf8'
  });
  return out.split('\0').slice(0, -1);
}

function fenced(markdown: string): string[] {
  const [, body] = markdown.split('```sh\n');
  return body!.split('\n```')[0]!.split('\n');
}

describe('the job summary through cmark-gfm', () => {
  const markdown = renderSummary(
    input({ images: [{ image: 'www.evil.example/app', digest: `sha256:${'c'.repeat(64)}` }] })
  );
  const html = renderGfm(markdown);

  it('renders no link, image or HTML of a tenant', () => {
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/<img\b/);
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    for (const tag of tags)
      expect([
        'h2',
        'h3',
        'p',
        'table',
        'thead',
        'tbody',
        'tr',
        'th',
        'td',
        'code',
        'pre'
      ]).toContain(tag);
  });

  it('shows every name as the text of its own cell', () => {
    const table = html.split('</table>')[0]!;
    const rows = [...table.matchAll(/<tr>\n([\s\S]*?)<\/tr>/g)].slice(1).map((m) => m[1]!);
    expect(rows).toHaveLength(HOSTILE_NAMES.length);
    rows.forEach((row, i) => {
      const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
      expect(cells).toHaveLength(2);
      // What a reader sees: the name itself (a zero-width space after `@` is all we add).
      expect(decodeHtml(cells[0]!).replace(/\u200b/g, '')).toBe(
        HOSTILE_NAMES[i]!.replace(/::/g, ':\\:')
      );
    });
  });

  it('keeps the image name a plain cell too', () => {
    expect(html).toContain('<td>www.evil.example/app</td>');
  });

  it('quotes names into single words that are never options, and runs nothing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ip-summary-'));
    for (const name of HOSTILE_NAMES) {
      const lines = fenced(
        renderSummary(input({ subjects: [{ name, digest: { sha256: 'ab'.repeat(32) } }] }))
      );
      const verify = bashWords(
        lines.find((l) => l.startsWith('isolated-provenance verify-artifact'))!,
        cwd
      );
      const gh = bashWords(
        lines.find((l) => l.startsWith('gh attestation verify'))!,
        cwd
      );
      const expected = name.startsWith('-') ? `./${name}` : name;
      expect(verify[2]).toBe(expected);
      expect(verify[3]).toBe('--provenance-path');
      expect(gh[3]).toBe(expected);
      expect(gh[4]).toBe('--repo');
    }
    expect(existsSync(join(cwd, 'PWNED'))).toBe(false);
  });
});

describe('suggested commands pin the builder, the source ref and the source ids', () => {
  const words = (md: string, prefix: string): string[] =>
    bashWords(
      fenced(md).find((l) => l.startsWith(prefix))!,
      tmpdir()
    );
  const flag = (list: string[], name: string): string | undefined => {
    const at = list.indexOf(name);
    return at < 0 ? undefined : list[at + 1];
  };
  const identity = `https://github.com/${BUILDER}@refs/tags/v1.0.0`;
  const image = { image: 'ghcr.io/octo/app', digest: `sha256:${'d'.repeat(64)}` };

  it('verify-artifact: exact builder at its release tag, source ids, tag last', () => {
    const w = words(renderSummary(input()), 'isolated-provenance verify-artifact');
    expect(flag(w, '--builder-id')).toBe(identity);
    expect(flag(w, '--source-repository-id')).toBe('123456789');
    expect(flag(w, '--source-owner-id')).toBe('987654');
    expect(w.slice(-2)).toEqual(['--source-tag', 'v1.2.3']);
  });

  it('gh: the exact certificate identity, the builder commit and --source-ref', () => {
    const w = words(renderSummary(input()), 'gh attestation verify');
    expect(flag(w, '--cert-identity')).toBe(identity);
    expect(flag(w, '--signer-digest')).toBe(SHA);
    expect(flag(w, '--source-ref')).toBe('refs/tags/v1.2.3');
    expect(flag(w, '--repo')).toBe('octo/app');
    // Without an attestations API copy, gh reads the file (it takes .jsonl, one bundle a line).
    expect(flag(w, '--bundle')).toBe('multiple.intoto.jsonl');
    // Prefix and regex matches accept any ref of the builder: not suggested.
    expect(w).not.toContain('--signer-workflow');
    expect(w).not.toContain('--cert-identity-regex');
  });

  it('cosign and verify-image: exact identity, source repository and ref', () => {
    const md = renderSummary(input({ images: [image] }));
    const cosign = words(md, 'cosign verify-attestation');
    expect(flag(cosign, '--certificate-identity')).toBe(identity);
    expect(flag(cosign, '--certificate-oidc-issuer')).toBe(
      'https://token.actions.githubusercontent.com'
    );
    expect(flag(cosign, '--certificate-github-workflow-repository')).toBe('octo/app');
    expect(flag(cosign, '--certificate-github-workflow-ref')).toBe('refs/tags/v1.2.3');
    expect(cosign).not.toContain('--certificate-identity-regexp');
    expect(cosign.at(-1)).toBe(`${image.image}@${image.digest}`);
    const verify = words(md, 'isolated-provenance verify-image');
    expect(flag(verify, '--builder-id')).toBe(identity);
    expect(flag(verify, '--source-repository-id')).toBe('123456789');
    expect(verify.slice(-2)).toEqual(['--source-tag', 'v1.2.3']);
  });

  it('a builder pinned by commit: gh and cosign name that commit, our verifier its manifest', () => {
    const md = renderSummary(
      input({
        images: [image],
        context: { ...input().context, jobWorkflowRef: `${BUILDER}@${SHA}` }
      })
    );
    // No --builder-id: by default the verifier trusts our builder at a commit only when its
    // release manifest lists that commit (src/verify/policy/check-builder.ts).
    expect(words(md, 'isolated-provenance verify-artifact')).not.toContain('--builder-id');
    expect(flag(words(md, 'gh attestation verify'), '--cert-identity')).toBe(
      `https://github.com/${BUILDER}@${SHA}`
    );
    expect(flag(words(md, 'cosign verify-attestation'), '--certificate-identity')).toBe(
      `https://github.com/${BUILDER}@${SHA}`
    );
  });
});
