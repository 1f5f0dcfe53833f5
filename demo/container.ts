// `npm run demo:container`: container mode end to end. It starts the loopback sandbox and a
// real registry (Debian's docker-registry), pushes two demo images with skopeo, runs the
// bundled action once for both images (oci-format both), then reads every publication back
// with an independent client (skopeo), checks the cosign layer's DSSE signature and Rekor SET
// by hand (node:crypto) and with the verifier core, and verifies each image with the CLI.
//   npm run demo:container -- --out DIR              results elsewhere (default demo-out)
//   npm run demo:container -- --registry HOST:PORT   use a running registry (re-runs append)
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash, createPublicKey, verify } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  fetchBlob,
  inspectRaw,
  pushTestImage,
  startRegistry,
  type PushedImage,
  type RunningRegistry
} from '../sandbox/registry.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { parseArtifactDigest, verifyCosignAttestation } from '../src/verify/core/index.js';
import { loadTrust } from '../src/verify/cli/core-bridge.js';
import { runAction } from './action-process.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = resolve(arg('--out') ?? 'demo-out');
const externalRegistry = arg('--registry');
const say = (s: string) => process.stdout.write(`${s}\n`);

const DEMO_IMAGES = [
  { name: 'demo/app', multiArch: false },
  { name: 'demo/tools', multiArch: true }
];
const DSSE_LAYER = 'application/vnd.dsse.envelope.v1+json';
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';

/** One line of demo-out/container.json. */
export interface ContainerPublication {
  image: string;
  digest: string;
  cosignTag: string;
  referrerTag: string;
}

interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** What skopeo sees under one image's two tags. */
interface Readback {
  attLayers: Descriptor[];
  indexEntries: Descriptor[];
}

interface DsseEnvelope {
  payload: string;
  payloadType: string;
  signatures: { sig: string; keyid?: string }[];
}

async function readBack(image: PushedImage): Promise<Readback> {
  const hex = image.digest.slice('sha256:'.length);
  const att = await inspectRaw(`${image.repository}:sha256-${hex}.att`);
  const index = await inspectRaw(`${image.repository}:sha256-${hex}`);
  return {
    attLayers: (att?.layers as Descriptor[] | undefined) ?? [],
    indexEntries: (index?.manifests as Descriptor[] | undefined) ?? []
  };
}

const digests = (list: Descriptor[]) => list.map((d) => d.digest);
const short = (digest: string) => `${digest.slice(0, 19)}…`;

/** "1 → 2 (kept 1, added 1, duplicates 0)"; problems when an entry vanished or repeats. */
function compareEntries(
  label: string,
  before: string[],
  after: string[]
): { line: string; problems: string[] } {
  const kept = before.filter((d) => after.includes(d)).length;
  const added = after.filter((d) => !before.includes(d)).length;
  const duplicates = after.length - new Set(after).size;
  const problems: string[] = [];
  if (kept !== before.length) problems.push(`${label}: ${before.length - kept} entry(ies) dropped`);
  if (duplicates > 0) problems.push(`${label}: ${duplicates} duplicate entry(ies)`);
  if (added !== 1) problems.push(`${label}: expected this run to add 1 entry, it added ${added}`);
  return {
    line: `${label} ${before.length} → ${after.length} (kept ${kept}, added ${added}, duplicates ${duplicates})`,
    problems
  };
}

