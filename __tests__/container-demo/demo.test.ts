// `npm run demo:container` as a user runs it: a child process driving the bundled action
// against the sandbox and Debian's docker-registry. What it claims is checked here again with
// skopeo and node:crypto, independently of the demo's own code. Never skipped: without
// docker-registry/skopeo the registry harness fails with the command that installs them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fetchBlob,
  inspectRaw,
  startRegistry,
  type RunningRegistry
} from '../../sandbox/registry.js';
import { dsseSignatureVerifies, setVerifies, type TrustedRootJson } from '../oci/offline-checks.js';

interface ContainerPublication {
  image: string;
  digest: string;
  cosignTag: string;
  referrerTag: string;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  annotations?: Record<string, string>;
}

interface DemoRun {
  exitCode: number;
  stdout: string;
  out: string;
  publications: ContainerPublication[];
  root: TrustedRootJson;
}

const DEMO_TIMEOUT = 120_000;
const scratch = mkdtempSync(join(tmpdir(), 'container-demo-test-'));

function runDemo(out: string, extra: string[] = []): Promise<DemoRun> {
  const child = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'demo/container.ts', '--out', out, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const read = (name: string) =>
        existsSync(join(out, name)) ? JSON.parse(readFileSync(join(out, name), 'utf8')) : [];
      resolve({
        exitCode: code ?? 1,
        stdout,
        out,
        publications: read('container.json') as ContainerPublication[],
        root: read('trusted_root.json') as TrustedRootJson
      });
    })
  );
}

