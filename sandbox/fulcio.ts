// The sandbox Fulcio. @sigstore/mock's CA issues the certificates (and gets an SCT from the
// CT log); this front end does what the mock's handler skips and real Fulcio does: it
// verifies the OIDC token against the issuer's JWKS, checks audience and lifetime, checks
// proof of possession of the key, and for GitHub tokens puts the workflow identity in the
// SAN and the GitHub claims in Fulcio's extensions.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
// @peculiar/x509 needs the Reflect metadata polyfill loaded before it.
import 'reflect-metadata';
import x509 from '@peculiar/x509';
import { initializeCA, type CA, type CTLog } from '@sigstore/mock/dist/fulcio/index.js';
import { sendJson, type SandboxRequest, type SandboxService } from './http.js';
import { decodeJwt, verifyJwtSignature, type Jwk } from './jwt.js';
import { CTLogUnavailable } from './ctlog.js';
import { githubCertificateExtensions, MissingClaim } from './fulcio-extensions.js';

export const FULCIO_SIGNING_CERT_PATH = '/api/v2/signingCert';
export const FULCIO_TRUST_BUNDLE_PATH = '/api/v2/trustBundle';
const CLOCK_SKEW_SECONDS = 60;

/** An OIDC issuer this Fulcio accepts tokens from. */
export interface TrustedIssuer {
  issuer: string;
  /** The issuer's current signing keys (what its jwks_uri serves). */
  keys(): readonly Jwk[];
  /** 'github-workflow' issuers get the workflow SAN and GitHub extensions. */
  kind: 'github-workflow';
  /** Base for URIs derived from claims (https://github.com, or a GHES host). */
  serverUrl: string;
  audience: string;
}

export interface SandboxFulcio {
  readonly service: SandboxService;
  /** DER of the root certificate that issues every leaf. */
  readonly rootCertificate: Buffer;
}

export async function createFulcio(options: {
  keyPair: { publicKey: KeyObject; privateKey: KeyObject };
  ctLog: CTLog;
  trustedIssuers: () => readonly TrustedIssuer[];
  /** Clock for token lifetimes, in ms (default Date.now): the sandbox's, so tests can age it. */
  now?: () => number;
}): Promise<SandboxFulcio> {
  const now = options.now ?? Date.now;
  const ca = await initializeCA(options.keyPair, options.ctLog);
  const rootCertificate = Buffer.from(
    ca.rootCertificate.buffer,
    ca.rootCertificate.byteOffset,
    ca.rootCertificate.byteLength
  );
  const service: SandboxService = {
    name: 'fulcio',
    async handle(req: SandboxRequest, res: ServerResponse) {
      if (req.method === 'GET' && req.url.pathname === FULCIO_TRUST_BUNDLE_PATH) {
        sendJson(res, 200, { chains: [{ certificates: [toPem(rootCertificate)] }] });
        return;
      }
      if (req.method === 'POST' && req.url.pathname === FULCIO_SIGNING_CERT_PATH) {
        await issue(ca, rootCertificate, options.trustedIssuers(), req, res, now);
      }
    }
  };
  return { service, rootCertificate };
}

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

async function issue(
  ca: CA,
  root: Buffer,
  issuers: readonly TrustedIssuer[],
  req: SandboxRequest,
  res: ServerResponse,
  clock: () => number
): Promise<void> {
  try {
    const request = parseRequest(req.body);
    const { claims, issuer } = authenticate(request.token, issuers, clock);
    const subject = challengeSubject(claims);
    const publicKey = await provenKey(request, subject);
    const identity = githubCertificateExtensions(claims, issuer.serverUrl);
    const leaf = await ca.issueCertificate({
      publicKey: publicKey.export({ format: 'der', type: 'spki' }),
      subjectAltName: identity.subjectAltName,
      extensions: identity.extensions
    });
    sendJson(res, 201, {
      signedCertificateEmbeddedSct: {
        chain: {
          certificates: [
            toPem(Buffer.from(leaf.buffer, leaf.byteOffset, leaf.byteLength)),
            toPem(root)
          ]
        }
      }
    });
  } catch (e) {
    if (e instanceof RequestRefused)
      sendJson(res, e.status, { code: e.status, message: `fulcio: ${e.message}` });
    else if (e instanceof MissingClaim)
      sendJson(res, 400, { code: 400, message: `fulcio: ${e.message}` });
    else if (e instanceof CTLogUnavailable) sendJson(res, 502, { message: `fulcio: ${e.message}` });
    else throw e;
  }
}

