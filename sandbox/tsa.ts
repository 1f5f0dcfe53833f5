// The sandbox RFC 3161 timestamp authority: @sigstore/mock's TSA (root + timestamping
// intermediate, signed TimeStampResp) behind the same path the real Sigstore TSA serves.
import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { initializeTSA, tsaHandler } from '@sigstore/mock/dist/timestamp/index.js';
import { sendJson, type SandboxRequest, type SandboxService } from './http.js';

export const TSA_TIMESTAMP_PATH = '/api/v1/timestamp';

export interface SandboxTSA {
  readonly service: SandboxService;
  /** DER certificates, signing certificate first, root last (as trusted_root.json lists them). */
  readonly certChain: Buffer[];
}

export async function createTSA(keyPair: {
  publicKey: KeyObject;
  privateKey: KeyObject;
}): Promise<SandboxTSA> {
  // The mock reads the time from the Date it is given. We hand it one we keep current,
  // truncated to whole seconds: with a fraction it writes GeneralizedTime with trailing zeros
  // dropped (".5Z"), which @sigstore/core's parser refuses (it wants exactly 3 digits).
  const clock = new Date();
  const tick = () => clock.setTime(Math.floor(Date.now() / 1000) * 1000);
  const tsa = await initializeTSA(keyPair, clock);
  const handler = tsaHandler(tsa, { strict: true });
  const der = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  const certChain = [der(tsa.intCertificate), der(tsa.rootCertificate)];
  const service: SandboxService = {
    name: 'tsa',
    async handle(req: SandboxRequest, res: ServerResponse) {
      const path = req.url.pathname;
      if (req.method === 'POST' && path === TSA_TIMESTAMP_PATH) {
        const request = checkRequest(req.body);
        if (request) {
          sendJson(res, 400, { message: `tsa: ${request}` });
          return;
        }
        tick();
        const result = await handler.fn(req.body.toString('utf8'));
        const body =
          typeof result.response === 'string' ? Buffer.from(result.response) : der(result.response);
        res.writeHead(result.statusCode, {
          'content-type': result.contentType ?? 'text/plain',
          'content-length': body.length
        });
        res.end(body);
        return;
      }
      if (req.method === 'GET' && path === `${TSA_TIMESTAMP_PATH}/certchain`) {
        const pem = certChain
          .map(
            (c) =>
              `-----BEGIN CERTIFICATE-----\n${c.toString('base64')}\n-----END CERTIFICATE-----\n`
          )
          .join('');
        res.writeHead(200, { 'content-type': 'application/pem-certificate-chain' });
        res.end(pem);
      }
    }
  };
  return { service, certChain };
}

/** The mock accepts anything; refuse what the real TSA would, with the reason. */
function checkRequest(body: Buffer): string | undefined {
  let json: { artifactHash?: unknown; hashAlgorithm?: unknown };
  try {
    json = JSON.parse(body.toString('utf8')) as typeof json;
  } catch {
    return 'request body is not JSON';
  }
  if (typeof json.artifactHash !== 'string' || json.artifactHash === '')
    return 'artifactHash is missing';
  const length = Buffer.from(json.artifactHash, 'base64').length;
  const expected: Record<string, number> = { sha256: 32, sha384: 48, sha512: 64 };
  const algorithm =
    typeof json.hashAlgorithm === 'string' ? json.hashAlgorithm.toLowerCase() : 'sha256';
  if (expected[algorithm] === undefined) return `unsupported hashAlgorithm ${algorithm}`;
  if (expected[algorithm] !== length)
    return `artifactHash must be ${expected[algorithm]} bytes for ${algorithm}, found ${length}`;
  return undefined;
}
