import { describe, expect, it } from '@jest/globals';
import { parseVersion, versionMatchesPrefix } from '../../src/verify/policy/semver-prefix.js';

const matches = (tag: string, wanted: string) =>
  versionMatchesPrefix(parseVersion(tag)!, parseVersion(wanted)!);

describe('versioned tag prefix matching', () => {
  it.each([
    ['v1.2.3', 'v1'],
    ['v1.2.3', 'v1.2'],
    ['v1.2.3', 'v1.2.3'],
    ['v13.0.30', 'v13.0'],
    ['v14', 'v14.0'],
    ['v1.2.3+build.5', 'v1.2.3'],
    ['v1.2.3-rc.1', 'v1.2.3-rc.1']
  ])('%s matches %s', (tag, wanted) => expect(matches(tag, wanted)).toBe(true));

  it.each([
    ['v1.2.3', 'v2'],
    ['v1.2.3', 'v1.3'],
    ['v1.2.3', 'v1.2.4'],
    ['v14', 'v14.1'],
    ['v14.2', 'v14.2.1'],
    ['v1.2.3-rc.1', 'v1.2.3-rc.2']
  ])('%s does not match %s', (tag, wanted) => expect(matches(tag, wanted)).toBe(false));

  it('does not read non-versions', () => {
    expect(parseVersion('main')).toBeUndefined();
    expect(parseVersion('v1.2.3.4')).toBeUndefined();
  });
});
