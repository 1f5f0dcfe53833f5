// The signer identity read from a Fulcio leaf: URI, email, or Fulcio's otherName username.
import { describe, expect, it } from '@jest/globals';
import { X509Certificate } from '@sigstore/core';
import { certificateIdentity } from '../../src/verify/core/fulcio-extensions.js';
import { evaluatePolicy } from '../../src/verify/policy/evaluate.js';
import type { ProvenanceView } from '../../src/verify/provenance/index.js';
import { fixtureJSON } from './fixtures.js';

function leaf(name: string): X509Certificate {
  const bundle = fixtureJSON<{ verificationMaterial: { certificate: { rawBytes: string } } }>(name);
  return X509Certificate.parse(
    Buffer.from(bundle.verificationMaterial.certificate.rawBytes, 'base64')
  );
}

describe('certificate identity', () => {
  it('reads an otherName username SAN (private Fulcio) and says which kind it is', () => {
    const identity = certificateIdentity(leaf('othername.sigstore.json'));
    expect(identity.subjectAlternativeName).toBe('foo!oidc.local');
    expect(identity.subjectAlternativeNameKind).toBe('username');
    expect(identity.issuer).toBe('http://oidc.local:8080');
  });

  it('reads an email SAN as email', () => {
    const identity = certificateIdentity(leaf('tsa/bundle.txt.sigstore'));
    expect(identity).toMatchObject({
      subjectAlternativeName: 'alexis.challande@trailofbits.com',
      subjectAlternativeNameKind: 'email'
    });
  });

  it('never lets a non-URI SAN stand for a builder in the SLSA policy', () => {
    const base = certificateIdentity(leaf('othername.sigstore.json'));
    // Even a username that looks like a workflow, from the right issuer, is refused.
    const identity = {
      ...base,
      issuer: 'https://token.actions.githubusercontent.com',
      subjectAlternativeName:
        'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0'
    };
    expect(() =>
      evaluatePolicy(
        { identity, provenance: {} as ProvenanceView },
        {
          sourceUri: 'github.com/o/r',
          sourceRef: { kind: 'any' },
          workflowInputs: {},
          artifacts: []
        }
      )
    ).toThrow(
      'signing certificate: expected a workflow identity (URI SAN), found username SAN "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0"'
    );
  });
});
