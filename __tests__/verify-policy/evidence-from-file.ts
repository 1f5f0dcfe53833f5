// Test helper: the certificate identity and payload of a real provenance file, read without
// cryptographic verification (the core's tests cover that), so the policy can be exercised
// on real producers' data.
import { readFileSync } from 'node:fs';
import { X509Certificate } from '@sigstore/core';
import { certificateIdentity } from '../../src/verify/core/fulcio-extensions.js';
import type { CertificateIdentity } from '../../src/verify/core/types.js';
import { parseProvenance } from '../../src/verify/provenance/index.js';
import type { PolicyEvidence } from '../../src/verify/policy/types.js';

export const FIXTURES = new URL('../../__fixtures__/verify-policy/', import.meta.url);

interface Envelope {
  payloadType: string;
  payload: string;
}

interface FixtureLine {
  dsseEnvelope?: Envelope;
  verificationMaterial?: {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: { rawBytes: string }[] };
  };
  signatures?: { cert: string }[];
}

export function readFixture(name: string): { identity: CertificateIdentity; envelope: Envelope } {
  const line = readFileSync(new URL(name, FIXTURES), 'utf8').trim().split('\n')[0] as string;
  const json = JSON.parse(line) as FixtureLine;
  if (json.dsseEnvelope) {
    const material = json.verificationMaterial;
    const raw =
      material?.certificate?.rawBytes ??
      material?.x509CertificateChain?.certificates[0]?.rawBytes ??
      '';
    return {
      identity: certificateIdentity(X509Certificate.parse(Buffer.from(raw, 'base64'))),
      envelope: json.dsseEnvelope
    };
  }
  const pem = json.signatures?.[0]?.cert ?? '';
  return {
    identity: certificateIdentity(X509Certificate.parse(pem)),
    envelope: json as unknown as Envelope
  };
}

export function evidenceFromFixture(name: string): PolicyEvidence {
  const { identity, envelope } = readFixture(name);
  return {
    identity,
    provenance: parseProvenance(envelope.payloadType, Buffer.from(envelope.payload, 'base64'))
  };
}
