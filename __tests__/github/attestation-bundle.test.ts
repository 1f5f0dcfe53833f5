// Reading one entry of the attestation list: inline bundle, bundle_url (snappy or plain JSON),
// and the refusals (a blob too large to be a bundle is refused before it is read).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { compress as snappyCompress } from 'snappyjs';
import { listedBundle, MAX_BUNDLE_BYTES } from '../../src/publish/attestation-bundle.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(
  answer: (res: import('node:http').ServerResponse) => void
): Promise<{ url: string; authorization: (string | undefined)[] }> {
  const authorization: (string | undefined)[] = [];
  server = createServer((req, res) => {
    authorization.push(req.headers.authorization);
    answer(res);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/attestations/1.json.sn?sig=x`, authorization };
}

const BUNDLE = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', dsseEnvelope: {} };

describe('listedBundle', () => {
  it('returns an inline bundle as it is, and nothing for an entry with neither', async () => {
    expect(await listedBundle({ bundle: BUNDLE })).toBe(BUNDLE);
    expect(await listedBundle({ bundle: null })).toBeUndefined();
  });

  it('reads a snappy blob, and plain JSON should storage ever serve that', async () => {
    const snappy = await serve((res) => {
      const body = snappyCompress(Buffer.from(JSON.stringify(BUNDLE)));
      res.writeHead(200, { 'content-type': 'application/x-snappy' }).end(body);
    });
    expect(await listedBundle({ bundle: null, bundle_url: snappy.url })).toEqual(BUNDLE);
    expect(snappy.authorization).toEqual([undefined]);
    await new Promise((r) => server!.close(r));
    const plain = await serve((res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(BUNDLE))
    );
    expect(await listedBundle({ bundle: null, bundle_url: plain.url })).toEqual(BUNDLE);
  });

  it('refuses a blob whose length says it is no bundle, without reading it', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, {
        'content-type': 'application/x-snappy',
        'content-length': String(MAX_BUNDLE_BYTES + 1)
      });
      res.write(Buffer.alloc(16)); // and never the rest
    });
    await expect(listedBundle({ bundle: null, bundle_url: url })).rejects.toThrow(
      `attestations API: cannot read a stored bundle from its bundle_url: ${MAX_BUNDLE_BYTES + 1} bytes, more than a bundle`
    );
  });

  it('refuses a bundle_url that is not an http(s) URL', async () => {
    await expect(listedBundle({ bundle: null, bundle_url: 'file:///etc/passwd' })).rejects.toThrow(
      'unsupported scheme file:'
    );
  });
});