interface CertificateRequest {
  token: string;
  publicKeyPem?: string;
  proofOfPossession?: Buffer;
  csrPem?: string;
}

function parseRequest(body: Buffer): CertificateRequest {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new RequestRefused(400, 'request body is not JSON');
  }
  const credentials = json.credentials as { oidcIdentityToken?: unknown } | undefined;
  const token = credentials?.oidcIdentityToken;
  if (typeof token !== 'string' || token === '')
    throw new RequestRefused(400, 'credentials.oidcIdentityToken is missing');
  const pkr = json.publicKeyRequest as
    { publicKey?: { content?: unknown }; proofOfPossession?: unknown } | undefined;
  if (pkr) {
    if (typeof pkr.publicKey?.content !== 'string' || typeof pkr.proofOfPossession !== 'string')
      throw new RequestRefused(
        400,
        'publicKeyRequest needs publicKey.content and proofOfPossession'
      );
    return {
      token,
      publicKeyPem: pkr.publicKey.content,
      proofOfPossession: Buffer.from(pkr.proofOfPossession, 'base64')
    };
  }
  if (typeof json.certificateSigningRequest === 'string') {
    // The CSR travels base64-encoded PEM in Fulcio's v2 JSON API.
    const csr = json.certificateSigningRequest;
    const pem = csr.includes('BEGIN') ? csr : Buffer.from(csr, 'base64').toString('utf8');
    return { token, csrPem: pem };
  }
  throw new RequestRefused(400, 'expected publicKeyRequest or certificateSigningRequest');
}

function authenticate(
  token: string,
  issuers: readonly TrustedIssuer[],
  clock: () => number
): { claims: Record<string, unknown>; issuer: TrustedIssuer } {
  let unverified: Record<string, unknown>;
  try {
    unverified = decodeJwt(token).claims;
  } catch (e) {
    throw new RequestRefused(401, `malformed identity token: ${(e as Error).message}`);
  }
  const issuer = issuers.find((i) => i.issuer === unverified.iss);
  if (!issuer)
    throw new RequestRefused(401, `identity token issuer ${String(unverified.iss)} is not trusted`);
  let claims: Record<string, unknown>;
  try {
    claims = verifyJwtSignature(token, issuer.keys()).claims;
  } catch (e) {
    throw new RequestRefused(401, `identity token rejected: ${(e as Error).message}`);
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(issuer.audience))
    throw new RequestRefused(
      401,
      `identity token audience must include ${issuer.audience}, found ${JSON.stringify(claims.aud)}`
    );
  const now = Math.floor(clock() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS < now)
    throw new RequestRefused(401, 'identity token has expired');
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_SECONDS > now)
    throw new RequestRefused(401, 'identity token is not valid yet');
  return { claims, issuer };
}

/** The value the client signs as proof of possession: email if present, else sub. */
function challengeSubject(claims: Record<string, unknown>): string {
  const value = typeof claims.email === 'string' ? claims.email : claims.sub;
  if (typeof value !== 'string' || value === '')
    throw new RequestRefused(401, 'identity token has no sub claim');
  return value;
}

async function provenKey(request: CertificateRequest, subject: string): Promise<KeyObject> {
  if (request.csrPem !== undefined) {
    let csr: x509.Pkcs10CertificateRequest;
    try {
      csr = new x509.Pkcs10CertificateRequest(request.csrPem);
    } catch {
      throw new RequestRefused(400, 'certificateSigningRequest is not a PKCS#10 request');
    }
    if (!(await csr.verify()))
      throw new RequestRefused(400, 'CSR signature (proof of possession) is invalid');
    return p256Key(Buffer.from(csr.publicKey.rawData));
  }
  let key: KeyObject;
  try {
    key = createPublicKey(request.publicKeyPem ?? '');
  } catch {
    throw new RequestRefused(400, 'publicKey.content is not a PEM public key');
  }
  key = p256Key(key.export({ format: 'der', type: 'spki' }));
  const proof = request.proofOfPossession ?? Buffer.alloc(0);
  if (!verify('sha256', Buffer.from(subject), key, proof))
    throw new RequestRefused(
      400,
      'proof of possession does not verify: the key did not sign the token subject'
    );
  return key;
}

function p256Key(spki: Buffer): KeyObject {
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new RequestRefused(
      400,
      `only ECDSA P-256 keys are supported, found ${key.asymmetricKeyType ?? 'unknown'}`
    );
  return key;
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
}
