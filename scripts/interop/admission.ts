// Deploy-time enforcement: the admission policies in examples/admission/, evaluated by the real
// Kyverno CLI (`kyverno apply --registry`) and policy-controller's own tester against images in
// the real docker-registry, signed in one sandbox (Sigstore's own Fulcio and TSA), so every
// refusal below is about identity or source — never about an unknown CA:
//   ours              our container.yml at a release tag, built from the policy's repository → admit
//   unattested        pushed, never attested                                                   → refuse
//   other-workflow    attested by the caller's own workflow (`isolation: none`), same repo     → refuse
//   other-repository  attested by our container.yml, but for a build of another repository    → refuse
// The example policies are used as written except for what must differ on a loopback sandbox:
// the image pattern, the OIDC issuer, the trust material (Fulcio chain, Rekor and CT keys,
// TSA chain) and the repository placeholder. The signer pattern is never touched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PROJECT_REPOSITORY } from '../../src/identity.js';
import { startSandbox, toGitHubRun, type Sandbox } from '../../sandbox/index.js';
import { serveService, sendJson, type SandboxService } from '../../sandbox/http.js';
import { createGitHubService } from '../../sandbox/github/service.js';
import { runEnv, type RunDescription } from '../../sandbox/run.js';
import { OIDC_TOKEN_PATH } from '../../sandbox/oidc.js';
import { pushTestImage, type RunningRegistry } from '../../sandbox/registry.js';
import { peerBinary, REPO_ROOT } from '../../sandbox/real/peers.js';
import { runAction } from '../../demo/action-process.js';
import type { InteropResult } from './report.js';
import { toPem } from '../../src/publish/oci/chain.js';

const KYVERNO_POLICY = join(REPO_ROOT, 'examples', 'admission', 'kyverno-require-provenance.yaml');
const CIP_POLICY = join(
  REPO_ROOT,
  'examples',
  'admission',
  'policy-controller-require-provenance.yaml'
);
const PLACEHOLDER_REPOSITORY = 'https://github.com/your-org/your-app';

type AdmissionCase = 'ours' | 'unattested' | 'other-workflow' | 'other-repository';

interface TrustedRootJson {
  certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] }; uri: string }[];
  tlogs: {
    baseUrl: string;
    publicKey: { rawBytes: string; keyDetails: string };
    logId: { keyId: string };
  }[];
  ctlogs: { baseUrl: string; publicKey: { rawBytes: string }; logId: { keyId: string } }[];
  timestampAuthorities: { certChain: { certificates: { rawBytes: string }[] }; uri: string }[];
}