/** DSSE pre-authentication encoding: what the signature covers. */
function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `),
    type,
    Buffer.from(` ${payload.length} `),
    payload
  ]);
}

/** Rekor signs the canonical JSON (sorted keys, no spaces) of these four fields. */
function setPayload(p: {
  body: string;
  integratedTime: number;
  logID: string;
  logIndex: number;
}): Buffer {
  return Buffer.from(
    JSON.stringify({
      body: p.body,
      integratedTime: p.integratedTime,
      logID: p.logID,
      logIndex: p.logIndex
    })
  );
}

interface TrustedRootTlog {
  publicKey: { rawBytes: string };
  logId: { keyId: string };
}

/** The two signatures on a cosign layer, checked with nothing but node:crypto. */
function checkByHand(
  envelopeBytes: Buffer,
  annotations: Record<string, string>,
  tlogs: TrustedRootTlog[]
): { dsse: string; set: string } {
  const envelope = JSON.parse(envelopeBytes.toString('utf8')) as DsseEnvelope;
  const leaf = new X509Certificate(annotations[CERTIFICATE_ANNOTATION] ?? '');
  const signed = pae(envelope.payloadType, Buffer.from(envelope.payload, 'base64'));
  const sig = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');
  if (!verify('sha256', signed, leaf.publicKey, sig))
    throw new Error('DSSE signature does not verify with the certificate in the annotation');
  const san = leaf.subjectAltName ?? '';

  const rekor = JSON.parse(annotations[BUNDLE_ANNOTATION] ?? '{}') as {
    SignedEntryTimestamp: string;
    Payload: { body: string; integratedTime: number; logID: string; logIndex: number };
  };
  const log = tlogs.find(
    (t) => Buffer.from(t.logId.keyId, 'base64').toString('hex') === rekor.Payload.logID
  );
  if (!log) throw new Error(`Rekor log ${rekor.Payload.logID} is not in the trusted root`);
  const logKey = createPublicKey({
    key: Buffer.from(log.publicKey.rawBytes, 'base64'),
    format: 'der',
    type: 'spki'
  });
  const set = Buffer.from(rekor.SignedEntryTimestamp, 'base64');
  if (!verify('sha256', setPayload(rekor.Payload), logKey, set))
    throw new Error('Rekor SET does not verify with the sandbox log key');
  // The entry the SET vouches for must be this envelope's signature, not some other entry.
  const body = JSON.parse(Buffer.from(rekor.Payload.body, 'base64').toString('utf8')) as {
    spec?: { signatures?: { signature?: string }[] };
  };
  if (body.spec?.signatures?.[0]?.signature !== envelope.signatures[0]?.sig)
    throw new Error('the Rekor entry records a different signature than the layer carries');
  return {
    dsse: `valid (ECDSA over the DSSE PAE, key from ${CERTIFICATE_ANNOTATION}: ${san})`,
    set: `valid (sandbox Rekor key ${rekor.Payload.logID.slice(0, 12)}…, logIndex ${rekor.Payload.logIndex}, integratedTime ${new Date(rekor.Payload.integratedTime * 1000).toISOString()})`
  };
}

function cli(args: string[]): { ok: boolean; text: string } {
  try {
    const stdout = execFileSync(process.execPath, ['dist/cli/index.js', ...args], {
      stdio: ['ignore', 'pipe', 'pipe']
    });
    return { ok: true, text: stdout.toString().trim().split('\n')[0] ?? '' };
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    const text = `${err.stderr?.toString() ?? ''}${err.stdout?.toString() ?? ''}`.trim();
    return { ok: false, text: text.split('\n').filter(Boolean).pop() ?? 'FAILED' };
  }
}

/** This run's bundle for each image digest, from the action's .intoto.jsonl. */
function bundlesByDigest(jsonl: string): Map<string, { dsseEnvelope: DsseEnvelope }> {
  const byDigest = new Map<string, { dsseEnvelope: DsseEnvelope }>();
  for (const line of jsonl.split('\n').filter((l) => l.trim() !== '')) {
    const bundle = JSON.parse(line) as { dsseEnvelope: DsseEnvelope };
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    ) as { subject: { digest: { sha256: string } }[] };
    for (const s of statement.subject) byDigest.set(`sha256:${s.digest.sha256}`, bundle);
  }
  return byDigest;
}

async function main(): Promise<number> {
  for (const file of ['dist/index.js', 'dist/cli/index.js'])
    if (!existsSync(file)) {
      say(`${file} is missing: run \`npm run build\` first.`);
      return 1;
    }
  mkdirSync(out, { recursive: true });
  const problems: string[] = [];

  let registry: RunningRegistry | undefined;
  let sandbox: Sandbox | undefined;
  try {
    registry = externalRegistry
      ? { host: externalRegistry, url: `http://${externalRegistry}`, close: async () => {} }
      : await startRegistry();
    say(
      `Registry: docker-registry at ${registry.host}${externalRegistry ? ' (already running: a re-run appends to what is there)' : ' (started for this demo)'}`
    );
    const images: PushedImage[] = [];
    for (const demo of DEMO_IMAGES) {
      const pushed = await pushTestImage(registry.host, demo.name, { multiArch: demo.multiArch });
      images.push(pushed);
      say(`   pushed ${pushed.reference} (${pushed.mediaType}) with skopeo`);
    }
    const before = await Promise.all(images.map(readBack));

    sandbox = await startSandbox();
    copyFileSync(sandbox.trustedRootPath, join(out, 'trusted_root.json'));
    say(`Sandbox up: Fulcio ${sandbox.urls.fulcio}, Rekor ${sandbox.urls.rekor}`);

    say('\n── run: node dist/index.js (images = both digests, oci-format both)');
    const result = await runAction({
      inputs: {
        ...sandbox.actionInputs,
        images: images.map((i) => i.reference).join('\n'),
        'oci-format': 'both',
        'output-directory': out
      },
      env: sandbox.runnerEnv(),
      onOutput: (line) => {
        if (!line.startsWith('::debug::') && !line.startsWith('::add-mask::')) say(`   │ ${line}`);
      }
    });
    if (result.exitCode !== 0) {
      say(`\nThe action failed (exit ${result.exitCode}); see its log above.`);
      return result.exitCode;
    }
    const provenancePath = result.outputs['bundle-path'] ?? '';
    say(`   provenance ${provenancePath} (${Math.round(result.durationMs)} ms)`);
    const ours = bundlesByDigest(readFileSync(provenancePath, 'utf8'));

    const publications: ContainerPublication[] = images.map((i) => {
      const hex = i.digest.slice('sha256:'.length);
      return {
        image: i.repository,
        digest: i.digest,
        cosignTag: `sha256-${hex}.att`,
        referrerTag: `sha256-${hex}`
      };
    });
    writeFileSync(join(out, 'container.json'), JSON.stringify(publications, null, 2) + '\n');
    say(`   wrote ${join(out, 'container.json')} and ${join(out, 'trusted_root.json')}`);

    const tlogs = (sandbox.trustedRoot as unknown as { tlogs: TrustedRootTlog[] }).tlogs;
    const trust = await loadTrust(sandbox.trustedRootPath);
    say('\nRead back with skopeo inspect --raw (an independent client):');
    for (const [i, image] of images.entries()) {
      const pub = publications[i]!;
      const after = await readBack(image);
      say(`   ${image.reference}`);
      const att = await inspectRaw(`${image.repository}:${pub.cosignTag}`);
      say(
        `     :${pub.cosignTag}  ${String(att?.mediaType ?? 'missing')}, ${after.attLayers.length} layer(s): ${after.attLayers.map((l) => `${l.mediaType} ${short(l.digest)}`).join(', ')}`
      );
      const index = await inspectRaw(`${image.repository}:${pub.referrerTag}`);
      say(
        `     :${pub.referrerTag}  ${String(index?.mediaType ?? 'missing')}, ${after.indexEntries.length} entr${after.indexEntries.length === 1 ? 'y' : 'ies'}: ${after.indexEntries.map((m) => `${short(m.digest)} (${m.artifactType ?? 'no artifactType'})`).join(', ')}`
      );

      // The layer and referrer this run wrote are the ones carrying this run's signature.
      const bundle = ours.get(image.digest);
      const ourSig = bundle?.dsseEnvelope.signatures[0]?.sig;
      let ourLayer: { descriptor: Descriptor; bytes: Buffer } | undefined;
      for (const layer of after.attLayers.filter((l) => l.mediaType === DSSE_LAYER)) {
        const bytes = await fetchBlob(registry, DEMO_IMAGES[i]!.name, layer.digest);
        const envelope = JSON.parse(bytes.toString('utf8')) as DsseEnvelope;
        if (envelope.signatures[0]?.sig === ourSig) ourLayer = { descriptor: layer, bytes };
      }
      if (!ourLayer) {
        problems.push(`${image.reference}: no .att layer carries this run's signature`);
        say("     this run's cosign layer: MISSING");
        continue;
      }
      const layerDigest = `sha256:${createHash('sha256').update(ourLayer.bytes).digest('hex')}`;
      if (layerDigest !== ourLayer.descriptor.digest)
        problems.push(`${image.reference}: layer blob hashes to ${layerDigest}`);
      const annotations = ourLayer.descriptor.annotations ?? {};
      say(`     this run's cosign layer ${short(ourLayer.descriptor.digest)} (blob hash matches)`);
      try {
        const byHand = checkByHand(ourLayer.bytes, annotations, tlogs);
        say(`       DSSE signature (node:crypto): ${byHand.dsse}`);
        say(`       Rekor SET      (node:crypto): ${byHand.set}`);
      } catch (e) {
        problems.push(`${image.reference}: ${(e as Error).message}`);
        say(`       by hand: FAILED ${(e as Error).message}`);
      }
      try {
        const verified = verifyCosignAttestation(ourLayer.bytes, annotations, trust, {
          layerDigest: ourLayer.descriptor.digest,
          subjectDigest: parseArtifactDigest(image.digest)
        });
        say(
          `       verifier core (verifyCosignAttestation): OK — chain to the sandbox Fulcio root, SET, subject = image digest (${String((verified.statement as { predicateType?: unknown }).predicateType)})`
        );
      } catch (e) {
        problems.push(`${image.reference}: verifier core: ${(e as Error).message}`);
        say(`       verifier core: FAILED ${(e as Error).message}`);
      }
    }

    say(`\nBefore → after this run (re-running appends this run's attestation once):`);
    for (const [i, image] of images.entries()) {
      const after = await readBack(image);
      const layers = compareEntries(
        '.att layers',
        digests(before[i]!.attLayers),
        digests(after.attLayers)
      );
      const entries = compareEntries(
        'index entries',
        digests(before[i]!.indexEntries),
        digests(after.indexEntries)
      );
      say(`   ${image.repository}: ${layers.line}; ${entries.line}`);
      problems.push(...layers.problems.map((p) => `${image.repository} ${p}`));
      problems.push(...entries.problems.map((p) => `${image.repository} ${p}`));
    }

    say('\nVerify (bundled CLI verify-image, sandbox trusted root):');
    const tag = sandbox.run.ref.replace('refs/tags/', '');
    const policy = (sourceUri: string) => [
      '--source-uri',
      sourceUri,
      '--source-tag',
      tag,
      '--trusted-root',
      join(out, 'trusted_root.json'),
      '--certificate-oidc-issuer',
      sandbox!.urls.oidc
    ];
    for (const image of images) {
      const r = cli([
        'verify-image',
        image.reference,
        ...policy(`github.com/${sandbox.run.repository}`)
      ]);
      say(`   ${image.reference}: ${r.ok ? 'PASSED' : `FAILED ${r.text}`}`);
      if (!r.ok) problems.push(`${image.reference}: verify-image failed: ${r.text}`);
    }
    const wrong = cli([
      'verify-image',
      images[0]!.reference,
      ...policy(`github.com/${sandbox.run.repository}-evil`)
    ]);
    say(
      `   wrong --source-uri (github.com/${sandbox.run.repository}-evil): ${wrong.ok ? 'unexpectedly PASSED' : `FAILED as it must — ${wrong.text}`}`
    );
    if (wrong.ok) problems.push('verify-image passed with a wrong --source-uri');

    if (problems.length > 0) {
      say(`\nProblems:\n${problems.map((p) => `   - ${p}`).join('\n')}`);
      return 1;
    }
    say('\nAll checks passed.');
    return 0;
  } finally {
    await sandbox?.close();
    await registry?.close();
  }
}

process.exitCode = await main();
