// `npm run demo:container`: container mode end to end. It starts the loopback sandbox and a
// real registry (Debian's docker-registry), pushes two demo images with skopeo, runs the
// bundled action once for both images (oci-format both), then reads every publication back
// with an independent client (skopeo), checks the cosign layer's DSSE signature and Rekor SET
// by hand (node:crypto) and with the verifier core, and verifies each image with the CLI.
// Writes container.json ({image, digest, cosignTag, referrerTag} per image), the action's
// container.intoto.jsonl, this run's sandbox trusted_root.json, and keeps every run's root
// under sandbox-runs/ (see KEPT ROOTS below).
//   npm run demo:container -- --out DIR              results elsewhere (default demo-out)
//   npm run demo:container -- --registry HOST:PORT   use a running registry: a re-run of the
//        same build keeps the attestation already there (nothing added, nothing dropped);
//        a different build (e.g. --sha) is appended next to it
//   npm run demo:container -- --sha HEX40            the source commit the sandbox run claims
// PROVENANCE_DIST=DIR runs another build of the action and CLI instead of dist/.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash, createPublicKey, verify } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  fetchBlob,
  inspectRaw,
  pushTestImage,
  startRegistry,
  type PushedImage,
  type RunningRegistry
} from '../sandbox/registry.js';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { payloadAttestsSameBuild } from '../src/publish/equivalence.js';
import { PROJECT_REPOSITORY } from '../src/identity.js';
import type { ProvenancePredicateV1, Statement } from '../src/types.js';
import { parseArtifactDigest, verifyCosignAttestation } from '../src/verify/core/index.js';
import { loadTrust, type TrustMaterial } from '../src/verify/cli/core-bridge.js';
import { runAction } from './action-process.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = resolve(arg('--out') ?? 'demo-out');
const externalRegistry = arg('--registry');
const sourceSha = arg('--sha');
/** The bundled action and CLI; PROVENANCE_DIST points at another build (as the tests honour). */
const DIST = resolve(process.env.PROVENANCE_DIST ?? 'dist');
const say = (s: string) => process.stdout.write(`${s}\n`);

const DEMO_IMAGES = [
  { name: 'demo/app', multiArch: false },
  { name: 'demo/tools', multiArch: true }
];
/** Its own name, so `npm run demo`'s provenance in the same directory is left alone. */
const PROVENANCE_NAME = 'container.intoto.jsonl';
const DSSE_LAYER = 'application/vnd.dsse.envelope.v1+json';
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';