function publicKeyPem(base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

function chainPem(chain: { certificates: { rawBytes: string }[] }): string {
  return chain.certificates.map((c) => toPem(Buffer.from(c.rawBytes, 'base64'))).join('');
}

function first<T>(list: T[], what: string): T {
  const item = list[0];
  if (item === undefined) throw new Error(`the sandbox trusted root has no ${what}`);
  return item;
}

/** The Kyverno example with the sandbox's issuer, trust material, registry and repository. */
function kyvernoPolicyForSandbox(
  root: TrustedRootJson,
  issuer: string,
  host: string,
  repository: string
): string {
  const policy = parse(readFileSync(KYVERNO_POLICY, 'utf8')) as {
    spec: { rules: { verifyImages: Record<string, unknown>[] }[] };
  };
  const rule = first(policy.spec.rules, 'rule');
  const verify = first(rule.verifyImages, 'verifyImages entry') as {
    imageReferences: string[];
    attestations: {
      attestors: { entries: { keyless: Record<string, unknown> }[] }[];
      conditions: { all: { value: string }[] }[];
    }[];
  };
  verify.imageReferences = [`${host}/admission/*`];
  for (const attestation of verify.attestations) {
    for (const set of attestation.attestors)
      for (const entry of set.entries) {
        const keyless = entry.keyless;
        keyless.issuer = issuer;
        keyless.roots = chainPem(first(root.certificateAuthorities, 'CA').certChain);
        keyless.rekor = {
          url: first(root.tlogs, 'Rekor log').baseUrl,
          pubkey: publicKeyPem(first(root.tlogs, 'Rekor log').publicKey.rawBytes)
        };
        keyless.ctlog = {
          pubkey: publicKeyPem(first(root.ctlogs, 'CT log').publicKey.rawBytes),
          tsaCertChain: chainPem(first(root.timestampAuthorities, 'TSA').certChain)
        };
      }
    for (const condition of attestation.conditions)
      for (const check of condition.all)
        if (check.value === PLACEHOLDER_REPOSITORY) check.value = repository;
  }
  return stringify(policy);
}

/** The policy-controller example plus a TrustRoot resource holding the sandbox's keys. */
function clusterImagePolicyForSandbox(
  root: TrustedRootJson,
  issuer: string,
  host: string,
  repository: string
): { policy: string; trustRoot: string } {
  const text = readFileSync(CIP_POLICY, 'utf8').replaceAll(PLACEHOLDER_REPOSITORY, repository);
  const policy = parse(text) as {
    spec: {
      images: { glob: string }[];
      authorities: {
        keyless: { url: string; trustRootRef?: string; identities: { issuer: string }[] };
        ctlog: { url: string; trustRootRef?: string };
      }[];
    };
  };
  policy.spec.images = [{ glob: `${host}/admission/**` }];
  for (const authority of policy.spec.authorities) {
    authority.keyless.url = first(root.certificateAuthorities, 'CA').uri;
    authority.keyless.trustRootRef = 'sandbox';
    for (const identity of authority.keyless.identities) identity.issuer = issuer;
    authority.ctlog = { url: first(root.tlogs, 'Rekor log').baseUrl, trustRootRef: 'sandbox' };
  }
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const log = (l: { baseUrl: string; publicKey: { rawBytes: string } }) => ({
    baseURL: l.baseUrl,
    hashAlgorithm: 'sha-256',
    publicKey: b64(publicKeyPem(l.publicKey.rawBytes))
  });
  const authority = (a: TrustedRootJson['certificateAuthorities'][number]) => ({
    subject: { organization: 'sandbox', commonName: 'sandbox' },
    uri: a.uri,
    certChain: b64(chainPem(a.certChain))
  });
  const trustRoot = {
    apiVersion: 'policy.sigstore.dev/v1alpha1',
    kind: 'TrustRoot',
    metadata: { name: 'sandbox' },
    spec: {
      sigstoreKeys: {
        certificateAuthorities: root.certificateAuthorities.map(authority),
        // policy-controller v0.13.1 reads only ECDSA Rekor keys ("public key 1 is not
        // ecdsa.PublicKey" for the Rekor v2 log's Ed25519 key); the cosign layout it checks
        // carries a Rekor v1 entry, so the v1 log is all it needs.
        tLogs: root.tlogs.filter((l) => l.publicKey.keyDetails.startsWith('PKIX_ECDSA')).map(log),
        ctLogs: root.ctlogs.map(log),
        timestampAuthorities: root.timestampAuthorities.map(authority)
      }
    }
  };
  return { policy: stringify(policy), trustRoot: stringify(trustRoot) };
}

/** A runner token endpoint that hands out tokens for another run of the same issuer. */
function tokenEndpoint(sandbox: Sandbox, run: Partial<RunDescription>): SandboxService {
  return {
    name: 'oidc-other-run',
    handle(req, res) {
      if (req.url.pathname !== OIDC_TOKEN_PATH) return;
      const audience = req.url.searchParams.get('audience') ?? undefined;
      sendJson(res, 200, { count: 1, value: sandbox.mintToken({ run, audience }) });
    }
  };
}

async function attest(
  sandbox: Sandbox,
  image: string,
  out: string,
  options: { run?: RunDescription; isolationNone?: boolean }
): Promise<void> {
  const closers: (() => Promise<void>)[] = [];
  try {
    let env = sandbox.runnerEnv();
    if (options.run) {
      const run = options.run;
      const github = await serveService(
        createGitHubService({ run: toGitHubRun(run), token: sandbox.githubToken })
      );
      const oidc = await serveService(tokenEndpoint(sandbox, run));
      closers.push(github.close, oidc.close);
      env = {
        ...env,
        ...runEnv(run),
        GITHUB_API_URL: github.url,
        ACTIONS_ID_TOKEN_REQUEST_URL: `${oidc.url}${OIDC_TOKEN_PATH}?api-version=2.0`
      };
    }
    const result = await runAction({
      entry: join(REPO_ROOT, 'dist', 'index.js'),
      inputs: {
        ...sandbox.actionInputs,
        images: image,
        'oci-format': 'cosign',
        'output-directory': out,
        ...(options.isolationNone ? { isolation: 'none' } : {})
      },
      env
    });
    if (result.exitCode !== 0)
      throw new Error(
        `attesting ${image} failed: ${result.stdout.trim().split('\n').slice(-3).join(' | ')}`
      );
  } finally {
    for (const close of closers) await close();
  }
}

function evaluate(
  logDir: string,
  peer: 'kyverno' | 'policy-controller',
  argv: string[],
  caseName: AdmissionCase,
  expected: 'pass' | 'fail',
  say: (line: string) => void
): InteropResult {
  const [file, ...rest] = argv;
  const result = spawnSync(file ?? '', rest, {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, DOCKER_CONFIG: '/nonexistent', NO_COLOR: '1' }
  });
  const text = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  // `kyverno apply` exits 0 whatever the verdict; its summary line decides. Admitted means the
  // rule ran and passed ("pass: 1"), not merely that nothing failed (a skipped rule admits
  // nothing).
  const kyvernoAdmitted = /pass:\s*[1-9]/.test(text) && !/fail:\s*[1-9]|error:\s*[1-9]/.test(text);
  const admitted = result.status === 0 && (peer !== 'kyverno' || kyvernoAdmitted);
  const got = admitted ? 'pass' : 'fail';
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('Warning:'));
  // Why it was refused: kyverno's first rule message; the tester's first error line.
  const detail =
    peer === 'kyverno'
      ? (lines.find((l) => /^\d+ - /.test(l)) ?? lines.slice(-1)[0])
      : (lines.find(
          (l) => /ERROR|error|failed|no matching/i.test(l) && !/Errors encountered/.test(l)
        ) ?? lines.slice(-1)[0]);
  writeFileSync(join(logDir, `${peer}-${caseName}.log`), text);
  say(
    `   ${got === expected ? 'ok ' : 'BAD'} ${peer.padEnd(17)} admission      ${caseName.padEnd(28)} expected ${expected}, got ${got}${got === expected ? '' : `: ${detail ?? ''}`}`
  );
  return {
    peer,
    format: 'admission',
    case: caseName === 'ours' ? 'ours' : `refused-${caseName}`,
    expected,
    got,
    command: argv.join(' ').replaceAll(`${REPO_ROOT}/`, ''),
    ...(detail ? { detail } : {})
  };
}

