// Sigstore's own timestamp-authority (built by scripts/install-peers.sh) with its in-memory
// signer: it makes a root + timestamping certificate at start, which we read back from
// /api/v1/timestamp/certchain for trusted_root.json.
// Its Prometheus listener is fixed at :2112 (pkg/server/prometheus.go), so only one real TSA
// can run on a machine at a time: sandboxes take turns through a machine-wide lock.
import { join } from 'node:path';
import { freePort } from '../registry.js';
import { startServerProcess, type ServerProcess } from './process.js';
import { peerBinary, peerVersion } from './peers.js';
import { acquireMachineLock } from './machine-lock.js';

export interface RealTSA {
  readonly url: string;
  /** DER certificates, signing certificate first, root last. */
  readonly certChain: Buffer[];
  readonly version: string;
  readonly process: ServerProcess;
}

export async function startRealTSA(options: { dataDir: string }): Promise<RealTSA> {
  const binary = peerBinary('timestamp-authority');
  if (!binary)
    throw new Error(
      'timestamp-authority is not built (run: bash scripts/install-peers.sh timestamp-authority)'
    );
  const release = await acquireMachineLock('timestamp-authority-2112');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let started: ServerProcess;
  try {
    started = await startServerProcess({
      name: 'timestamp-authority',
      binary,
      cwd: options.dataDir,
      logFile: join(options.dataDir, 'timestamp-authority.log'),
      readyUrl: `${url}/api/v1/timestamp/certchain`,
      args: [
        'serve',
        '--host=127.0.0.1',
        `--port=${port}`,
        '--timestamp-signer=memory',
        '--disable-ntp-monitoring',
        '--log-type=prod'
      ]
    });
  } catch (e) {
    release();
    throw e;
  }
  try {
    const pem = await (await fetch(`${url}/api/v1/timestamp/certchain`)).text();
    const certChain = pemCertificates(pem);
    if (certChain.length === 0) throw new Error('timestamp-authority: empty certificate chain');
    return {
      url,
      certChain,
      version: peerVersion('timestamp-authority') ?? 'timestamp-authority (unknown version)',
      process: {
        ...started,
        stop: async () => {
          await started.stop();
          release();
        }
      }
    };
  } catch (e) {
    await started.stop();
    release();
    throw e;
  }
}

/** The DER certificates of a PEM bundle, in order. */
function pemCertificates(pem: string): Buffer[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) =>
    Buffer.from(
      block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''),
      'base64'
    )
  );
}