/** One line of demo-out/container.json. */
interface ContainerPublication {
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

/**
 * "1 → 2 (kept 1, added 1, duplicates 0)"; problems when an entry vanished or repeats, or when
 * the run added other than `expectedAdded` (0 when the registry already attested this build).
 */
function compareEntries(
  label: string,
  before: string[],
  after: string[],
  expectedAdded: 0 | 1
): { line: string; problems: string[] } {
  const kept = before.filter((d) => after.includes(d)).length;
  const added = after.filter((d) => !before.includes(d)).length;
  const duplicates = after.length - new Set(after).size;
  const problems: string[] = [];
  if (kept !== before.length) problems.push(`${label}: ${before.length - kept} entry(ies) dropped`);
  if (duplicates > 0) problems.push(`${label}: ${duplicates} duplicate entry(ies)`);
  if (added !== expectedAdded)
    problems.push(
      `${label}: expected this run to add ${expectedAdded} entry(ies), it added ${added}`
    );
  // when nothing was added, the same list in the same order
  if (added === 0 && after.join() !== before.join())
    problems.push(`${label}: the run reordered the list although it added nothing`);
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
    const stdout = execFileSync(process.execPath, [join(DIST, 'cli', 'index.js'), ...args], {
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

/** The Rekor log that vouches for a cosign layer, named by its bundle annotation (hex). */
function rekorLogIdOf(annotations: Record<string, string>): string | undefined {
  try {
    const logID = (
      JSON.parse(annotations[BUNDLE_ANNOTATION] ?? '') as { Payload?: { logID?: unknown } }
    ).Payload?.logID;
    return typeof logID === 'string' ? logID : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Prints what the registry holds for one image and checks the layer and the referrer that
 * stand for this run: the ones carrying `standing.sig` (this run's signature when it added
 * them, the earlier run's when the registry already attested this build and the action kept
 * it). Each layer is checked against the trusted root of the sandbox run that signed it;
 * returns the problems found.
 */
async function inspectPublication(c: {
  registry: RunningRegistry;
  image: PushedImage;
  name: string;
  publication: ContainerPublication;
  standing: { sig: string; whose: string };
  runs: KnownRuns;
}): Promise<string[]> {
  const { image, publication: pub, standing } = c;
  const problems: string[] = [];
  const fail = (what: string) => {
    problems.push(`${image.reference}: ${what}`);
    say(`       FAILED ${what}`);
  };
  const att = await inspectRaw(`${image.repository}:${pub.cosignTag}`);
  const index = await inspectRaw(`${image.repository}:${pub.referrerTag}`);
  const layers = (att?.layers as Descriptor[] | undefined) ?? [];
  const entries = (index?.manifests as Descriptor[] | undefined) ?? [];
  say(`   ${image.reference}`);
  say(
    `     :${pub.cosignTag}  ${String(att?.mediaType ?? 'missing')}, ${layers.length} layer(s): ${layers.map((l) => `${l.mediaType} ${short(l.digest)}`).join(', ')}`
  );
  say(
    `     :${pub.referrerTag}  ${String(index?.mediaType ?? 'missing')}, ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}: ${entries.map((m) => `${short(m.digest)} (${m.artifactType ?? 'no artifactType'})`).join(', ')}`
  );

  let ourLayer: { descriptor: Descriptor; bytes: Buffer } | undefined;
  for (const layer of layers.filter((l) => l.mediaType === DSSE_LAYER)) {
    const bytes = await fetchBlob(c.registry, c.name, layer.digest);
    const envelope = JSON.parse(bytes.toString('utf8')) as DsseEnvelope;
    if (envelope.signatures[0]?.sig === standing.sig) ourLayer = { descriptor: layer, bytes };
  }
  if (!ourLayer) {
    fail(`no .att layer carries ${standing.whose} signature`);
  } else {
    const hash = `sha256:${createHash('sha256').update(ourLayer.bytes).digest('hex')}`;
    say(
      `     ${standing.whose} cosign layer ${short(ourLayer.descriptor.digest)} (blob ${hash === ourLayer.descriptor.digest ? 'hash matches' : `hashes to ${hash}`})`
    );
    if (hash !== ourLayer.descriptor.digest) fail(`layer blob hashes to ${hash}`);
    const annotations = ourLayer.descriptor.annotations ?? {};
    const logId = rekorLogIdOf(annotations) ?? 'none';
    const run = c.runs.get(logId);
    if (!run) {
      fail(
        `its Rekor log ${logId.slice(0, 12)}… is not one of the sandbox runs kept in ${join(out, SANDBOX_RUNS)} (re-run with the --out of the run that signed it)`
      );
    } else {
      say(`       signed under the sandbox run kept in ${run.dir}`);
      try {
        const byHand = checkByHand(ourLayer.bytes, annotations, run.tlogs);
        say(`       DSSE signature (node:crypto): ${byHand.dsse}`);
        say(`       Rekor SET      (node:crypto): ${byHand.set}`);
      } catch (e) {
        fail((e as Error).message);
      }
      try {
        const verified = verifyCosignAttestation(ourLayer.bytes, annotations, run.trust, {
          layerDigest: ourLayer.descriptor.digest,
          subjectDigest: parseArtifactDigest(image.digest)
        });
        const type = (verified.statement as { predicateType?: unknown }).predicateType;
        say(
          `       verifier core (verifyCosignAttestation): OK — chain to the sandbox Fulcio root, SET, subject = image digest, ${String(type)}`
        );
      } catch (e) {
        fail(`verifier core: ${(e as Error).message}`);
      }
    }
  }

  // The referrer artifact: a manifest whose subject is the image and whose layer is the bundle.
  let ourReferrer: string | undefined;
  for (const entry of entries) {
    const manifest = await inspectRaw(`${image.repository}@${entry.digest}`);
    const subject = (manifest?.subject as Descriptor | undefined)?.digest;
    const layer = (manifest?.layers as Descriptor[] | undefined)?.[0];
    if (subject !== image.digest || !layer) continue;
    const bundle = JSON.parse((await fetchBlob(c.registry, c.name, layer.digest)).toString()) as {
      dsseEnvelope?: DsseEnvelope;
    };
    if (bundle.dsseEnvelope?.signatures[0]?.sig === standing.sig) ourReferrer = entry.digest;
  }
  if (ourReferrer)
    say(
      `     ${standing.whose} referrer ${short(ourReferrer)}: subject = the image, its layer is ${standing.whose} Sigstore bundle`
    );
  else fail(`no referrer in the fallback index holds ${standing.whose} bundle`);
  return problems;
}

/**
 * KEPT ROOTS. A re-run that finds this build already attested keeps that attestation, and it
 * was signed under an earlier sandbox (its own Fulcio CA and Rekor key, gone with it). So the
 * demo keeps each run's trusted root (and the OIDC issuer its policy names) under
 * sandbox-runs/<Rekor log ID>/ and verifies every attestation with the root of the run that
 * signed it, found by the log ID its SET names. Reusing the first run's root for every later
 * run would not do: a different build (e.g. --sha) is signed under the new sandbox and only
 * its root verifies it. Merging the roots into one would let either sandbox vouch for the
 * other's attestations. Only roots the demo wrote itself are ever trusted; the log ID in the
 * registry merely picks one of them, and verification against it must still pass.
 */
const SANDBOX_RUNS = 'sandbox-runs';

interface SandboxRunRecord {
  dir: string;
  trustedRootPath: string;
  oidcIssuer: string;
  tlogs: TrustedRootTlog[];
  trust: TrustMaterial;
}
type KnownRuns = Map<string, SandboxRunRecord>;

function keepSandboxRun(sandbox: Sandbox): void {
  const tlogs = (sandbox.trustedRoot as unknown as { tlogs: TrustedRootTlog[] }).tlogs;
  for (const tlog of tlogs) {
    const dir = join(out, SANDBOX_RUNS, Buffer.from(tlog.logId.keyId, 'base64').toString('hex'));
    mkdirSync(dir, { recursive: true });
    copyFileSync(sandbox.trustedRootPath, join(dir, 'trusted_root.json'));
    writeFileSync(
      join(dir, 'run.json'),
      JSON.stringify({ oidcIssuer: sandbox.urls.oidc, sha: sandbox.run.sha }, null, 2) + '\n'
    );
  }
}

async function knownSandboxRuns(): Promise<KnownRuns> {
  const runs: KnownRuns = new Map();
  const base = join(out, SANDBOX_RUNS);
  for (const logId of existsSync(base) ? readdirSync(base) : []) {
    const dir = join(base, logId);
    const trustedRootPath = join(dir, 'trusted_root.json');
    if (!existsSync(trustedRootPath) || !existsSync(join(dir, 'run.json'))) continue;
    const root = JSON.parse(readFileSync(trustedRootPath, 'utf8')) as { tlogs: TrustedRootTlog[] };
    const { oidcIssuer } = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as {
      oidcIssuer: string;
    };
    runs.set(logId, {
      dir,
      trustedRootPath,
      oidcIssuer,
      tlogs: root.tlogs,
      trust: await loadTrust(trustedRootPath)
    });
  }
  return runs;
}

/** The statuses the action's job summary gives its OCI publications ("| kind | where | status |"). */
function summaryStatuses(summary: string): { kind: string; location: string; status: string }[] {
  const rows: { kind: string; location: string; status: string }[] = [];
  for (const line of summary.split('\n')) {
    const m = /^\| (oci-cosign|oci-referrer) \| (.+) \| (created|unchanged)\b/.exec(line);
    if (m) rows.push({ kind: m[1]!, location: m[2]!, status: m[3]! });
  }
  return rows;
}

/** The earlier DSSE layer (its signature) that attests the same build as this run, if any. */
async function sameBuildLayer(
  registry: RunningRegistry,
  name: string,
  layers: Descriptor[],
  ours: Statement<ProvenancePredicateV1>
): Promise<string | undefined> {
  for (const layer of layers.filter((l) => l.mediaType === DSSE_LAYER)) {
    const envelope = JSON.parse(
      (await fetchBlob(registry, name, layer.digest)).toString('utf8')
    ) as DsseEnvelope;
    if (payloadAttestsSameBuild(envelope.payload, [ours])) return envelope.signatures[0]?.sig;
  }
  return undefined;
}

/** A registry someone else runs (plain HTTP on loopback, no auth); it must answer /v2/. */
async function useRunningRegistry(host: string): Promise<RunningRegistry> {
  if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(host))
    throw new DemoError(`--registry: expected HOST:PORT (e.g. 127.0.0.1:5000), found "${host}"`);
  const url = `http://${host}`;
  let status: number | string;
  try {
    status = (await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(5000) })).status;
  } catch (e) {
    status = (e as Error).message;
  }
  if (status !== 200)
    throw new DemoError(
      `--registry ${host}: expected an anonymous OCI registry answering ${url}/v2/ with 200, found ${status}`
    );
  return { host, url, close: async () => {} };
}

/** A problem with how the demo was started; printed as one line, without a stack. */
class DemoError extends Error {}

async function main(): Promise<number> {
  for (const file of [join(DIST, 'index.js'), join(DIST, 'cli', 'index.js')])
    if (!existsSync(file)) {
      say(`${file} is missing: run \`npm run build\` first.`);
      return 1;
    }
  if (sourceSha !== undefined && !/^[0-9a-f]{40}$/.test(sourceSha))
    throw new DemoError(`--sha: expected a 40-hex-digit commit, found "${sourceSha}"`);
  // A failed run must not leave an earlier run's results behind to be mistaken for its own.
  for (const f of existsSync(out) ? readdirSync(out) : [])
    if (f === PROVENANCE_NAME || f === 'container.json') rmSync(join(out, f));
  mkdirSync(out, { recursive: true });
  const problems: string[] = [];

  let registry: RunningRegistry | undefined;
  let sandbox: Sandbox | undefined;
  try {
    registry = externalRegistry
      ? await useRunningRegistry(externalRegistry)
      : await startRegistry();
    say(
      `Registry: docker-registry at ${registry.host}${externalRegistry ? ' (already running: a re-run keeps what is there and adds only a different build)' : ' (started for this demo)'}`
    );
    const images: PushedImage[] = [];
    for (const demo of DEMO_IMAGES) {
      const pushed = await pushTestImage(registry.host, demo.name, { multiArch: demo.multiArch });
      images.push(pushed);
      say(`   pushed ${pushed.reference} (${pushed.mediaType}) with skopeo`);
    }
    const before = await Promise.all(images.map(readBack));

    // Images are attested by our container.yml (verify-image trusts it, not generic.yml).
    sandbox = await startSandbox({
      run: {
        jobWorkflowRef: `${PROJECT_REPOSITORY}/.github/workflows/container.yml@refs/tags/v1.0.0`,
        ...(sourceSha ? { sha: sourceSha } : {})
      }
    });
    copyFileSync(sandbox.trustedRootPath, join(out, 'trusted_root.json'));
    keepSandboxRun(sandbox);
    say(`Sandbox up: Fulcio ${sandbox.urls.fulcio}, Rekor ${sandbox.urls.rekor}`);
    say(`   source commit ${sandbox.run.sha}${sourceSha ? ' (--sha)' : ''}`);

    say(
      `\n── run: node ${relative(process.cwd(), join(DIST, 'index.js'))} (images = both digests, oci-format both)`
    );
    const result = await runAction({
      entry: join(DIST, 'index.js'),
      inputs: {
        ...sandbox.actionInputs,
        images: images.map((i) => i.reference).join('\n'),
        'oci-format': 'both',
        'provenance-name': PROVENANCE_NAME,
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
    say(
      `   wrote ${join(out, 'container.json')} and ${join(out, 'trusted_root.json')} (also kept in ${join(out, SANDBOX_RUNS)})`
    );

    const runs = await knownSandboxRuns();
    const statuses = summaryStatuses(result.summary);
    /** Per image: the signature of the attestation standing for this run, and whose it is. */
    const standing: ({ sig: string; whose: string; kept: boolean } | undefined)[] = [];
    say("\nWhat this run found and did (the action's job summary):");
    for (const [i, image] of images.entries()) {
      const bundle = ours.get(image.digest);
      if (!bundle) {
        problems.push(`${image.reference}: the provenance file has no bundle for it`);
        standing.push(undefined);
        continue;
      }
      const statement = JSON.parse(
        Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
      ) as Statement<ProvenancePredicateV1>;
      const kept = await sameBuildLayer(
        registry,
        DEMO_IMAGES[i]!.name,
        before[i]!.attLayers,
        statement
      );
      standing.push(
        kept
          ? { sig: kept, whose: "the kept (earlier run's)", kept: true }
          : { sig: bundle.dsseEnvelope.signatures[0]?.sig ?? '', whose: "this run's", kept: false }
      );
      const expected = kept ? 'unchanged' : 'created';
      say(
        `   ${image.repository}: ${kept ? 'already attested this build (same subjects, source, builder, parameters): keep it' : 'no attestation of this build yet: add one'}`
      );
      for (const kind of ['oci-cosign', 'oci-referrer']) {
        const row = statuses.find(
          (r) =>
            r.kind === kind &&
            (r.location.startsWith(`${image.repository}:`) ||
              r.location.startsWith(`${image.repository}@`))
        );
        say(`     ${kind}: ${row?.status ?? 'missing from the summary'} (expected ${expected})`);
        if (row?.status !== expected)
          problems.push(
            `${image.repository}: the summary says ${kind} ${row?.status ?? 'nothing'}, expected ${expected}`
          );
      }
    }

    say('\nRead back with skopeo inspect --raw (an independent client):');
    for (const [i, image] of images.entries()) {
      const s = standing[i];
      if (!s) continue;
      problems.push(
        ...(await inspectPublication({
          registry,
          image,
          name: DEMO_IMAGES[i]!.name,
          publication: publications[i]!,
          standing: s,
          runs
        }))
      );
    }

    say(
      `\nBefore → after this run (the same build is kept as it is; a different build is appended once):`
    );
    for (const [i, image] of images.entries()) {
      const after = await readBack(image);
      const expectedAdded = standing[i]?.kept ? 0 : 1;
      const layers = compareEntries(
        '.att layers',
        digests(before[i]!.attLayers),
        digests(after.attLayers),
        expectedAdded
      );
      const entries = compareEntries(
        'index entries',
        digests(before[i]!.indexEntries),
        digests(after.indexEntries),
        expectedAdded
      );
      say(`   ${image.repository}: ${layers.line}; ${entries.line}`);
      problems.push(...layers.problems.map((p) => `${image.repository} ${p}`));
      problems.push(...entries.problems.map((p) => `${image.repository} ${p}`));
    }

    say(
      '\nVerify (bundled CLI verify-image, with the trusted root and OIDC issuer of the sandbox run that signed the attestation standing for this run):'
    );
    const tag = sandbox.run.ref.replace('refs/tags/', '');
    const policy = (sourceUri: string, run: SandboxRunRecord) => [
      '--source-uri',
      sourceUri,
      '--source-tag',
      tag,
      '--trusted-root',
      run.trustedRootPath,
      '--certificate-oidc-issuer',
      run.oidcIssuer
    ];
    const thisRun = runs.get(
      Buffer.from(
        (sandbox.trustedRoot as unknown as { tlogs: TrustedRootTlog[] }).tlogs[0]?.logId.keyId ??
          '',
        'base64'
      ).toString('hex')
    );
    /** The kept run for a kept attestation (by its layer's log ID), this run otherwise. */
    const runFor = async (i: number): Promise<SandboxRunRecord | undefined> => {
      const s = standing[i];
      if (!s?.kept) return thisRun;
      for (const layer of (await readBack(images[i]!)).attLayers) {
        const bytes = await fetchBlob(registry!, DEMO_IMAGES[i]!.name, layer.digest);
        const envelope = JSON.parse(bytes.toString('utf8')) as DsseEnvelope;
        if (envelope.signatures[0]?.sig === s.sig)
          return runs.get(rekorLogIdOf(layer.annotations ?? {}) ?? '');
      }
      return undefined;
    };
    const repository = `github.com/${sandbox.run.repository}`;
    for (const [i, image] of images.entries()) {
      const run = await runFor(i);
      if (!run) {
        say(`   ${image.reference}: FAILED no kept trusted root for its attestation`);
        problems.push(`${image.reference}: no kept sandbox run signed its attestation`);
        continue;
      }
      const r = cli(['verify-image', image.reference, ...policy(repository, run)]);
      say(
        `   ${image.reference}: ${r.ok ? 'PASSED' : `FAILED ${r.text}`} (${run === thisRun ? "this run's" : "an earlier run's"} root, ${run.dir})`
      );
      if (!r.ok) problems.push(`${image.reference}: verify-image failed: ${r.text}`);
    }
    const firstRun = await runFor(0);
    if (firstRun) {
      const wrong = cli([
        'verify-image',
        images[0]!.reference,
        ...policy(`${repository}-evil`, firstRun)
      ]);
      say(
        `   wrong --source-uri (${repository}-evil): ${wrong.ok ? 'unexpectedly PASSED' : `FAILED as it must — ${wrong.text.replace(/^FAILED:?\s*/, '')}`}`
      );
      if (wrong.ok) problems.push('verify-image passed with a wrong --source-uri');
    }

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

process.exitCode = await main().catch((e: unknown) => {
  say(e instanceof DemoError ? e.message : `demo failed: ${String((e as Error).stack ?? e)}`);
  return 1;
});