function expectPublicationShape(publications: ContainerPublication[], host?: string): void {
  expect(publications.map((p) => p.image.replace(/^[^/]+\//, ''))).toEqual([
    'demo/app',
    'demo/tools'
  ]);
  for (const p of publications) {
    if (host) expect(p.image.startsWith(`${host}/`)).toBe(true);
    expect(p.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const hex = p.digest.slice('sha256:'.length);
    expect(p.cosignTag).toBe(`sha256-${hex}.att`);
    expect(p.referrerTag).toBe(`sha256-${hex}`);
  }
}

/** The two tags of one image as skopeo reads them. */
async function readTags(p: ContainerPublication) {
  const att = await inspectRaw(`${p.image}:${p.cosignTag}`);
  const index = await inspectRaw(`${p.image}:${p.referrerTag}`);
  return {
    att,
    index,
    layers: (att?.layers as Descriptor[] | undefined) ?? [],
    entries: (index?.manifests as Descriptor[] | undefined) ?? [],
    attMediaType: att?.mediaType,
    indexMediaType: index?.mediaType
  };
}

const digestsOf = (list: Descriptor[]) => list.map((d) => d.digest);

/** A source commit other than the sandbox's default: another build of the same images. */
const OTHER_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';

/** The statement a DSSE envelope (cosign layer bytes) signs. */
function statementOf(bytes: Buffer): {
  subject: { digest: { sha256: string } }[];
  predicate: { buildDefinition: { resolvedDependencies: { digest: { gitCommit?: string } }[] } };
} {
  const envelope = JSON.parse(bytes.toString()) as { payload: string };
  return JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as ReturnType<
    typeof statementOf
  >;
}

describe('npm run demo:container', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    'starts its own registry, attests both images in one run and verifies them',
    async () => {
      const run = await runDemo(join(scratch, 'own'));
      expect(run.exitCode).toBe(0);
      expectPublicationShape(run.publications);
      expect(run.root.tlogs.length).toBeGreaterThan(0);
      expect(readdirSync(run.out).filter((f) => f.endsWith('.intoto.jsonl'))).toEqual([
        'container.intoto.jsonl'
      ]);
      const lines = readFileSync(join(run.out, 'container.intoto.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(2);
      // one action run signed both images: two bundles in one provenance file
      expect(run.stdout).toContain('Signed 2 bundles');
      expect(run.stdout.match(/DSSE signature \(node:crypto\): valid/g)).toHaveLength(2);
      expect(run.stdout.match(/Rekor SET {6}\(node:crypto\): valid/g)).toHaveLength(2);
      expect(run.stdout.match(/verifier core \(verifyCosignAttestation\): OK/g)).toHaveLength(2);
      for (const p of run.publications)
        expect(run.stdout).toContain(`${p.image}@${p.digest}: PASSED`);
      expect(run.stdout).toMatch(/wrong --source-uri .*: FAILED as it must/);
      expect(run.stdout).toContain('All checks passed.');
    },
    DEMO_TIMEOUT
  );

  it('refuses a --sha that is not a commit, naming what it expected', async () => {
    const run = await runDemo(join(scratch, 'bad-sha'), ['--sha', 'main']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('--sha: expected a 40-hex-digit commit, found "main"');
    expect(run.stdout).not.toContain('    at ');
  });

  describe('against a registry the test runs (--registry), run again', () => {
    // One --out for every run: the demo keeps each run's trusted root there (sandbox-runs/),
    // which is what lets a re-run verify the attestation an earlier sandbox signed.
    const out = join(scratch, 'registry-runs');
    let registry: RunningRegistry;
    let first: DemoRun;
    let firstTags: Awaited<ReturnType<typeof readTags>>[];

    beforeAll(async () => {
      registry = await startRegistry();
      first = await runDemo(out, ['--registry', registry.host]);
      firstTags = await Promise.all(first.publications.map(readTags));
    }, DEMO_TIMEOUT);

    afterAll(async () => {
      await registry?.close();
    });

    it('publishes both tags of both images, read back with skopeo', () => {
      expect(first.exitCode).toBe(0);
      expectPublicationShape(first.publications, registry.host);
      for (const tags of firstTags) {
        expect(tags.attMediaType).toBe('application/vnd.oci.image.manifest.v1+json');
        expect(tags.indexMediaType).toBe('application/vnd.oci.image.index.v1+json');
        expect(tags.layers.map((l) => l.mediaType)).toEqual([
          'application/vnd.dsse.envelope.v1+json'
        ]);
        expect(tags.entries).toHaveLength(1);
      }
    });

    it('the cosign layer: DSSE signature by the annotated certificate, SET by the sandbox log', async () => {
      for (const [i, p] of first.publications.entries()) {
        const layer = firstTags[i]!.layers[0]!;
        const name = p.image.slice(registry.host.length + 1);
        const bytes = await fetchBlob(registry, name, layer.digest);
        expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(layer.digest);
        const certificate = layer.annotations?.['dev.sigstore.cosign/certificate'] ?? '';
        const set = layer.annotations?.['dev.sigstore.cosign/bundle'] ?? '';
        expect(dsseSignatureVerifies(bytes, certificate)).toBe(true);
        expect(setVerifies(set, first.root)).toBe(true);
        // the statement names this image, and nothing else
        const envelope = JSON.parse(bytes.toString()) as { payload: string };
        const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as {
          subject: { digest: { sha256: string } }[];
        };
        expect(statement.subject.map((s) => `sha256:${s.digest.sha256}`)).toEqual([p.digest]);

        // the checks are real: a changed payload or a changed SET no longer verifies
        const tampered = Buffer.from(
          JSON.stringify({
            ...JSON.parse(bytes.toString()),
            payload: Buffer.from('{}').toString('base64')
          })
        );
        expect(dsseSignatureVerifies(tampered, certificate)).toBe(false);
        const parsedSet = JSON.parse(set) as { Payload: { logIndex: number } };
        parsedSet.Payload.logIndex += 1;
        expect(setVerifies(JSON.stringify(parsedSet), first.root)).toBe(false);
      }
    });

    it('the referrer in the fallback index holds a bundle for this image', async () => {
      for (const [i, p] of first.publications.entries()) {
        const entry = firstTags[i]!.entries[0]!;
        const manifest = await inspectRaw(`${p.image}@${entry.digest}`);
        expect((manifest?.subject as Descriptor | undefined)?.digest).toBe(p.digest);
        const layer = (manifest?.layers as Descriptor[])[0]!;
        const bundle = JSON.parse(
          (
            await fetchBlob(registry, p.image.slice(registry.host.length + 1), layer.digest)
          ).toString()
        ) as { mediaType: string; dsseEnvelope: { signatures: { sig: string }[] } };
        expect(bundle.mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.bundle/);
        // the same signature as the cosign layer: one attestation, published two ways
        const cosignLayer = await fetchBlob(
          registry,
          p.image.slice(registry.host.length + 1),
          firstTags[i]!.layers[0]!.digest
        );
        expect(bundle.dsseEnvelope.signatures[0]!.sig).toBe(
          (JSON.parse(cosignLayer.toString()) as { signatures: { sig: string }[] }).signatures[0]!
            .sig
        );
      }
    });

    it(
      're-running the same build neither duplicates nor drops entries: it keeps the attestation',
      async () => {
        const second = await runDemo(out, ['--registry', registry.host]);
        expect(second.exitCode).toBe(0);
        // the demo images are deterministic: the re-run attests the same digests
        expect(second.publications).toEqual(first.publications);
        // a new sandbox: its trusted root is not the first run's
        expect(second.root.tlogs[0]!.logId).not.toEqual(first.root.tlogs[0]!.logId);
        for (const [i, p] of second.publications.entries()) {
          const before = firstTags[i]!;
          const after = await readTags(p);
          // both tags exactly as the first run left them: manifests, annotations and all
          expect(after.att).toEqual(before.att);
          expect(after.index).toEqual(before.index);
          expect(digestsOf(after.layers)).toEqual(digestsOf(before.layers));
          expect(digestsOf(after.entries)).toEqual(digestsOf(before.entries));
          for (const label of ['.att layers', 'index entries'])
            expect(second.stdout).toContain(`${label} 1 → 1 (kept 1, added 0, duplicates 0)`);
          // the kept layer still hashes to its digest, and was signed under the FIRST sandbox:
          // its SET verifies with the first run's root and not with the re-run's
          const name = p.image.slice(registry.host.length + 1);
          const kept = after.layers[0]!;
          const bytes = await fetchBlob(registry, name, kept.digest);
          expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(kept.digest);
          const set = kept.annotations?.['dev.sigstore.cosign/bundle'] ?? '';
          expect(setVerifies(set, first.root)).toBe(true);
          expect(setVerifies(set, second.root)).toBe(false);
          // ...so the demo verified the image with the first run's kept root, and it passed
          expect(second.stdout).toContain(`${p.image}@${p.digest}: PASSED (an earlier run's root`);
        }
        // the action itself reported that it published nothing new
        expect(second.stdout.match(/oci-cosign: unchanged \(expected unchanged\)/g)).toHaveLength(
          2
        );
        expect(second.stdout.match(/oci-referrer: unchanged \(expected unchanged\)/g)).toHaveLength(
          2
        );
        expect(second.stdout).toContain('│ Signed 2 bundles');
        expect(second.stdout).toContain('All checks passed.');
      },
      DEMO_TIMEOUT
    );

    it(
      'a different build (another source commit) is appended once, and the first is kept',
      async () => {
        const third = await runDemo(out, ['--registry', registry.host, '--sha', OTHER_SHA]);
        expect(third.exitCode).toBe(0);
        expect(third.publications).toEqual(first.publications);
        for (const [i, p] of third.publications.entries()) {
          const before = firstTags[i]!;
          const after = await readTags(p);
          for (const [label, was, now] of [
            ['.att layers', digestsOf(before.layers), digestsOf(after.layers)],
            ['index entries', digestsOf(before.entries), digestsOf(after.entries)]
          ] as const) {
            expect(now.slice(0, was.length)).toEqual(was); // nothing dropped or reordered
            expect(new Set(now).size).toBe(now.length); // nothing duplicated
            expect(now).toHaveLength(was.length + 1); // the new build's attestation, once
            expect(third.stdout).toContain(
              `${label} ${was.length} → ${now.length} (kept ${was.length}, added 1, duplicates 0)`
            );
          }
          // the earlier layer is kept byte for byte, annotations included
          expect(after.layers[0]).toEqual(before.layers[0]);
          // the new layer attests the other commit and is signed under the third run's sandbox
          const name = p.image.slice(registry.host.length + 1);
          const added = after.layers[1]!;
          const bytes = await fetchBlob(registry, name, added.digest);
          const statement = statementOf(bytes);
          expect(statement.subject.map((s) => `sha256:${s.digest.sha256}`)).toEqual([p.digest]);
          expect(
            statement.predicate.buildDefinition.resolvedDependencies[0]!.digest.gitCommit
          ).toBe(OTHER_SHA);
          expect(
            dsseSignatureVerifies(
              bytes,
              added.annotations?.['dev.sigstore.cosign/certificate'] ?? ''
            )
          ).toBe(true);
          expect(
            setVerifies(added.annotations?.['dev.sigstore.cosign/bundle'] ?? '', third.root)
          ).toBe(true);
          expect(third.stdout).toContain(`${p.image}@${p.digest}: PASSED (this run's root`);
        }
        expect(third.stdout.match(/oci-cosign: created \(expected created\)/g)).toHaveLength(2);
        expect(third.stdout.match(/oci-referrer: created \(expected created\)/g)).toHaveLength(2);
        expect(third.stdout).toContain('All checks passed.');
      },
      DEMO_TIMEOUT
    );

    it(
      "a re-run that did not keep the signing run's root refuses to verify the kept attestation",
      async () => {
        // another --out: the first run's trusted root is not there, and the demo must not fall
        // back to its own sandbox's root (which never signed the kept attestation)
        const elsewhere = await runDemo(join(scratch, 'elsewhere'), ['--registry', registry.host]);
        expect(elsewhere.exitCode).toBe(1);
        expect(elsewhere.stdout).toMatch(
          /its Rekor log [0-9a-f]{12}… is not one of the sandbox runs kept in .*sandbox-runs \(re-run with the --out of the run that signed it\)/
        );
        for (const p of elsewhere.publications) {
          expect(elsewhere.stdout).toContain(
            `${p.image}@${p.digest}: FAILED no kept trusted root for its attestation`
          );
          // still nothing added: the build was attested already (first run's layer + --sha's)
          expect((await readTags(p)).layers).toHaveLength(2);
        }
        expect(elsewhere.stdout).not.toContain('All checks passed.');
      },
      DEMO_TIMEOUT
    );
  });
});
