// The sandbox Rekor (v1 API). Unlike @sigstore/mock's log (one random-index entry, the
// proposed entry stored as is), this keeps a real append-only RFC 6962 tree: entries are
// canonicalised the way Rekor does it, DSSE signatures are checked against the submitted
// verifier, duplicates get 409 + Location (what @sigstore/sign's fetchOnConflict needs), and
// every answer carries an inclusion proof, a signed checkpoint and a signed entry timestamp.
import {
  X509Certificate,
  createHash,
  createPublicKey,
  randomInt,
  sign,
  verify,
  type KeyObject
} from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { dsse, json as sigstoreJson } from '@sigstore/core';
import { sendJson, type SandboxRequest, type SandboxService } from './http.js';
import { inclusionPath, leafHash, rootHash } from './merkle.js';

export const REKOR_ENTRIES_PATH = '/api/v1/log/entries';

interface StoredEntry {
  uuid: string; // hex leaf hash
  body: Buffer; // canonical entry body
  integratedTime: number; // seconds
  logIndex: number;
}

export interface SandboxRekor {
  readonly service: SandboxService;
  /** DER SubjectPublicKeyInfo of the log key. */
  readonly publicKey: Buffer;
  /** SHA-256 of the public key (Rekor's log id). */
  readonly logId: Buffer;
  bind(url: string): void;
  /** Number of entries in the log. */
  size(): number;
  /**
   * For the `rekor=409` fault: log the proposed entry if it is valid and new, then answer 409
   * pointing at it, as Rekor does when a client retries an upload whose answer was lost.
   */
  answerConflict(req: SandboxRequest, res: ServerResponse): void;
}

class EntryRefused extends Error {}

export function createRekor(keyPair: {
  publicKey: KeyObject;
  privateKey: KeyObject;
}): SandboxRekor {
  const publicKey = keyPair.publicKey.export({ format: 'der', type: 'spki' });
  const logId = createHash('sha256').update(publicKey).digest();
  const treeId = randomInt(2 ** 47);
  const entries: StoredEntry[] = [];
  const byUuid = new Map<string, StoredEntry>();
  let host = '';

  const append = (body: Buffer): { entry: StoredEntry; created: boolean } => {
    const uuid = leafHash(body).toString('hex');
    const existing = byUuid.get(uuid);
    if (existing) return { entry: existing, created: false };
    const entry: StoredEntry = {
      uuid,
      body,
      integratedTime: Math.floor(Date.now() / 1000),
      logIndex: entries.length
    };
    entries.push(entry);
    byUuid.set(uuid, entry);
    return { entry, created: true };
  };

  const checkpoint = (size: number, root: Buffer): string => {
    const note = [
      `${host} - ${treeId}`,
      String(size),
      root.toString('base64'),
      `Timestamp: ${Date.now() * 1_000_000}`,
      ''
    ].join('\n');
    const signature = sign('sha256', Buffer.from(note), keyPair.privateKey);
    const hintAndSignature = Buffer.concat([logId.subarray(0, 4), signature]);
    return `${note}\n\u2014 ${host} ${hintAndSignature.toString('base64')}\n`;
  };

  const render = (entry: StoredEntry) => {
    const leaves = entries.map((e) => leafHash(e.body));
    const root = rootHash(leaves);
    const body = entry.body.toString('base64');
    const setPayload = {
      body,
      integratedTime: entry.integratedTime,
      logIndex: entry.logIndex,
      logID: logId.toString('hex')
    };
    const set = sign(
      'sha256',
      Buffer.from(sigstoreJson.canonicalize(setPayload)),
      keyPair.privateKey
    );
    return {
      [entry.uuid]: {
        body,
        integratedTime: entry.integratedTime,
        logID: logId.toString('hex'),
        logIndex: entry.logIndex,
        verification: {
          inclusionProof: {
            logIndex: entry.logIndex,
            rootHash: root.toString('hex'),
            treeSize: leaves.length,
            hashes: inclusionPath(entry.logIndex, leaves).map((h) => h.toString('hex')),
            checkpoint: checkpoint(leaves.length, root)
          },
          signedEntryTimestamp: set.toString('base64')
        }
      }
    };
  };

  const location = (entry: StoredEntry) => `${REKOR_ENTRIES_PATH}/${entry.uuid}`;

  const conflict = (res: ServerResponse, entry: StoredEntry) =>
    sendJson(
      res,
      409,
      {
        code: 409,
        message: `an equivalent entry already exists in the transparency log with UUID ${entry.uuid}`
      },
      { location: location(entry) }
    );

  const parse = (req: SandboxRequest, res: ServerResponse): Buffer | undefined => {
    try {
      return canonicalBody(req.body);
    } catch (e) {
      if (!(e instanceof EntryRefused)) throw e;
      sendJson(res, 400, { code: 400, message: `rekor: ${e.message}` });
      return undefined;
    }
  };

  const service: SandboxService = {
    name: 'rekor',
    handle(req: SandboxRequest, res: ServerResponse) {
      const path = req.url.pathname;
      if (req.method === 'POST' && path === REKOR_ENTRIES_PATH) {
        const body = parse(req, res);
        if (!body) return;
        const { entry, created } = append(body);
        if (!created) return conflict(res, entry);
        sendJson(res, 201, render(entry), { location: location(entry) });
        return;
      }
      if (req.method === 'GET' && path.startsWith(`${REKOR_ENTRIES_PATH}/`)) {
        // Rekor entry ids may carry a 16-hex tree id prefix before the 64-hex leaf hash.
        const id = path.slice(REKOR_ENTRIES_PATH.length + 1).slice(-64);
        const entry = byUuid.get(id);
        if (!entry) sendJson(res, 404, { code: 404, message: `rekor: no entry with UUID ${id}` });
        else sendJson(res, 200, render(entry));
        return;
      }
      if (req.method === 'GET' && path === '/api/v1/log') {
        const root = rootHash(entries.map((e) => leafHash(e.body)));
        sendJson(res, 200, {
          rootHash: root.toString('hex'),
          treeSize: entries.length,
          treeID: String(treeId),
          signedTreeHead: checkpoint(entries.length, root)
        });
        return;
      }
      if (req.method === 'GET' && path === '/api/v1/log/publicKey') {
        res.writeHead(200, { 'content-type': 'application/x-pem-file' });
        res.end(keyPair.publicKey.export({ format: 'pem', type: 'spki' }));
      }
    }
  };

  return {
    service,
    publicKey,
    logId,
    bind(url: string) {
      host = new URL(url).host;
    },
    size: () => entries.length,
    answerConflict(req: SandboxRequest, res: ServerResponse) {
      const body = parse(req, res);
      if (body) conflict(res, append(body).entry);
    }
  };
}

