// Issue 10, through the real parts: the bundled action signs against a sandbox whose Fulcio and
// TSA are Sigstore's own servers (built by scripts/install-peers.sh). The certificate must come
// from the real Fulcio (its SAN and GitHub extensions written by Fulcio's code, an SCT from the
// sandbox CT log's RFC 6962 route) and verify with @sigstore/verify — chain, SCT, Rekor entry and
// the real TSA's RFC 3161 timestamp — against the trusted_root.json the sandbox wrote.
// CI builds the peers before `npm test`, so there the test must run; elsewhere it says how to
// build them and is skipped.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { realSigstoreAvailable } from '../../sandbox/real/sigstore-services.js';
import { peerVersion } from '../../sandbox/real/peers.js';
import { X509Certificate as SigstoreCertificate } from '@sigstore/core';
import { decodeFulcioExtensions } from '../../src/verify/core/fulcio-extensions.js';
import { startActionHarness, type ActionHarness } from '../helpers/action-harness.js';
import { verifyWithSigstore } from '../helpers/sigstore-verify.js';
import { base64Of } from '../helpers/subjects.js';

const available = realSigstoreAvailable();
if (!available && process.env.CI === 'true')
  throw new Error('CI must build the real peers before npm test (bash scripts/install-peers.sh)');
const describeReal = available ? describe : describe.skip;
if (!available)
  process.stderr.write(
    'real-sigstore.test.ts skipped: Fulcio/timestamp-authority not built (npm run peers)\n'
  );

describeReal('the sandbox with Sigstore’s own Fulcio and TSA', () => {
  let harness: ActionHarness;

  beforeAll(async () => {
    // A deployment environment, so Fulcio's production templates write OID .1.23 too.
    harness = await startActionHarness({ sigstore: 'real', run: { environment: 'release' } });
  }, 120_000);
  afterAll(async () => harness?.close());

  it('reports the real servers and lists their keys in trusted_root.json', () => {
    const { implementations, trustedRoot } = harness.sandbox;
    expect(implementations.fulcio).toBe(peerVersion('fulcio'));
    expect(implementations.fulcio).toMatch(/^github\.com\/sigstore\/fulcio@v\d/);
    expect(implementations.tsa).toMatch(/^github\.com\/sigstore\/timestamp-authority\/v2@v\d/);
    // The real Fulcio's ephemeral CA is not the stand-in's (organization sigstore.mock).
    const root = new X509Certificate(
      Buffer.from(
        trustedRoot.certificateAuthorities[0]!.certChain.certificates[0]!.rawBytes,
        'base64'
      )
    );
    expect(root.subject).not.toContain('sigstore.mock');
  });

  it('signs with a certificate from the real Fulcio that @sigstore/verify accepts', async () => {
    const run = await harness.run({
      'base64-subjects': base64Of(`${'a'.repeat(64)}  app.tar.gz
`)
    });
    expect(run.exitCode).toBe(0);
    const bundle = run.provenance!.bundles[0]!;
    const signer = verifyWithSigstore(harness.sandbox, bundle, harness.builderId);
    expect(signer.subjectAlternativeName).toBe(harness.builderId);
    const leaf = new X509Certificate(
      Buffer.from(bundle.verificationMaterial.certificate!.rawBytes, 'base64')
    );
    // The SCT that @sigstore/verify just checked (ctlogThreshold 1) came from the sandbox CT
    // log's RFC 6962 route (sandbox/ct-precert.ts): the real Fulcio calls nothing else.
    expect(
      leaf.checkIssued(
        new X509Certificate(
          Buffer.from(
            harness.sandbox.trustedRoot.certificateAuthorities[0]!.certChain.certificates[0]!
              .rawBytes,
            'base64'
          )
        )
      )
    ).toBe(true);
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(
      1
    );
    // Written by Fulcio's production github-workflow templates from the token's claims.
    const extensions = decodeFulcioExtensions(SigstoreCertificate.parse(leaf.raw));
    expect(extensions.buildSignerURI).toBe(harness.builderId);
    expect(extensions.sourceRepositoryURI).toBe('https://github.com/octo-org/octo-app');
    expect(extensions.deploymentEnvironment).toBe('release');
  }, 120_000);
});
