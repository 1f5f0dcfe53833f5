// The sandbox Rekor v2 log: the write API of rekor-tiles (POST /api/v2/log/entries) over an
// append-only RFC 6962 tree, answering with a TransparencyLogEntry whose inclusion proof is
// against a C2SP checkpoint (signed note, Ed25519) — what sigstore/rekor-tiles serves, read from
// its source (internal/server/service.go CreateEntry, pkg/types/hashedrekord, CLIENTS.md):
//   - only `hashedRekordRequestV002` is accepted; DSSE was dropped (fa390b1, v2.3.0), so a
//     `dsseRequestV002` gets 400 "invalid type, must be hashedrekord";
//   - the digest length must match the key's hash and the signature must verify over it;
//   - the stored body is the JCS-canonical JSON of the v2 Entry (kind hashedrekord,
//     apiVersion 0.0.2, data {algorithm, digest}, signature as submitted);
//   - a duplicate entry gets 409 (AlreadyExists); there is no SET and integratedTime is 0;
//   - logId is the checkpoint key id: SHA-256(origin || "\n" || 0x01 || Ed25519 key), the
//     C2SP signed-note key hash (checked against the public-good log2025-1 entry of
//     trusted_root.json in __tests__/signing/rekor-v2-log.test.ts).
import { X509Certificate, createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { json as sigstoreJson } from '@sigstore/core';
import { verifyP256Prehashed } from './ecdsa-prehashed.js';
import { sendJson, type SandboxRequest, type SandboxService } from './http.js';
import { inclusionPath, leafHash, rootHash } from './merkle.js';

export const REKOR_V2_ENTRIES_PATH = '/api/v2/log/entries';

export interface SandboxRekorV2 {
  readonly service: SandboxService;
  /** DER SubjectPublicKeyInfo of the Ed25519 checkpoint key. */
  readonly publicKey: Buffer;
  /** The checkpoint key id (the log id the trusted root and the entries carry). */
  logId(): Buffer;
  /** Sets the origin (the host name of the log's base URL) once the server listens. */
  bind(url: string): void;
  size(): number;
}

/** C2SP signed-note key hash of an Ed25519 key for `origin`. */
export function checkpointKeyId(origin: string, ed25519Spki: Buffer): Buffer {
  const raw = ed25519Spki.subarray(ed25519Spki.length - 32);
  return createHash('sha256')
    .update(Buffer.from(`${origin}\n`))
    .update(Buffer.from([0x01]))
    .update(raw)
    .digest();
}

class EntryRefused extends Error {}

const b64 = (value: unknown, field: string): Buffer => {
  if (typeof value !== 'string' || value === '' || !/^[A-Za-z0-9+/=_-]+$/.test(value))
    throw new EntryRefused(`${field} is missing or not base64`);
  return Buffer.from(value, 'base64');
};

interface ParsedRequest {
  body: Buffer; // canonical v2 Entry
}

/** Validates a CreateEntryRequest (JSON) as rekor-tiles does and returns the canonical entry. */
function toLogEntry(raw: Buffer): ParsedRequest {
  let request: Record<string, unknown>;
  try {
    request = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new EntryRefused('request body is not JSON');
  }
  const hr = request.hashedRekordRequestV002 as
    | { digest?: unknown; signature?: { content?: unknown; verifier?: Record<string, unknown> } }
    | undefined;
  if (!hr || typeof hr !== 'object') throw new EntryRefused('invalid type, must be hashedrekord');
  const signature = b64(hr.signature?.content, 'signature.content');
  const verifier = hr.signature?.verifier;
  if (!verifier) throw new EntryRefused('missing verifier');
  const digest = b64(hr.digest, 'digest');
  if (verifier.keyDetails !== 'PKIX_ECDSA_P256_SHA_256')
    throw new EntryRefused(
      `unsupported keyDetails ${JSON.stringify(verifier.keyDetails)} (the sandbox log takes PKIX_ECDSA_P256_SHA_256)`
    );
  if (digest.length !== 32)
    throw new EntryRefused(
      `digest length (${digest.length}) does not match expected size (32) for algorithm SHA-256`
    );
  let key: KeyObject;
  const cert = verifier.x509Certificate as { rawBytes?: unknown } | undefined;
  const publicKey = verifier.publicKey as { rawBytes?: unknown } | undefined;
  try {
    if (cert) key = new X509Certificate(b64(cert.rawBytes, 'x509Certificate.rawBytes')).publicKey;
    else if (publicKey)
      key = createPublicKey({
        key: b64(publicKey.rawBytes, 'publicKey.rawBytes'),
        format: 'der',
        type: 'spki'
      });
    else throw new EntryRefused('must contain either a public key or X.509 certificate');
  } catch (e) {
    if (e instanceof EntryRefused) throw e;
    throw new EntryRefused('parsing verifier: not a DER certificate or public key');
  }
  if (!verifyP256Prehashed(key, digest, signature))
    throw new EntryRefused(
      'verifying signature: invalid signature when validating ASN.1 encoded signature'
    );
  const entry = {
    kind: 'hashedrekord',
    apiVersion: '0.0.2',
    spec: {
      hashedRekordV002: {
        data: { algorithm: 'SHA2_256', digest: digest.toString('base64') },
        signature: hr.signature
      }
    }
  };
  return { body: Buffer.from(sigstoreJson.canonicalize(entry)) };
}

export function createRekorV2(keyPair: {
  publicKey: KeyObject;
  privateKey: KeyObject;
}): SandboxRekorV2 {
  if (keyPair.publicKey.asymmetricKeyType !== 'ed25519')
    throw new Error('the Rekor v2 checkpoint key must be Ed25519');
  const publicKey = keyPair.publicKey.export({ format: 'der', type: 'spki' });
  const bodies: Buffer[] = [];
  const leaves: Buffer[] = [];
  const byLeaf = new Map<string, number>();
  let origin = '';
  let keyId: Buffer = Buffer.alloc(0);

  /** A C2SP checkpoint for the tree as it is now (signed note, one Ed25519 signature). */
  const checkpoint = (size: number, root: Buffer): string => {
    const note = `${origin}\n${size}\n${root.toString('base64')}\n`;
    const signature = sign(null, Buffer.from(note), keyPair.privateKey);
    const line = Buffer.concat([keyId.subarray(0, 4), signature]).toString('base64');
    return `${note}\n\u2014 ${origin} ${line}\n`;
  };

  // protojson, as rekor-tiles answers: zero values (index 0, no sibling hashes) are left out.
  const entryFor = (index: number) => {
    const root = rootHash(leaves);
    const hashes = inclusionPath(index, leaves).map((h) => h.toString('base64'));
    const logIndex = index === 0 ? {} : { logIndex: String(index) };
    return {
      ...logIndex,
      logId: { keyId: keyId.toString('base64') },
      kindVersion: { kind: 'hashedrekord', version: '0.0.2' },
      inclusionProof: {
        ...logIndex,
        rootHash: root.toString('base64'),
        treeSize: String(leaves.length),
        ...(hashes.length > 0 ? { hashes } : {}),
        checkpoint: { envelope: checkpoint(leaves.length, root) }
      },
      canonicalizedBody: bodies[index]!.toString('base64')
    };
  };

  const service: SandboxService = {
    name: 'rekor-v2',
    handle(req: SandboxRequest, res: ServerResponse) {
      const path = req.url.pathname;
      if (req.method === 'POST' && path === REKOR_V2_ENTRIES_PATH) {
        let parsed: ParsedRequest;
        try {
          parsed = toLogEntry(req.body);
        } catch (e) {
          if (!(e instanceof EntryRefused)) throw e;
          // grpc-gateway's error shape: InvalidArgument = gRPC code 3, HTTP 400.
          sendJson(res, 400, { code: 3, message: e.message, details: [] });
          return;
        }
        const leaf = leafHash(parsed.body);
        const existing = byLeaf.get(leaf.toString('hex'));
        if (existing !== undefined) {
          sendJson(res, 409, {
            code: 6,
            message: `an equivalent entry already exists in the log at index ${existing}`,
            details: []
          });
          return;
        }
        bodies.push(parsed.body);
        leaves.push(leaf);
        byLeaf.set(leaf.toString('hex'), leaves.length - 1);
        sendJson(res, 201, entryFor(leaves.length - 1));
        return;
      }
      if (req.method === 'GET' && path === '/checkpoint') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(checkpoint(leaves.length, rootHash(leaves)));
        return;
      }
      if (req.method === 'GET' && path === '/healthz') sendJson(res, 200, { status: 'SERVING' });
    }
  };

  return {
    service,
    publicKey,
    logId: () => keyId,
    bind(url: string) {
      // The origin is the log's host name (rekor-tiles --hostname): sigstore-go builds the note
      // verifier from the trusted root baseUrl's hostname (pkg/verify/tlog.go), port left out.
      origin = new URL(url).hostname;
      keyId = checkpointKeyId(origin, publicKey);
    },
    size: () => leaves.length
  };
}
