import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import { resolveProvenanceName, serializeBundles } from '../../src/publish/jsonl.js';
import { ProvenanceError } from '../../src/errors.js';
import { stageProvenanceFile } from '../../src/publish/staging.js';

const subject = (name: string) => ({ name, digest: { sha256: 'a'.repeat(64) } });

describe('resolveProvenanceName', () => {
  it('defaults to <subject>.intoto.jsonl for one subject and multiple.intoto.jsonl otherwise', () => {
    expect(resolveProvenanceName('', [subject('app-linux-amd64')])).toBe(
      'app-linux-amd64.intoto.jsonl'
    );
    expect(resolveProvenanceName('', [subject('a'), subject('b')])).toBe('multiple.intoto.jsonl');
  });

  it('keeps only the base name of a subject that carries folders', () => {
    expect(resolveProvenanceName('', [subject('dist/app.tar.gz')])).toBe('app.tar.gz.intoto.jsonl');
  });

  it('falls back to the generic name when the subject name is not a safe file name', () => {
    expect(resolveProvenanceName('', [subject('we|rd<name>')])).toBe('multiple.intoto.jsonl');
    expect(resolveProvenanceName('', [subject('..')])).toBe('multiple.intoto.jsonl');
  });

  it.each([
    ['../evil.intoto.jsonl', 'without path separators'],
    ['dir/x.intoto.jsonl', 'without path separators'],
    ['a\\b.intoto.jsonl', 'without path separators'],
    ['provenance.json', 'ending in .intoto.jsonl'],
    ['.intoto.jsonl', 'ending in .intoto.jsonl'],
    ['x$(id).intoto.jsonl', 'only letters']
  ])('rejects %s', (name, reason) => {
    expect(() => resolveProvenanceName(name, [subject('a')])).toThrow(ProvenanceError);
    expect(() => resolveProvenanceName(name, [subject('a')])).toThrow(reason);
  });

  it('accepts an explicit valid name', () => {
    expect(resolveProvenanceName('release_v1.2-rc.intoto.jsonl', [subject('a')])).toBe(
      'release_v1.2-rc.intoto.jsonl'
    );
  });

  // GitHub renames release assets with other characters (space, !#$%&'()+,;=@ …) to periods:
  // a re-run would then miss its own asset.
  it.each(['release v1', 'app(1)', 'a+b', 'me@host', 'x,y', 'a=b', 'tilde~', 'colon:', '.hidden'])(
    'refuses %s.intoto.jsonl, a name GitHub would store differently',
    (stem) => {
      expect(() => resolveProvenanceName(`${stem}.intoto.jsonl`, [subject('a')])).toThrow(
        'GitHub renames release assets'
      );
    }
  );

  it('falls back to the generic name for a subject GitHub would rename', () => {
    expect(resolveProvenanceName('', [subject('my app.tar.gz')])).toBe('multiple.intoto.jsonl');
  });
});

describe('stageProvenanceFile', () => {
  it('writes the content, reports its digest, and leaves only the file once committed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ip-jsonl-'));
    const content = Buffer.from('{"a":1}\n{"b":2}\n');
    const written = await (await stageProvenanceFile(dir, 'x.intoto.jsonl', content)).commit();
    expect(readFileSync(written.path)).toEqual(content);
    expect(written.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(readdirSync(dir)).toEqual(['x.intoto.jsonl']);
  });
});

describe('serializeBundles', () => {
  it('writes each bundle as one newline-terminated JSON line, multi-byte text intact', () => {
    const fixtures = [
      'oci/reusable-workflow-attestation.sigstore.json', // DSSE
      'verify-core/conformance-happy-path-v0.3.sigstore.json' // message signature
    ].map((f) => bundleFromJSON(JSON.parse(readFileSync(join('__fixtures__', f), 'utf8'))));
    // A DSSE payload type with multi-byte characters: byte and character counts differ.
    const wide = JSON.parse(JSON.stringify(bundleToJSON(fixtures[0]!)));
    if (wide.dsseEnvelope) wide.dsseEnvelope.payloadType = 'application/vnd.in-toto+json ✓ ü';
    const bundles = [...fixtures, bundleFromJSON(wide)];
    expect(bundles.map((b) => b.content.$case)).toContain('dsseEnvelope');

    // A payload longer than one base64 piece, of a length that needs padding.
    const long = JSON.parse(JSON.stringify(bundleToJSON(fixtures[0]!)));
    if (long.dsseEnvelope) {
      long.dsseEnvelope.payload = Buffer.alloc(100_001, 'subject ').toString('base64');
    }
    bundles.push(bundleFromJSON(long));

    const content = serializeBundles(bundles);
    const expected = bundles.map((b) => JSON.stringify(bundleToJSON(b)) + '\n').join('');
    expect(content.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    const lines = content.toString('utf8').split('\n');
    expect(lines).toHaveLength(bundles.length + 1);
    expect(lines[bundles.length]).toBe('');
    lines.slice(0, -1).forEach((line, i) => {
      expect(JSON.parse(line)).toEqual(bundleToJSON(bundles[i]!));
    });
  });

  it('gives an empty file for no bundles', () => {
    expect(serializeBundles([]).length).toBe(0);
  });
});
