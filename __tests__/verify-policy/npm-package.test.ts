// The npm package checks on their own: the publish attestation is consulted, not only the
// provenance subject (slsa-verifier npm.go verifyPublishSubjectName / verifyPublishPredicateName /
// verifyPublishAttestationSubjectDigest).
import { describe, expect, it } from '@jest/globals';
import {
  NPM_PUBLISH_PREDICATE,
  checkNpmPackage
} from '../../src/verify/policy/check-npm-package.js';

const HEX = 'a'.repeat(128);
const subjects = [{ name: 'pkg:npm/%40acme%2Fwidget@1.2.3', digest: { sha512: HEX } }];
const artifacts = [{ label: 'widget.tgz', algorithm: 'sha512' as const, hex: HEX }];
const publish = (
  name: string,
  version: string,
  subject = `pkg:npm/${name}@${version}`,
  hex = HEX
) => ({
  _type: 'https://in-toto.io/Statement/v0.1',
  predicateType: NPM_PUBLISH_PREDICATE,
  subject: [{ name: subject, digest: { sha512: hex } }],
  predicate: { name, version, registry: 'https://registry.npmjs.org' }
});
const wanted = { packageName: '@acme/widget', packageVersion: '1.2.3' };

describe('checkNpmPackage', () => {
  it('passes when provenance, publish subject and publish predicate agree', () => {
    expect(() =>
      checkNpmPackage(subjects, [publish('@acme/widget', '1.2.3')], artifacts, wanted)
    ).not.toThrow();
  });

  it('refuses a publish attestation naming another version', () => {
    expect(() =>
      checkNpmPackage(
        subjects,
        [publish('@acme/widget', '1.2.4', 'pkg:npm/@acme/widget@1.2.3')],
        artifacts,
        wanted
      )
    ).toThrow('npm publish predicate package version: expected 1.2.3, found 1.2.4');
  });

  it('refuses without a publish attestation when a package is asked for', () => {
    expect(() => checkNpmPackage(subjects, [], artifacts, wanted)).toThrow(
      'npm publish attestation: expected one in the provenance file (npm attestations list), found none'
    );
  });

  it('refuses an artifact the publish attestation does not list, even without package flags', () => {
    expect(() =>
      checkNpmPackage(
        subjects,
        [publish('@acme/widget', '1.2.3', undefined, 'b'.repeat(128))],
        artifacts,
        {}
      )
    ).toThrow(
      'artifact widget.tgz: expected among the npm publish attestation subjects, found pkg:npm/@acme/widget@1.2.3'
    );
  });
});
