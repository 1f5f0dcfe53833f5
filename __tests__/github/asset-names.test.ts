// Release-asset names: GitHub stores some names differently from what was uploaded, so the
// provenance-name grammar only lets through names it keeps as they are.
import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { resolveProvenanceName } from '../../src/publish/jsonl.js';
import { storedAssetName } from '../../sandbox/github/asset-names.js';
import { RUN, TOKEN, startGitHub } from './helpers.js';

let started: Awaited<ReturnType<typeof startGitHub>> | undefined;
afterEach(async () => {
  await started?.running.close();
  started = undefined;
});

describe('sandbox GitHub: stored asset names', () => {
  it.each([
    ['The Brain.js', 'The.Brain.js'], // github-release/github-release#93
    ['appName(x64)_1.0.0.xx.msi', 'appName.x64._1.0.0.xx.msi'], // softprops/action-gh-release#393
    ['a~b:c.txt', 'a.b.c.txt'], // softprops/action-gh-release#159
    ["x!#$%&'()+,;=@y.bin", 'x.............y.bin'],
    ['.hidden.', 'hidden'],
    ['plain_name-1.2.intoto.jsonl', 'plain_name-1.2.intoto.jsonl']
  ])('stores %j as %j', (uploaded, stored) => {
    expect(storedAssetName(uploaded)).toBe(stored);
  });

  it('lists an uploaded asset under the name it stored, as GitHub does', async () => {
    started = await startGitHub();
    const base = `${started.running.url}/repos/${RUN.repository}`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const release = (await (
      await fetch(`${base}/releases`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ tag_name: 'v1', draft: true })
      })
    ).json()) as { id: number };
    const upload = await fetch(
      `${base}/releases/${release.id}/assets?name=${encodeURIComponent('my app (1).intoto.jsonl')}`,
      { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'x' }
    );
    expect(((await upload.json()) as { name: string }).name).toBe('my.app..1..intoto.jsonl');
    const listed = (await (
      await fetch(`${base}/releases/${release.id}/assets`, { headers })
    ).json()) as {
      name: string;
    }[];
    expect(listed.map((a) => a.name)).toEqual(['my.app..1..intoto.jsonl']);
  });
});

describe('provenance-name against what GitHub stores', () => {
  const subject = { name: 'a', digest: { sha256: 'a'.repeat(64) } };
  const accepted = (name: string): boolean => {
    try {
      return resolveProvenanceName(name, [subject]) === name;
    } catch {
      return false;
    }
  };

  it('every name the grammar accepts is stored unchanged', () => {
    const stem = fc.string({
      unit: fc.constantFrom(..."aZ09._- ()+@~:!#,;=&'%$".split('')),
      minLength: 1,
      maxLength: 12
    });
    fc.assert(
      fc.property(stem, (s) => {
        const name = `${s}.intoto.jsonl`;
        if (accepted(name)) expect(storedAssetName(name)).toBe(name);
        else expect(storedAssetName(name) === name && !name.startsWith('.')).toBe(false);
      }),
      { numRuns: 2000 }
    );
  });
});
