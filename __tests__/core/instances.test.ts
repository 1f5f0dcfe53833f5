import { describe, expect, it } from '@jest/globals';
import { GITHUB_INSTANCE, PUBLIC_GOOD, resolveInstance } from '../../src/signing/instances.js';

const base = {
  instance: '',
  fulcioUrl: '',
  rekorUrl: '',
  tsaUrl: '',
  repositoryIsPrivate: false,
  allowPublicLogForPrivate: false
};

describe('resolveInstance', () => {
  it('defaults by repository visibility', () => {
    expect(resolveInstance(base)).toBe(PUBLIC_GOOD);
    expect(resolveInstance({ ...base, repositoryIsPrivate: true })).toBe(GITHUB_INSTANCE);
  });

  it('refuses to log a private repository publicly unless the caller accepts it', () => {
    expect(() =>
      resolveInstance({ ...base, instance: 'public-good', repositoryIsPrivate: true })
    ).toThrow('public Rekor log');
    expect(
      resolveInstance({
        ...base,
        instance: 'public-good',
        repositoryIsPrivate: true,
        allowPublicLogForPrivate: true
      })
    ).toBe(PUBLIC_GOOD);
  });

  it('takes explicit URLs as a custom instance', () => {
    expect(
      resolveInstance({
        ...base,
        fulcioUrl: 'http://127.0.0.1:1234/',
        rekorUrl: 'http://127.0.0.1:5678'
      })
    ).toEqual({
      name: 'custom',
      fulcioUrl: 'http://127.0.0.1:1234',
      rekorUrl: 'http://127.0.0.1:5678'
    });
  });

  it('refuses plain http to a non-loopback host, a custom instance without witnesses, and unknown names', () => {
    expect(() =>
      resolveInstance({
        ...base,
        fulcioUrl: 'http://fulcio.example.com',
        rekorUrl: 'https://r.example.com'
      })
    ).toThrow('https://');
    expect(() => resolveInstance({ ...base, fulcioUrl: 'https://f.example.com' })).toThrow(
      'rekor-url or tsa-url'
    );
    expect(() => resolveInstance({ ...base, instance: 'staging' })).toThrow('found "staging"');
  });
});
