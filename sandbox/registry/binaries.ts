// Locates Debian's docker-registry, skopeo and htpasswd. When one is missing we try the
// project's installer once; if that cannot help, the error names the command to run.
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REGISTRY_BINARIES = {
  registry: '/usr/bin/docker-registry',
  skopeo: '/usr/bin/skopeo',
  htpasswd: '/usr/bin/htpasswd'
} as const;

const INSTALL_HINT =
  'bash scripts/install-system-deps.sh (or: sudo apt-get install -y docker-registry skopeo apache2-utils)';

async function missingBinaries(): Promise<string[]> {
  const missing: string[] = [];
  for (const path of Object.values(REGISTRY_BINARIES)) {
    try {
      await access(path, constants.X_OK);
    } catch {
      missing.push(path);
    }
  }
  return missing;
}

let ensured: Promise<void> | undefined;

/** Resolves when all three binaries are present; rejects with the command that installs them. */
export function ensureRegistryBinaries(): Promise<void> {
  ensured ??= (async () => {
    if ((await missingBinaries()).length === 0) return;
    try {
      await run('bash', ['scripts/install-system-deps.sh'], { timeout: 300_000 });
    } catch {
      // the installer explains itself on stderr; we report what is still missing below
    }
    const stillMissing = await missingBinaries();
    if (stillMissing.length > 0)
      throw new Error(`missing ${stillMissing.join(', ')}; install them with: ${INSTALL_HINT}`);
  })();
  return ensured;
}
