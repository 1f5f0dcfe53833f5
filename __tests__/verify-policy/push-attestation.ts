// Test helper: pushes the corpus container's cosign attestation manifest (and its blobs) to
// a real registry under the cosign tag, with the plain OCI distribution upload API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  config: { digest: string };
  layers: { digest: string }[];
}

export async function pushCosignAttestation(options: {
  registryUrl: string;
  repository: string;
  layoutDir: string;
  manifestDigest: string;
  tag: string;
  authorization?: string;
}): Promise<void> {
  const { registryUrl, repository, layoutDir, manifestDigest, tag } = options;
  const headers: Record<string, string> = options.authorization
    ? { authorization: options.authorization }
    : {};
  const blob = (digest: string) => readFileSync(join(layoutDir, 'blobs', ...digest.split(':')));
  const manifestBytes = blob(manifestDigest);
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  for (const digest of [manifest.config.digest, ...manifest.layers.map((l) => l.digest)]) {
    const start = await fetch(`${registryUrl}/v2/${repository}/blobs/uploads/`, {
      method: 'POST',
      headers
    });
    if (start.status !== 202) throw new Error(`upload start: ${start.status}`);
    const location = new URL(start.headers.get('location') ?? '', registryUrl);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: blob(digest)
    });
    if (put.status !== 201) throw new Error(`upload ${digest}: ${put.status} ${await put.text()}`);
  }
  const put = await fetch(`${registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifestBytes
  });
  if (put.status !== 201) throw new Error(`manifest: ${put.status} ${await put.text()}`);
}
