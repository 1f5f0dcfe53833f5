// The sandbox certificate transparency log. @sigstore/mock's CT log signs the SCTs; this
// puts it behind HTTP so Fulcio reaches it over the network like the real pair does (and a
// `ctlog=` fault plan makes certificate issuance fail the way it would in production).
import type { KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { initializeCTLog, type CTLog } from '@sigstore/mock/dist/fulcio/index.js';
import { sendJson, type SandboxRequest, type SandboxService } from './http.js';
import { signPrecertSct } from './ct-precert.js';

/** The route our stand-in Fulcio calls (@sigstore/mock's CA hands over precert + key hash). */
export const CT_ADD_PRECHAIN_PATH = '/ct/v1/add-pre-chain';
/**
 * RFC 6962 §4.1 add-pre-chain, as the real Fulcio's certificate-transparency-go client calls it:
 * `{"chain": [precert, issuer, ...]}` (base64 DER) → SCT JSON. Served under a log prefix
 * (Fulcio's `--ct-log-url` is "host and path with log prefix"), here `/rfc6962`.
 */
export const CT_RFC6962_PREFIX = '/rfc6962';

export interface SandboxCTLog {
  readonly service: SandboxService;
  /** DER SubjectPublicKeyInfo of the log key (goes into trusted_root.json). */
  readonly publicKey: Buffer;
  /** RFC 6962 log id: SHA-256 of the public key. */
  readonly logId: Buffer;
}

export async function createCTLog(keyPair: {
  publicKey: KeyObject;
  privateKey: KeyObject;
}): Promise<SandboxCTLog> {
  const log = await initializeCTLog(keyPair);
  const logId = Buffer.from(log.logID.buffer, log.logID.byteOffset, log.logID.byteLength);
  const service: SandboxService = {
    name: 'ctlog',
    async handle(req: SandboxRequest, res: ServerResponse) {
      if (
        req.method === 'POST' &&
        req.url.pathname === `${CT_RFC6962_PREFIX}/ct/v1/add-pre-chain`
      ) {
        const chain = parseChain(req.body);
        if (typeof chain === 'string') {
          sendJson(res, 400, { message: `ctlog: ${chain}` });
          return;
        }
        try {
          sendJson(
            res,
            200,
            signPrecertSct({
              precertDer: chain[0],
              issuerDer: chain[1],
              privateKey: keyPair.privateKey,
              logId
            })
          );
        } catch (e) {
          sendJson(res, 400, { message: `ctlog: ${e instanceof Error ? e.message : String(e)}` });
        }
        return;
      }
      if (req.method === 'POST' && req.url.pathname === CT_ADD_PRECHAIN_PATH) {
        const body = parsePrechain(req.body);
        if (typeof body === 'string') {
          sendJson(res, 400, { message: `ctlog: ${body}` });
          return;
        }
        const sct = await log.log(
          toArrayBuffer(body.precertificate),
          toArrayBuffer(body.issuerKeyHash)
        );
        sendJson(res, 200, { sct: Buffer.from(sct).toString('base64') });
      }
    }
  };
  return {
    service,
    publicKey: log.publicKey,
    logId
  };
}

/** The CTLog interface @sigstore/mock's CA calls, implemented as an HTTP client of the log. */
export function remoteCTLog(ctlogUrl: () => string): CTLog {
  return {
    publicKey: Buffer.alloc(0),
    logID: new Uint8Array(0),
    async log(certificate: ArrayBuffer, issuerID: ArrayBuffer): Promise<ArrayBuffer> {
      const response = await fetch(`${ctlogUrl()}${CT_ADD_PRECHAIN_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          precertificate: Buffer.from(certificate).toString('base64'),
          issuerKeyHash: Buffer.from(issuerID).toString('base64')
        }),
        signal: AbortSignal.timeout(5_000)
      });
      if (!response.ok) throw new CTLogUnavailable(`CT log answered ${response.status}`);
      const { sct } = (await response.json()) as { sct?: string };
      if (typeof sct !== 'string') throw new CTLogUnavailable('CT log answer has no sct');
      return toArrayBuffer(Buffer.from(sct, 'base64'));
    }
  };
}

export class CTLogUnavailable extends Error {}

function parsePrechain(raw: Buffer): { precertificate: Buffer; issuerKeyHash: Buffer } | string {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'request body is not JSON';
  }
  const { precertificate, issuerKeyHash } = (json ?? {}) as Record<string, unknown>;
  if (typeof precertificate !== 'string' || typeof issuerKeyHash !== 'string')
    return 'expected {precertificate, issuerKeyHash} as base64 strings';
  return {
    precertificate: Buffer.from(precertificate, 'base64'),
    issuerKeyHash: Buffer.from(issuerKeyHash, 'base64')
  };
}

function parseChain(raw: Buffer): [Buffer, Buffer] | string {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return 'request body is not JSON';
  }
  const chain = (json as { chain?: unknown } | null)?.chain;
  if (!Array.isArray(chain) || chain.length < 2 || !chain.every((c) => typeof c === 'string'))
    return 'expected {"chain": [precertificate, issuer, ...]} as base64 DER strings';
  const [precert, issuer] = chain.map((c: string) => Buffer.from(c, 'base64'));
  return precert && issuer ? [precert, issuer] : 'chain needs a precertificate and its issuer';
}

function toArrayBuffer(data: Buffer): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