export async function runAdmissionChecks(options: {
  out: string;
  registry: RunningRegistry;
  say: (line: string) => void;
}): Promise<InteropResult[]> {
  const { say, registry } = options;
  const kyverno = peerBinary('kyverno');
  const tester = peerBinary('policy-controller');
  const dir = join(options.out, 'admission');
  mkdirSync(dir, { recursive: true });
  say('\n── admission: examples/admission/ through the Kyverno CLI and policy-controller tester');
  const sandbox = await startSandbox({
    sigstore: 'real',
    run: {
      jobWorkflowRef: `${PROJECT_REPOSITORY}/.github/workflows/container.yml@refs/tags/v1.0.0`
    }
  });
  try {
    const run = sandbox.run;
    const images = {} as Record<AdmissionCase, string>;
    for (const name of ['ours', 'unattested', 'other-workflow', 'other-repository'] as const)
      images[name] = (await pushTestImage(registry.host, `admission/${name}`)).reference;
    await attest(sandbox, images.ours, dir, {});
    // The caller signs in its own workflow: the certificate names release.yml, not our builder.
    await attest(sandbox, images['other-workflow'], dir, {
      run: {
        ...run,
        jobWorkflowRef: `${run.repository}/${run.workflowPath}@${run.ref}`,
        jobWorkflowSha: run.workflowSha
      },
      isolationNone: true
    });
    // Our builder, but the run (and so the source) belongs to another repository.
    await attest(sandbox, images['other-repository'], dir, {
      run: {
        ...run,
        repository: 'evil-org/octo-app',
        repositoryId: '666000666',
        repositoryOwnerId: '666000'
      }
    });

    const root = sandbox.trustedRoot as unknown as TrustedRootJson;
    const repository = `${run.serverUrl}/${run.repository}`;
    const kyvernoPolicy = join(dir, 'kyverno-policy.yaml');
    writeFileSync(
      kyvernoPolicy,
      kyvernoPolicyForSandbox(root, sandbox.urls.oidc, registry.host, repository)
    );
    const cip = clusterImagePolicyForSandbox(root, sandbox.urls.oidc, registry.host, repository);
    const cipPath = join(dir, 'cluster-image-policy.yaml');
    const trustRootPath = join(dir, 'trust-root.yaml');
    writeFileSync(cipPath, cip.policy);
    writeFileSync(trustRootPath, cip.trustRoot);

    const results: InteropResult[] = [];
    for (const [name, image] of Object.entries(images) as [AdmissionCase, string][]) {
      const expected = name === 'ours' ? 'pass' : 'fail';
      const pod = join(dir, `pod-${name}.yaml`);
      writeFileSync(
        pod,
        stringify({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `admission-${name}`, namespace: 'default' },
          spec: { containers: [{ name: 'app', image }] }
        })
      );
      // A peer that is not built is a failed row (it gates), never a skipped one.
      const missing = (peer: 'kyverno' | 'policy-controller'): InteropResult => ({
        peer,
        format: 'admission',
        case: name === 'ours' ? 'ours' : `refused-${name}`,
        expected,
        got: `error: not built (bash scripts/install-peers.sh ${peer})`,
        command: ''
      });
      results.push(
        kyverno
          ? evaluate(
              dir,
              'kyverno',
              [kyverno, 'apply', kyvernoPolicy, '--resource', pod, '--registry', '--remove-color'],
              name,
              expected,
              say
            )
          : missing('kyverno'),
        tester
          ? evaluate(
              dir,
              'policy-controller',
              [tester, '--policy', cipPath, '--trustroot', trustRootPath, '--image', image],
              name,
              expected,
              say
            )
          : missing('policy-controller')
      );
    }
    return results;
  } finally {
    await sandbox.close();
  }
}
