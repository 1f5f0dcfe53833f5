// The act stand-ins for the third-party actions the workflows and examples use, bundled into
// self-contained action folders (action.yml + index.mjs) that act runs from --local-repository.
// Only the demo and the workflow tests use them; the product never does.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** `uses:` pins in our workflows and examples → stand-in folder name. */
export const STAND_INS: Record<string, string> = {
  'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8': 'checkout',
  'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02': 'upload-artifact',
  'actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093': 'download-artifact'
};

const SOURCE = join(import.meta.dirname, 'standins');

/** Bundles every stand-in into `outDir/<name>/`; returns `uses` → folder for --local-repository. */
export async function buildStandIns(outDir: string): Promise<Record<string, string>> {
  const folders: Record<string, string> = {};
  for (const name of new Set(Object.values(STAND_INS))) {
    const dir = join(outDir, name);
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(SOURCE, name, 'action.yml'), join(dir, 'action.yml'));
    await build({
      entryPoints: [join(SOURCE, name, 'main.ts')],
      outfile: join(dir, 'index.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      logLevel: 'error',
      // The Azure SDK inside @actions/artifact still calls require().
      banner: {
        js: "import { createRequire as __standInRequire } from 'node:module'; const require = __standInRequire(import.meta.url);"
      }
    });
    folders[name] = dir;
  }
  return Object.fromEntries(
    Object.entries(STAND_INS).map(([uses, name]) => [uses, folders[name]!])
  );
}
