// A Docker-registry token service (the Bearer flow ghcr.io and Docker Hub use) for the sandbox
// registry: GET /token?service=&scope= with Basic credentials returns an ES256 JWT that
// distribution's `auth: token` verifies against the self-signed certificate we hand it.
import 'reflect-metadata';
import x509 from '@peculiar/x509';
import { createPrivateKey, randomBytes, sign, webcrypto, type KeyObject } from 'node:crypto';
import { sendJson, serveService, type RunningService, type SandboxService } from '../http.js';

export const TOKEN_SERVICE_NAME = 'sandbox-registry';
export const TOKEN_ISSUER = 'sandbox-registry-token-issuer';

export interface TokenServer {
  realm: string;
  certificatePem: string;
  /** Every token request seen: the scope asked for and the user (undefined when anonymous). */
  requests: { scope: string | null; user: string | undefined }[];
  close(): Promise<void>;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** `repository:team/app:pull,push` → the access claim distribution checks. */
function accessFor(scope: string | null): { type: string; name: string; actions: string[] }[] {
  if (!scope) return [];
  return scope.split(' ').flatMap((one) => {
    const match = /^(repository):(.+):([a-z,*]+)$/.exec(one);
    if (!match) return [];
    return [
      {
        type: match[1] as string,
        name: match[2] as string,
        actions: (match[3] as string).split(',')
      }
    ];
  });
}

function signJwt(claims: object, key: KeyObject, certDer: Buffer): string {
  const header = { typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  // JOSE wants the raw r||s signature, not DER
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64url(signature)}`;
}

export async function startTokenServer(
  users: { username: string; password: string }[]
): Promise<TokenServer> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify'
  ])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8).toString('hex'),
    name: 'CN=sandbox registry token issuer',
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 24 * 3600_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)]
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const certDer = Buffer.from(cert.rawData);
  const requests: TokenServer['requests'] = [];

  const service: SandboxService = {
    name: 'registry-token',
    handle(req, res) {
      if (req.method !== 'GET' || req.url.pathname !== '/token') return;
      const scope = req.url.searchParams.get('scope');
      let user: string | undefined;
      const authorization = req.headers.authorization ?? '';
      if (authorization.startsWith('Basic ')) {
        const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        const known = users.find(
          (u) => u.username === decoded.slice(0, colon) && u.password === decoded.slice(colon + 1)
        );
        if (!known) {
          requests.push({ scope, user: decoded.slice(0, colon) });
          sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] });
          return;
        }
        user = known.username;
      }
      requests.push({ scope, user });
      const issuedAt = Math.floor(Date.now() / 1000);
      const token = signJwt(
        {
          iss: TOKEN_ISSUER,
          sub: user ?? '',
          aud: req.url.searchParams.get('service') ?? TOKEN_SERVICE_NAME,
          exp: issuedAt + 300,
          nbf: issuedAt - 10,
          iat: issuedAt,
          jti: randomBytes(12).toString('hex'),
          // anonymous callers get nothing: the registry then answers 401 to every request
          access: user ? accessFor(scope) : []
        },
        privateKey,
        certDer
      );
      sendJson(res, 200, {
        token,
        access_token: token,
        expires_in: 300,
        issued_at: new Date().toISOString()
      });
    }
  };
  const running: RunningService = await serveService(service);
  return {
    realm: `${running.url}/token`,
    certificatePem: cert.toString('pem'),
    requests,
    close: () => running.close()
  };
}
