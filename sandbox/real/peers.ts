// Where the real peers live: scripts/install-peers.sh builds them into <repo>/.peers/bin and
// writes each one's module@version into .peers/stamps/<name>. The sandbox, the demo and the
// interop suite read them from here; nothing here builds anything.
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PEERS_DIR = process.env.ISOLATED_PROVENANCE_PEERS ?? join(REPO_ROOT, '.peers');

/** The tool names of scripts/install-peers.sh, with the binary each one installs. */
export const PEER_BINARIES = {
  cosign: 'cosign',
  gh: 'gh',
  act: 'act',
  fulcio: 'fulcio',
  'timestamp-authority': 'timestamp-server',
  'sigstore-go': 'sigstore-go-verification',
  kyverno: 'kyverno',
  'policy-controller': 'policy-tester',
  'rekor-tiles': 'rekor-server-posix',
  'sigstore-python': 'sigstore'
} as const;
export type PeerName = keyof typeof PEER_BINARIES;

/** The absolute path of a built peer, or undefined when it is not (yet) built. */
export function peerBinary(name: PeerName): string | undefined {
  const path = join(PEERS_DIR, 'bin', PEER_BINARIES[name]);
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

/** What install-peers.sh recorded for the peer: `module@version` (Go) or the PyPI version. */
export function peerVersion(name: PeerName): string | undefined {
  try {
    return readFileSync(join(PEERS_DIR, 'stamps', name), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
