// One ephemeral key and one Fulcio certificate for every statement of a run.
// The certificate binds the job's identity to the key; it is the same for every bundle of the
// run, so asking Fulcio (and its CT log) once per statement only costs time. Each bundle still
// gets its own signature and its own Rekor entry / timestamp, all inside the certificate's
// validity window: the certificate is renewed (with a fresh key) before it expires.
import { X509Certificate, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import {
  FulcioSigner,
  type FulcioSignerOptions,
  type Signature,
  type Signer
} from '@sigstore/sign';

/** Renew when less than this much validity is left (Fulcio certificates last 10 minutes). */
export const RENEW_MARGIN_MS = 2 * 60_000;

/** An in-memory P-256 key; the private half never leaves this object. */
export class EphemeralKey implements Signer {
  private readonly privateKey: KeyObject;
  readonly publicKeyPem: string;

  constructor() {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKeyPem = pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  async sign(data: Buffer): Promise<Signature> {
    return {
      signature: sign('sha256', data, this.privateKey),
      key: { $case: 'publicKey', publicKey: this.publicKeyPem }
    };
  }
}

interface Session {
  key: EphemeralKey;
  certificate: Promise<{ pem: string; notAfterMs: number }>;
}

export interface ReusedCertificateSignerOptions extends Omit<FulcioSignerOptions, 'keyHolder'> {
  /** Clock, for tests. */
  now?: () => number;
  /** For tests: how the Fulcio signer is made (default: @sigstore/sign's FulcioSigner). */
  fulcioSigner?: (options: FulcioSignerOptions) => Signer;
}

/**
 * A Signer for @sigstore/sign's bundle builders that asks Fulcio for a certificate once and
 * signs every later payload with the same key. Concurrent first calls share one request.
 */
export class ReusedCertificateSigner implements Signer {
  private session?: Session;
  private readonly now: () => number;
  /** How many certificates this signer has requested (for the report and tests). */
  certificatesIssued = 0;

  constructor(private readonly options: ReusedCertificateSignerOptions) {
    this.now = options.now ?? Date.now;
  }

  async sign(data: Buffer): Promise<Signature> {
    const session = await this.currentSession();
    const { pem } = await session.certificate;
    const { signature } = await session.key.sign(data);
    return { signature, key: { $case: 'x509Certificate', certificate: pem } };
  }

  private async currentSession(): Promise<Session> {
    const existing = this.session;
    if (existing) {
      try {
        const { notAfterMs } = await existing.certificate;
        if (notAfterMs - this.now() > RENEW_MARGIN_MS) return existing;
      } catch {
        // Fall through: a failed request is not cached, the next call asks again.
      }
      // Another caller may already have replaced it while we waited.
      if (this.session !== existing && this.session) return this.currentSession();
    }
    return this.startSession();
  }

  private startSession(): Session {
    const key = new EphemeralKey();
    const { fulcioBaseURL, identityProvider, timeout, retry } = this.options;
    const make = this.options.fulcioSigner ?? ((o: FulcioSignerOptions) => new FulcioSigner(o));
    const fulcio = make({ fulcioBaseURL, identityProvider, timeout, retry, keyHolder: key });
    this.certificatesIssued++;
    // FulcioSigner proves possession of `key`, gets the certificate and signs the payload;
    // only the certificate is kept (the empty payload's signature is thrown away).
    const certificate = fulcio.sign(Buffer.alloc(0)).then((result) => {
      if (result.key.$case !== 'x509Certificate') {
        throw new Error(`Fulcio signer returned ${result.key.$case}, expected a certificate`);
      }
      const notAfterMs = Date.parse(new X509Certificate(result.key.certificate).validTo);
      return { pem: result.key.certificate, notAfterMs };
    });
    const session: Session = { key, certificate };
    this.session = session;
    certificate.catch(() => {
      if (this.session === session) this.session = undefined;
    });
    return session;
  }
}
