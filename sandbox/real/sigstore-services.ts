// Chooses, per sandbox, who answers as Fulcio and as the timestamp authority: Sigstore's own
// servers (built by scripts/install-peers.sh) or our stand-ins on @sigstore/mock. Either way
// the answer comes through a sandbox service, so the fault plans sit in front of both, and
// trusted_root.json lists the keys of whichever actually signs.
import type { SandboxService } from '../http.js';
import { startRealFulcio } from './fulcio.js';
import { startRealTSA } from './tsa.js';
import { proxyService } from './proxy.js';
import { peerBinary } from './peers.js';

/** `real`: Sigstore's servers or fail; `auto`: real when built; `stand-in`: ours. */
export type SigstoreServers = 'real' | 'auto' | 'stand-in';

export const STAND_IN = 'stand-in (ours, in sandbox/)';

export function sigstoreServersFromEnv(fallback: SigstoreServers): SigstoreServers {
  const value = process.env.SANDBOX_SIGSTORE;
  return value === 'real' || value === 'auto' || value === 'stand-in' ? value : fallback;
}

export function realSigstoreAvailable(): boolean {
  return peerBinary('fulcio') !== undefined && peerBinary('timestamp-authority') !== undefined;
}

export interface RealSigstoreCore {
  fulcio: { service: SandboxService; certChain: Buffer[]; version: string };
  tsa: { service: SandboxService; certChain: Buffer[]; version: string };
  stop(): Promise<void>;
}

/** Starts the real Fulcio and TSA, or returns undefined when the stand-ins should answer. */
export async function startRealSigstoreCore(options: {
  mode: SigstoreServers;
  dataDir: string;
  issuerUrl: string;
  audience: string;
  ctLogUrl: string;
}): Promise<RealSigstoreCore | undefined> {
  if (options.mode === 'stand-in') return undefined;
  if (options.mode === 'auto' && !realSigstoreAvailable()) return undefined;
  const fulcio = await startRealFulcio(options);
  try {
    const tsa = await startRealTSA(options);
    return {
      fulcio: {
        service: proxyService('fulcio', fulcio.url),
        certChain: fulcio.certChain,
        version: fulcio.version
      },
      tsa: {
        service: proxyService('tsa', tsa.url),
        certChain: tsa.certChain,
        version: tsa.version
      },
      stop: async () => {
        await Promise.all([fulcio.process.stop(), tsa.process.stop()]);
      }
    };
  } catch (e) {
    await fulcio.process.stop();
    throw e;
  }
}
