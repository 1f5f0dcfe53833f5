// Publish mode's checks on the file it is handed: the digest pin, the shape of each line, and
// where the release tag comes from (the signed statement, not the publish job's environment).
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import {
  checkProvenanceDigest,
  parseSignedProvenance,
  releaseTagOf,
  signedSource
} from '../../src/publish/signed-file.js';

function statement(ref = 'refs/tags/v1.2.3') {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'app', digest: { sha256: 'a'.repeat(64) } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        externalParameters: {
          workflow: {
            ref,
            repository: 'https://github.com/octo-org/app',
            path: '.github/workflows/r.yml'
          }
        },
        resolvedDependencies: [
          {
            uri: `git+https://github.com/octo-org/app@${ref}`,
            digest: { gitCommit: 'c'.repeat(40) }
          }
        ]
      }
    }
  };
}

function line(payload: unknown, payloadType = 'application/vnd.in-toto+json'): string {
  return JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {},
    dsseEnvelope: {
      payload: Buffer.from(JSON.stringify(payload)).toString('base64'),
      payloadType,
      signatures: [{ sig: 'c2ln' }]
    }
  });
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ProvenanceError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('checkProvenanceDigest', () => {
  const content = Buffer.from(`${line(statement())}\n`);
  const digest = createHash('sha256').update(content).digest('hex');

  it('accepts the file the provenance job reported', () => {
    expect(codeOf(() => checkProvenanceDigest(content, digest))).toBe('no error');
  });

  it('refuses a file with other bytes, naming both digests', () => {
    const other = Buffer.concat([content, Buffer.from('\n')]);
    const found = createHash('sha256').update(other).digest('hex');
    expect(codeOf(() => checkProvenanceDigest(other, digest))).toBe(
      `PUBLISH_FAILED: provenance digest mismatch: the provenance job signed a file with sha256 ${digest}, the workflow artifact holds ${found}; refusing to publish it`
    );
  });

  it('refuses a pin that is not a sha256', () => {
    expect(codeOf(() => checkProvenanceDigest(content, ''))).toMatch(
      /^INPUT_INVALID: provenance-sha256: expected 64 lowercase hex digits/
    );
    expect(codeOf(() => checkProvenanceDigest(content, digest.toUpperCase()))).toMatch(
      /^INPUT_INVALID/
    );
  });
});

describe('parseSignedProvenance', () => {
  it('reads every line: bundles and their statements', () => {
    const parsed = parseSignedProvenance(
      Buffer.from(`${line(statement())}\n${line(statement('refs/tags/v2'))}\n`)
    );
    expect(parsed.bundles).toHaveLength(2);
    expect(
      parsed.statements.map((s) => s.predicate.buildDefinition.externalParameters.workflow.ref)
    ).toEqual(['refs/tags/v1.2.3', 'refs/tags/v2']);
  });

  it.each([
    ['not JSON', 'x{', /line 1: expected a JSON Sigstore bundle/],
    ['not DSSE', JSON.stringify({ messageSignature: {} }), /line 1: expected a DSSE bundle/],
    ['another payload type', line(statement(), 'text/plain'), /line 1: expected a DSSE bundle/],
    [
      'another predicate',
      line({ ...statement(), predicateType: 'https://slsa.dev/provenance/v0.2' }),
      /line 1: expected predicateType https:\/\/slsa.dev\/provenance\/v1, found https:\/\/slsa.dev\/provenance\/v0.2/
    ]
  ])('refuses %s with one FORMAT_INVALID line', (_name, text, message) => {
    expect(codeOf(() => parseSignedProvenance(Buffer.from(`${text}\n`)))).toMatch(
      new RegExp(`^FORMAT_INVALID: provenance ${message.source}`)
    );
  });

  it('refuses an empty file', () => {
    expect(codeOf(() => parseSignedProvenance(Buffer.from('\n')))).toBe(
      'FORMAT_INVALID: the provenance file holds no bundle'
    );
  });
});

describe('where the release tag comes from', () => {
  it('the signed ref when it is a tag', () => {
    const source = signedSource(statement() as never);
    expect(source).toEqual({
      repositoryUri: 'https://github.com/octo-org/app',
      ref: 'refs/tags/v1.2.3',
      commit: 'c'.repeat(40)
    });
    expect(releaseTagOf('', source.ref)).toBe('v1.2.3');
  });

  it('upload-tag-name over the signed ref; a branch run needs it', () => {
    expect(releaseTagOf('v9', 'refs/heads/main')).toBe('v9');
    expect(codeOf(() => releaseTagOf('', 'refs/heads/main'))).toBe(
      'INPUT_INVALID: upload-assets: the signed ref refs/heads/main is not a tag; set upload-tag-name'
    );
  });

  it.each(['-x', '../v1', 'v1..2', 'a b', 'v1.lock', 'v1/', 'x'.repeat(201)])(
    'refuses the tag name %j',
    (tag) => {
      expect(codeOf(() => releaseTagOf(tag, 'refs/tags/v1'))).toMatch(
        /^INPUT_INVALID: upload-tag-name: expected a tag name/
      );
    }
  );
});
