// Container mode refuses half a credential pair: with only a user name (or only a password)
// the publisher would quietly fall back to docker config or anonymous access.
import { describe, expect, it } from '@jest/globals';
import { ProvenanceError } from '../../src/errors.js';
import type { ActionInputs } from '../../src/inputs.js';
import { publishImages, registryCredentials } from '../../src/publish/oci/action.js';

describe('registryCredentials', () => {
  it('returns the pair, or nothing when neither is set', () => {
    expect(registryCredentials({ registryUsername: 'bot', registryPassword: 's3cret' })).toEqual({
      username: 'bot',
      password: 's3cret'
    });
    expect(registryCredentials({ registryUsername: '', registryPassword: '' })).toBeUndefined();
  });

  it.each([
    ['bot', '', 'registry-username is set but registry-password is empty'],
    ['', 's3cret', 'registry-password is set but registry-username is empty']
  ])('refuses user %j with password %j', (registryUsername, registryPassword, message) => {
    let error: unknown;
    try {
      registryCredentials({ registryUsername, registryPassword });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProvenanceError);
    expect((error as ProvenanceError).code).toBe('INPUT_INVALID');
    expect((error as ProvenanceError).message).toContain(message);
    expect((error as ProvenanceError).message).not.toContain('s3cret');
  });

  it('publishImages refuses half a pair before it contacts anything', async () => {
    const inputs = {
      images: ['127.0.0.1:9/demo/app@sha256:' + 'a'.repeat(64)],
      ociFormat: 'both',
      registryUsername: 'bot',
      registryPassword: ''
    } as unknown as ActionInputs;
    // a Fulcio URL nothing listens on: reaching it first would fail as SERVICE_UNAVAILABLE
    await expect(
      publishImages({ inputs, bundles: [{} as never], fulcioUrl: 'http://127.0.0.1:9' })
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});
