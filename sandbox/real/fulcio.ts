// Sigstore's own Fulcio (built by scripts/install-peers.sh), run with an ephemeral in-memory CA.
// Its config is production's GitHub `ci-provider` entry pointed at the sandbox issuer, so the
// SAN and every GitHub certificate extension are written by Fulcio's own code
// (pkg/identity/ciprovider + the production templates), from a token it verifies itself against
// the issuer's discovery document and JWKS. It submits each
// precertificate to the sandbox CT log over RFC 6962 add-pre-chain and embeds the SCT.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { freePort } from '../registry.js';
import { startServerProcess, type ServerProcess } from './process.js';
import { fetchFulcioChains } from '../../src/publish/oci/action.js';
import { PEERS_DIR, peerBinary, peerVersion } from './peers.js';

/** Fulcio's production identity config, copied from the same module by install-peers.sh. */
const PRODUCTION_IDENTITY_CONFIG = join(PEERS_DIR, 'share', 'fulcio-identity-config.yaml');

/**
 * The config fulcio.sigstore.dev runs with (config/identity/config.yaml), with one change: the
 * sandbox issuer takes the place of token.actions.githubusercontent.com, with the same
 * `ci-provider` type and the production `github-workflow` templates (SAN from
 * job_workflow_ref, every 1.3.6.1.4.1.57264.1.* extension, .1.23 from the environment claim).
 */
async function fulcioConfigFor(issuerUrl: string, audience: string): Promise<string> {
  // Its mapping keys are aliases written `*github-type:`, which Go's yaml.v3 reads but YAML 1.2
  // parsers take as part of the alias name; a space before the colon means the same to both.
  const text = (await readFile(PRODUCTION_IDENTITY_CONFIG, 'utf8')).replace(
    /^(\s*)\*([\w-]+):/gm,
    '$1*$2 :'
  );
  const production = parse(text, { logLevel: 'error' }) as {
    'ci-issuer-metadata'?: Record<string, unknown>;
  };
  const github = production['ci-issuer-metadata']?.['github-workflow'];
  if (!github)
    throw new Error(
      `${PRODUCTION_IDENTITY_CONFIG} has no github-workflow templates (run: bash scripts/install-peers.sh fulcio)`
    );
  return stringify({
    'oidc-issuers': {
      [issuerUrl]: {
        'issuer-url': issuerUrl,
        'client-id': audience,
        type: 'ci-provider',
        'ci-provider': 'github-workflow'
      }
    },
    'ci-issuer-metadata': { 'github-workflow': github }
  });
}

export interface RealFulcio {
  readonly url: string;
  /** DER certificates, issuing CA first, root last (as trusted_root.json lists them). */
  readonly certChain: Buffer[];
  /** module@version that runs. */
  readonly version: string;
  readonly process: ServerProcess;
}

export async function startRealFulcio(options: {
  dataDir: string;
  issuerUrl: string;
  audience: string;
  /** The CT log's RFC 6962 base (Fulcio's --ct-log-url: host and path with the log prefix). */
  ctLogUrl: string;
}): Promise<RealFulcio> {
  const binary = peerBinary('fulcio');
  if (!binary) throw new Error('fulcio is not built (run: bash scripts/install-peers.sh fulcio)');
  const configPath = join(options.dataDir, 'fulcio-config.yaml');
  await writeFile(configPath, await fulcioConfigFor(options.issuerUrl, options.audience));
  const port = await freePort();
  const grpcPort = await freePort();
  const metricsPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const process = await startServerProcess({
    name: 'fulcio',
    binary,
    cwd: options.dataDir,
    logFile: join(options.dataDir, 'fulcio.log'),
    readyUrl: `${url}/api/v2/trustBundle`,
    args: [
      'serve',
      '--ca=ephemeralca',
      `--config-path=${configPath}`,
      '--host=127.0.0.1',
      `--port=${port}`,
      // Separate listeners: with one port for both ("duplex"), v1.8.8 panics registering its
      // gRPC metrics twice (chainguard.dev/go-grpc-kit). The HTTP API proxies to gRPC.
      '--grpc-host=127.0.0.1',
      `--grpc-port=${grpcPort}`,
      `--metrics-port=${metricsPort}`,
      `--legacy-unix-domain-socket=${join(options.dataDir, 'fulcio-legacy.sock')}`,
      `--ct-log-url=${options.ctLogUrl}`,
      '--log_type=prod'
    ]
  });
  try {
    // The same reader the action uses for cosign's chain annotation.
    const [authority] = (await fetchFulcioChains(url)).certificateAuthorities ?? [];
    const certChain = (authority?.certChain?.certificates ?? []).map((c) =>
      Buffer.from(c.rawBytes ?? '', 'base64')
    );
    if (certChain.length === 0) throw new Error('fulcio: the trust bundle holds no certificate');
    return {
      url,
      certChain,
      version: peerVersion('fulcio') ?? 'fulcio (unknown version)',
      process
    };
  } catch (e) {
    await process.stop();
    throw e;
  }
}
