// Workflow-artifact storage for the sandbox: the results service (Twirp) plus azurite for the
// blobs, wired like GitHub's: the service hands out short-lived SAS URLs, the client moves the
// bytes straight to and from blob storage.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  BlobSASPermissions,
  ContainerClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob';
import type { SandboxService } from '../http.js';
import { DEV_ACCOUNT, DEV_ACCOUNT_KEY, startAzurite } from './azurite.js';
import {
  createResultsService,
  type ArtifactRecord,
  type BlobAccess,
  type ResultsServiceState
} from './results-service.js';
import { mintRuntimeToken } from './runtime-token.js';

export { readZipEntries } from './zip.js';
export type { ArtifactRecord } from './results-service.js';

const CONTAINER = 'actions-results';
const SAS_LIFETIME_MS = 60 * 60 * 1000;

export interface ArtifactStorage {
  /** Mount with serveService(); its URL is ACTIONS_RESULTS_URL. */
  resultsService: SandboxService & { state: ResultsServiceState };
  /** ACTIONS_RUNTIME_TOKEN for the job. */
  runtimeToken: string;
  blobEndpoint: string;
  /** Finalized artifacts of the run. */
  listArtifacts(): ArtifactRecord[];
  /** The stored bytes of the newest finalized artifact called `name` (a zip for normal uploads). */
  downloadArtifact(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startArtifactStorage(
  options: { runBackendId?: string; jobBackendId?: string } = {}
): Promise<ArtifactStorage> {
  const azurite = await startAzurite();
  try {
    const credential = new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_ACCOUNT_KEY);
    const container = new ContainerClient(`${azurite.blobEndpoint}/${CONTAINER}`, credential);
    await container.createIfNotExists();

    const signedUrl = (blobName: string, permissions: string) => {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: CONTAINER,
          blobName,
          permissions: BlobSASPermissions.parse(permissions),
          startsOn: new Date(Date.now() - 60_000),
          expiresOn: new Date(Date.now() + SAS_LIFETIME_MS)
        },
        credential
      ).toString();
      return `${container.getBlobClient(blobName).url}?${sas}`;
    };

    const blobs: BlobAccess = {
      uploadUrl: (name) => signedUrl(name, 'cw'),
      downloadUrl: (name) => signedUrl(name, 'r'),
      async size(name) {
        const blob = container.getBlobClient(name);
        if (!(await blob.exists())) return undefined;
        return (await blob.getProperties()).contentLength ?? 0;
      },
      async remove(name) {
        await container.getBlobClient(name).deleteIfExists();
      }
    };

    const secret = randomBytes(32);
    const ids = {
      runBackendId: options.runBackendId ?? randomUUID(),
      jobBackendId: options.jobBackendId ?? randomUUID()
    };
    const resultsService = createResultsService({ secret, blobs });

    return {
      resultsService,
      runtimeToken: mintRuntimeToken(secret, ids),
      blobEndpoint: azurite.blobEndpoint,
      listArtifacts: () => resultsService.state.artifacts.filter((a) => a.finalized),
      async downloadArtifact(name) {
        const record = resultsService.state.artifacts
          .filter((a) => a.finalized && a.name === name)
          .sort((a, b) => b.id - a.id)[0];
        if (!record) throw new Error(`sandbox artifacts: no artifact named ${name}`);
        return container.getBlobClient(record.blobName).downloadToBuffer();
      },
      close: () => azurite.close()
    };
  } catch (e) {
    await azurite.close();
    throw e;
  }
}
