// Serves an OCI image layout directory (such as the corpus's cosign-signed container) over
// the read side of the OCI distribution API on 127.0.0.1, so verify-image can be run against
// real attestations without a network. Tags come from `org.opencontainers.image.ref.name`
// annotations and, for cosign layouts, from the `dev.cosignproject.cosign/atts` manifest
// (served as `sha256-<image hex>.att`). Optional bearer-token auth mimics a real registry.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface LayoutRegistryOptions {
  /** When set, every /v2 request needs this basic-auth pair exchanged for a bearer token. */
  credentials?: { username: string; password: string };
}

export interface LayoutRegistry {
  host: string;
  imageDigest: string;
  requests: string[];
  close(): Promise<void>;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  annotations?: Record<string, string>;
}

export async function serveOciLayout(
  dir: string,
  options: LayoutRegistryOptions = {}
): Promise<LayoutRegistry> {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    manifests: Descriptor[];
  };
  const tags = new Map<string, Descriptor>();
  const image =
    index.manifests.find((d) => d.annotations?.kind === 'dev.cosignproject.cosign/imageIndex') ??
    index.manifests[0];
  if (!image) throw new Error(`${dir}: index.json lists no manifests`);
  for (const descriptor of index.manifests) {
    const name = descriptor.annotations?.['org.opencontainers.image.ref.name'];
    if (name) tags.set(name, descriptor);
    if (descriptor.annotations?.kind === 'dev.cosignproject.cosign/atts')
      tags.set(`${image.digest.replace(':', '-')}.att`, descriptor);
  }
  const token = createHash('sha256').update(dir).digest('hex');
  const requests: string[] = [];
  const blobPath = (digest: string) => join(dir, 'blobs', ...digest.split(':'));

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://registry');
    requests.push(`${req.method} ${url.pathname}`);
    if (url.pathname === '/token') {
      const expected = options.credentials
        ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
        : undefined;
      if (req.headers.authorization !== expected) return void res.writeHead(401).end();
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ token }));
    }
    if (options.credentials && req.headers.authorization !== `Bearer ${token}`) {
      const realm = `http://${req.headers.host}/token`;
      return void res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="${realm}",service="layout",scope="repository:x:pull"`
        })
        .end();
    }
    const match = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/([^/]+)$/.exec(url.pathname);
    if (!match) return void res.writeHead(url.pathname === '/v2/' ? 200 : 404).end();
    const [, , kind, reference] = match as unknown as [string, string, string, string];
    if (kind === 'referrers') return void res.writeHead(404).end();
    const digest = reference.includes(':') ? reference : tags.get(reference)?.digest;
    if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest) || !existsSync(blobPath(digest)))
      return void res.writeHead(404).end();
    const body = readFileSync(blobPath(digest));
    const mediaType =
      kind === 'manifests'
        ? ((JSON.parse(body.toString('utf8')) as { mediaType?: string }).mediaType ??
          'application/vnd.oci.image.manifest.v1+json')
        : 'application/octet-stream';
    res
      .writeHead(200, {
        'content-type': mediaType,
        'content-length': body.length,
        'docker-content-digest': digest
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    imageDigest: image.digest,
    requests,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
  };
}
