// The properties that make generic.yml / container.yml Build L3, as a checker over the parsed
// YAML. Each returns human-readable violations (empty = holds); the tests run it on the real
// files and on one mutation per invariant, so a check that stopped working would show.

export type Doc = Record<string, unknown>;

/** Folder (under the workspace) the builder is checked out to at job_workflow_sha. */
export const BUILDER_DIR = '__isolated_provenance_builder';
const PINNED_SHA_USES = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/;
const READ_ONLY = new Set(['read', 'none']);

/** Write scopes each job of a builder workflow may hold, by job id. */
export const ALLOWED_WRITE_SCOPES: Record<string, readonly string[]> = {
  provenance: ['id-token', 'packages'],
  'upload-assets': ['contents'],
  attest: ['attestations']
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function records(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function jobsOf(doc: Doc): [string, Record<string, unknown>][] {
  const jobs = doc['jobs'];
  return isRecord(jobs)
    ? Object.entries(jobs).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1]))
    : [];
}

function stepsOf(holder: Record<string, unknown>): Record<string, unknown>[] {
  return records(holder['steps']);
}

function compositeSteps(action: Doc): Record<string, unknown>[] {
  const runs = action['runs'];
  return isRecord(runs) ? stepsOf(runs) : [];
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function isCheckout(step: Record<string, unknown>): boolean {
  return text(step['uses']).startsWith('actions/checkout@');
}

/** `uses:` must be a local path or owner/repo[/path]@<40 hex>. */
export function checkPinnedUses(steps: Record<string, unknown>[], where: string): string[] {
  const out: string[] = [];
  for (const step of steps) {
    const uses = text(step['uses']);
    if (uses === '' || uses.startsWith('./')) continue;
    if (!PINNED_SHA_USES.test(uses))
      out.push(`${where}: uses '${uses}' is not pinned to a 40-hex commit SHA`);
  }
  return out;
}

/** Scripts may read tenant data from env only: no `${{ … }}` inside any run: block. */
export function checkNoInterpolationInRun(
  steps: Record<string, unknown>[],
  where: string
): string[] {
  return steps
    .filter((s) => text(s['run']).includes('${{'))
    .map(
      (s) =>
        `${where}: step '${text(s['name']) || text(s['id'])}' interpolates an expression into run: (pass it via env:)`
    );
}

function writeScopes(permissions: unknown): string[] | 'write-all' {
  if (permissions === 'write-all') return 'write-all';
  if (!isRecord(permissions)) return [];
  return Object.entries(permissions)
    .filter(([, level]) => !READ_ONLY.has(String(level)))
    .map(([scope]) => scope);
}

/** Every invariant of a builder workflow (generic.yml, container.yml). */
export function checkBuilderWorkflow(doc: Doc): string[] {
  const out: string[] = [];

  // Only callable as a reusable workflow: no pull_request_target, no push, nothing else.
  const on = doc['on'];
  const triggers = isRecord(on) ? Object.keys(on) : typeof on === 'string' ? [on] : [];
  if (triggers.length !== 1 || triggers[0] !== 'workflow_call') {
    out.push(`triggers must be workflow_call only, found ${JSON.stringify(triggers)}`);
  }

  // Least privilege at the top: nothing writable unless a job asks for it.
  const top = writeScopes(doc['permissions']);
  if (!('permissions' in doc)) out.push('top-level permissions missing (expected {} or read-only)');
  else if (top === 'write-all' || top.length > 0)
    out.push(`top-level permissions grant write: ${String(top)}`);

  const jobs = jobsOf(doc);
  const provenance = jobs.find(([id]) => id === 'provenance')?.[1];
  if (!provenance) return [...out, 'no provenance job'];

  for (const [id, job] of jobs) {
    const where = `job ${id}`;
    if ('uses' in job)
      out.push(
        `${where} calls another workflow (${text(job['uses'])}): no foreign code in the builder`
      );
    if (job['secrets'] === 'inherit') out.push(`${where} uses secrets: inherit`);
    const runsOn = job['runs-on'];
    if (typeof runsOn !== 'string' || runsOn.includes('${{') || runsOn.includes('self-hosted')) {
      out.push(
        `${where} runs-on must be a literal GitHub-hosted label, found ${JSON.stringify(runsOn)}`
      );
    }
    const scopes = writeScopes(job['permissions']);
    const allowed = ALLOWED_WRITE_SCOPES[id] ?? [];
    if (scopes === 'write-all') out.push(`${where} has write-all`);
    else
      for (const s of scopes)
        if (!allowed.includes(s)) out.push(`${where} holds ${s}: write beyond what it needs`);
    if (id !== 'provenance' && scopes !== 'write-all' && scopes.includes('id-token')) {
      out.push(`${where} holds id-token: write; only the provenance job may sign`);
    }
    const steps = stepsOf(job);
    out.push(...checkPinnedUses(steps, where), ...checkNoInterpolationInRun(steps, where));
    // Caller code never runs here: the only checkout is of the builder, at the signed commit.
    for (const step of steps.filter(isCheckout)) {
      const w = isRecord(step['with']) ? step['with'] : {};
      if (w['repository'] !== '${{ steps.builder.outputs.repository }}') {
        out.push(
          `${where}: a checkout not of the builder repository (caller code must not run in the builder)`
        );
      }
      if (w['ref'] !== '${{ steps.builder.outputs.sha }}') {
        out.push(
          `${where}: builder checkout ref is ${JSON.stringify(w['ref'])}, expected the job_workflow_sha claim`
        );
      }
      if (w['persist-credentials'] !== false && w['persist-credentials'] !== 'false') {
        out.push(`${where}: builder checkout must set persist-credentials: false`);
      }
      if (w['path'] !== BUILDER_DIR)
        out.push(`${where}: builder checkout path must be ${BUILDER_DIR}`);
    }
    for (const step of steps) {
      if (text(step['uses']).startsWith('isolated-provenance/')) {
        out.push(`${where}: runs our code by a mutable remote ref instead of the pinned checkout`);
      }
    }
  }

  if (!isRecord(provenance['permissions']) || provenance['permissions']['id-token'] !== 'write') {
    out.push('provenance job lacks permissions id-token: write');
  }

  // The pin: claim step → checkout at the claim → action from that checkout, in this order.
  const steps = stepsOf(provenance);
  const claimAt = steps.findIndex((s) => s['id'] === 'builder');
  const claim = steps[claimAt];
  const script = claim ? text(claim['run']) : '';
  if (
    !claim ||
    !script.includes('ACTIONS_ID_TOKEN_REQUEST_URL') ||
    !/job_workflow_sha/.test(script) ||
    !/echo "sha=/.test(script)
  ) {
    out.push(
      'provenance job must first read job_workflow_sha from its OIDC token (step id builder)'
    );
  }
  const checkoutAt = steps.findIndex(isCheckout);
  if (checkoutAt === -1) out.push('provenance job does not check out the builder');
  const runAt = steps.findIndex(
    (s) => text(s['uses']).startsWith(`./${BUILDER_DIR}/`) || text(s['uses']) === `./${BUILDER_DIR}`
  );
  if (runAt === -1) out.push(`provenance job does not run the action from ./${BUILDER_DIR}`);
  if (!(claimAt >= 0 && claimAt < checkoutAt && checkoutAt < runAt)) {
    out.push('order must be: read claims, check out at job_workflow_sha, run from the checkout');
  }
  for (const [i, step] of steps.entries()) {
    const uses = text(step['uses']);
    if (uses.startsWith('./') && !uses.startsWith(`./${BUILDER_DIR}`)) {
      out.push(
        `provenance job: local uses '${uses}' resolves against the workspace, not the pinned checkout`
      );
    }
    if (uses.startsWith(`./${BUILDER_DIR}`) && i < checkoutAt) {
      out.push(`provenance job: '${uses}' runs before the pinned checkout exists`);
    }
  }
  return out;
}

/** Invariants of the shared composite run from the pinned checkout. */
export function checkPinnedBuilderAction(action: Doc): string[] {
  const steps = compositeSteps(action);
  const out = [
    ...checkPinnedUses(steps, 'pinned-builder'),
    ...checkNoInterpolationInRun(steps, 'pinned-builder')
  ];
  const run = steps.find((s) => s['id'] === 'action');
  if (!run || run['uses'] !== `./${BUILDER_DIR}`) {
    out.push(`pinned-builder must run the action from ./${BUILDER_DIR}`);
  }
  const w = run && isRecord(run['with']) ? run['with'] : {};
  if (w['isolation'] !== 'reusable-workflow')
    out.push('pinned-builder must run the action with isolation: reusable-workflow');
  const verify = steps[0] ? text(steps[0]['run']) : '';
  if (!verify.includes('rev-parse HEAD') || !verify.includes('BUILDER_SHA')) {
    out.push('pinned-builder must first check the checkout is at the signed commit');
  }
  return out;
}

/** Pinning and injection rules that apply to every workflow and composite action we ship. */
export function checkHygiene(doc: Doc, where: string): string[] {
  const out: string[] = [];
  const all = [...jobsOf(doc).flatMap(([, job]) => stepsOf(job)), ...compositeSteps(doc)];
  out.push(...checkPinnedUses(all, where), ...checkNoInterpolationInRun(all, where));
  for (const [id, job] of jobsOf(doc)) {
    if (job['secrets'] === 'inherit') out.push(`${where}: job ${id} uses secrets: inherit`);
    const called = text(job['uses']);
    if (called && !called.startsWith('./') && !/@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/.test(called)) {
      out.push(
        `${where}: job ${id} calls '${called}': expected a release tag @vX.Y.Z or a 40-hex commit SHA`
      );
    }
  }
  const on = doc['on'];
  if (isRecord(on) && 'pull_request_target' in on)
    out.push(`${where}: pull_request_target trigger`);
  return out;
}