/** Rekor's canonical form of a proposed entry; throws EntryRefused naming the problem. */
function canonicalBody(raw: Buffer): Buffer {
  let proposed: { kind?: unknown; apiVersion?: unknown; spec?: unknown };
  try {
    proposed = JSON.parse(raw.toString('utf8')) as typeof proposed;
  } catch {
    throw new EntryRefused('request body is not JSON');
  }
  if (proposed.kind !== 'dsse' || proposed.apiVersion !== '0.0.1')
    throw new EntryRefused(
      `the sandbox log accepts kind dsse apiVersion 0.0.1, found kind ${String(proposed.kind)} apiVersion ${String(proposed.apiVersion)}`
    );
  const content = (
    proposed.spec as { proposedContent?: { envelope?: unknown; verifiers?: unknown } } | undefined
  )?.proposedContent;
  if (
    typeof content?.envelope !== 'string' ||
    !Array.isArray(content.verifiers) ||
    content.verifiers.length === 0
  )
    throw new EntryRefused(
      'dsse entry needs spec.proposedContent.envelope (string) and verifiers (non-empty)'
    );
  const verifiers = content.verifiers.map((v) => {
    if (typeof v !== 'string') throw new EntryRefused('each verifier must be a base64 string');
    return v;
  });
  let envelope: { payloadType?: unknown; payload?: unknown; signatures?: unknown };
  try {
    envelope = JSON.parse(content.envelope) as typeof envelope;
  } catch {
    throw new EntryRefused('dsse envelope is not JSON');
  }
  const { payloadType, payload, signatures } = envelope;
  if (
    typeof payloadType !== 'string' ||
    typeof payload !== 'string' ||
    !Array.isArray(signatures) ||
    signatures.length === 0
  )
    throw new EntryRefused('dsse envelope needs payloadType, payload and at least one signature');
  const payloadBytes = Buffer.from(payload, 'base64');
  const pae = dsse.preAuthEncoding(payloadType, payloadBytes);
  // Rekor stores each verifier re-encoded, not as submitted: pkg/types/dsse/v0.0.1/entry.go
  // canonicalizes through x509.PublicKey.CanonicalValue() (pkg/pki/x509/x509.go), i.e. Go's
  // PEM encoding (64-column lines, trailing newline). sigstore-python compares the bundle's
  // certificate, PEM-encoded the same way, with that value ("log entry signatures do not match
  // bundle" otherwise), so echoing @sigstore/sign's newline-less PEM back is not what Rekor does.
  const keys = verifiers.map((v) => {
    const pem = Buffer.from(v, 'base64').toString('utf8');
    try {
      const canonical = pem.includes('BEGIN CERTIFICATE')
        ? new X509Certificate(pem).toString()
        : (createPublicKey(pem).export({ type: 'spki', format: 'pem' }) as string);
      return { encoded: Buffer.from(canonical).toString('base64'), key: createPublicKey(pem) };
    } catch {
      throw new EntryRefused('a verifier is not a PEM certificate or public key');
    }
  });
  const canonicalSignatures = signatures.map((s: { sig?: unknown }, i: number) => {
    if (typeof s?.sig !== 'string') throw new EntryRefused(`signature ${i} has no sig`);
    const sig = Buffer.from(s.sig, 'base64');
    const match = keys.find((k) => verify('sha256', pae, k.key, sig));
    if (!match) throw new EntryRefused(`signature ${i} does not verify against any verifier`);
    return { signature: s.sig, verifier: match.encoded };
  });
  const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  const body = {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(payloadBytes) },
      signatures: canonicalSignatures
    }
  };
  return Buffer.from(sigstoreJson.canonicalize(body));
}
