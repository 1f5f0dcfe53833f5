// Builds a tiny OCI image layout on disk (one image, or a two-platform index) that skopeo can
// push. The layer is a valid empty tar, gzipped; the config carries a label so every name
// gets its own digest.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface LayoutDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { architecture: string; os: string };
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function writeBlob(dir: string, data: Buffer): Promise<string> {
  const digest = sha256(data);
  await writeFile(join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), data);
  return digest;
}

async function writeImageManifest(
  dir: string,
  label: string,
  architecture: string
): Promise<LayoutDescriptor> {
  const tar = Buffer.alloc(1024); // an empty tar archive: two zero blocks
  const layer = gzipSync(tar);
  const layerDigest = await writeBlob(dir, layer);
  const config = Buffer.from(
    JSON.stringify({
      architecture,
      os: 'linux',
      config: { Labels: { 'org.opencontainers.image.title': label } },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] }
    })
  );
  const configDigest = await writeBlob(dir, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: layerDigest,
          size: layer.length
        }
      ]
    })
  );
  return {
    mediaType: OCI_MANIFEST,
    digest: await writeBlob(dir, manifest),
    size: manifest.length,
    platform: { architecture, os: 'linux' }
  };
}

/** Writes an OCI layout into `dir` and returns the descriptor of its top manifest. */
export async function writeTestImageLayout(
  dir: string,
  label: string,
  options: { multiArch?: boolean } = {}
): Promise<LayoutDescriptor> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  let top: LayoutDescriptor;
  if (options.multiArch) {
    const platforms = [
      await writeImageManifest(dir, label, 'amd64'),
      await writeImageManifest(dir, label, 'arm64')
    ];
    const index = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: platforms })
    );
    top = { mediaType: OCI_INDEX, digest: await writeBlob(dir, index), size: index.length };
  } else {
    const single = await writeImageManifest(dir, label, 'amd64');
    top = { mediaType: single.mediaType, digest: single.digest, size: single.size };
  }
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [{ ...top, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }]
    })
  );
  return top;
}
