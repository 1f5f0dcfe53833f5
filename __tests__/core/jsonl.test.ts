import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveProvenanceName, sha256Hex, writeProvenanceFile } from '../../src/publish/jsonl.js';
import { ProvenanceError } from '../../src/errors.js';

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
    expect(resolveProvenanceName('release v1.intoto.jsonl', [subject('a')])).toBe(
      'release v1.intoto.jsonl'
    );
  });
});

describe('writeProvenanceFile', () => {
  it('writes the content atomically and reports its digest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ip-jsonl-'));
    const content = Buffer.from('{"a":1}\n{"b":2}\n');
    const written = await writeProvenanceFile(dir, 'x.intoto.jsonl', content);
    expect(readFileSync(written.path)).toEqual(content);
    expect(written.sha256).toBe(sha256Hex(content));
    expect(readdirSync(dir)).toEqual(['x.intoto.jsonl']);
  });
});
