// The certificate chain for cosign's `dev.sigstore.cosign/chain` annotation. A v0.3 bundle
// carries only the leaf, so the chain comes from the trusted root's Fulcio CA that issued it.
import { X509Certificate } from 'node:crypto';

export interface TrustedRootCAs {
  certificateAuthorities?: { certChain?: { certificates?: { rawBytes?: string }[] } }[];
}

export function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The CA certificates (issuer first, root last) whose first one signed `leafDer`; [] if none. */
export function issuingChain(leafDer: Buffer, root: TrustedRootCAs | undefined): Buffer[] {
  const leaf = new X509Certificate(leafDer);
  for (const ca of root?.certificateAuthorities ?? []) {
    const ders: Buffer[] = [];
    for (const c of ca.certChain?.certificates ?? [])
      if (c.rawBytes) ders.push(Buffer.from(c.rawBytes, 'base64'));
    const issuerDer = ders[0];
    if (!issuerDer) continue;
    const issuer = new X509Certificate(issuerDer);
    if (leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey)) return ders;
  }
  return [];
}
