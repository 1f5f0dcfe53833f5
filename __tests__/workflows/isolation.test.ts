// Isolation invariants of the builder workflows, each shown live by a mutation it rejects.
import { describe, it, expect } from '@jest/globals';
import { parse } from 'yaml';
import { BUILDER_WORKFLOW_PATHS } from '../../src/identity.js';
import {
  BUILDER_DIR,
  checkBuilderWorkflow,
  checkHygiene,
  checkPinnedBuilderAction,
  type Doc
} from './isolation-invariants.js';
import { ACTION_FILES, WORKFLOW_FILES, readDoc, readText } from './files.js';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => v as Rec;
const job = (doc: Doc, id: string): Rec => rec(rec(doc['jobs'])[id]);
const steps = (doc: Doc, id: string): Rec[] => job(doc, id)['steps'] as Rec[];
const stepById = (doc: Doc, jobId: string, stepId: string): Rec => {
  const found = steps(doc, jobId).find((s) => s['id'] === stepId);
  if (!found) throw new Error(`no step ${stepId}`);
  return found;
};
const checkoutStep = (doc: Doc): Rec => {
  const found = steps(doc, 'provenance').find((s) =>
    String(s['uses']).startsWith('actions/checkout@')
  );
  if (!found) throw new Error('no checkout');
  return found;
};

/** One mutation per invariant: what breaks it, and the words the checker must use. */
const MUTATIONS: { invariant: string; expect: RegExp; mutate: (d: Doc) => void }[] = [
  {
    invariant: 'provenance job holds id-token: write',
    expect: /lacks permissions id-token: write/,
    mutate: (d) => delete rec(job(d, 'provenance')['permissions'])['id-token']
  },
  {
    invariant: 'no caller code in the builder (no checkout of the caller repository)',
    expect: /checkout not of the builder repository/,
    mutate: (d) =>
      steps(d, 'provenance').splice(3, 0, {
        uses: 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
        with: {
          ref: '${{ steps.builder.outputs.sha }}',
          'persist-credentials': false,
          path: BUILDER_DIR
        }
      })
  },
  {
    invariant: 'no caller code in the builder (no nested workflow call)',
    expect: /calls another workflow/,
    mutate: (d) => {
      rec(d['jobs'])['build'] = {
        uses: 'caller/repo/.github/workflows/build.yml@0123456789abcdef0123456789abcdef01234567'
      };
    }
  },
  {
    invariant: 'only the provenance job may hold id-token: write',
    expect: /only the provenance job may sign/,
    mutate: (d) => {
      const other = Object.keys(rec(d['jobs'])).find((id) => id !== 'provenance') ?? 'provenance';
      if (other === 'provenance') {
        rec(d['jobs'])['extra'] = {
          'runs-on': 'ubuntu-latest',
          permissions: { 'id-token': 'write' },
          steps: []
        };
      } else rec(job(d, other)['permissions'])['id-token'] = 'write';
    }
  },
  {
    invariant: 'checkout at the job_workflow_sha claim',
    expect: /builder checkout ref is .*expected the job_workflow_sha claim/,
    mutate: (d) => (rec(checkoutStep(d)['with'])['ref'] = '${{ steps.builder.outputs.ref }}')
  },
  {
    invariant: 'the claim step reads job_workflow_sha',
    expect: /first read job_workflow_sha/,
    mutate: (d) => {
      const s = stepById(d, 'provenance', 'builder');
      s['run'] = String(s['run']).replaceAll('job_workflow_sha', 'sha');
    }
  },
  {
    invariant: 'persist-credentials: false',
    expect: /persist-credentials: false/,
    mutate: (d) => (rec(checkoutStep(d)['with'])['persist-credentials'] = true)
  },
  {
    invariant: 'action run from the pinned checkout (not a workspace-relative path)',
    expect: /resolves against the workspace/,
    mutate: (d) => (stepById(d, 'provenance', 'sign')['uses'] = './.github/actions/pinned-builder')
  },
  {
    invariant: 'action run from the pinned checkout (not a mutable remote ref)',
    expect: /mutable remote ref/,
    mutate: (d) =>
      (stepById(d, 'provenance', 'sign')['uses'] =
        'isolated-provenance/isolated-provenance/.github/actions/pinned-builder@0123456789abcdef0123456789abcdef01234567')
  },
  {
    invariant: 'action run only after the pinned checkout',
    expect: /runs before the pinned checkout exists|order must be/,
    mutate: (d) => {
      const all = steps(d, 'provenance');
      const sign = all.findIndex((s) => s['id'] === 'sign');
      const [moved] = all.splice(sign, 1);
      all.splice(1, 0, moved!);
    }
  },
  {
    invariant: 'every uses: pinned to a 40-hex SHA',
    expect: /not pinned to a 40-hex commit SHA/,
    mutate: (d) => (checkoutStep(d)['uses'] = 'actions/checkout@v5')
  },
  {
    invariant: 'no secrets: inherit',
    expect: /secrets: inherit/,
    mutate: (d) => (job(d, 'provenance')['secrets'] = 'inherit')
  },
  {
    invariant: 'no tenant expression interpolated into run:',
    expect: /interpolates an expression into run:/,
    mutate: (d) => {
      const s = stepById(d, 'provenance', 'builder');
      s['run'] = `echo "\${{ inputs.provenance-name }}"\n${String(s['run'])}`;
    }
  },
  {
    invariant: 'top-level permissions {} or read-only',
    expect: /top-level permissions grant write/,
    mutate: (d) => (d['permissions'] = { contents: 'write' })
  },
  {
    invariant: 'top-level permissions present',
    expect: /top-level permissions missing/,
    mutate: (d) => delete d['permissions']
  },
  {
    invariant: 'least privilege per job (signing job never holds contents: write)',
    expect: /holds contents: write beyond what it needs/,
    mutate: (d) => (rec(job(d, 'provenance')['permissions'])['contents'] = 'write')
  },
  {
    invariant: 'no write-all',
    expect: /write-all/,
    mutate: (d) => (job(d, 'provenance')['permissions'] = 'write-all')
  },
  {
    invariant: 'workflow_call only (no pull_request_target)',
    expect: /triggers must be workflow_call only/,
    mutate: (d) => (rec(d['on'])['pull_request_target'] = null)
  },
  {
    invariant: 'GitHub-hosted runner chosen by us, not the caller',
    expect: /runs-on must be a literal GitHub-hosted label/,
    mutate: (d) => (job(d, 'provenance')['runs-on'] = '${{ inputs.runner }}')
  }
];

describe.each([...BUILDER_WORKFLOW_PATHS])('%s isolation invariants', (path) => {
  const original = readDoc(path);

  it('holds every invariant', () => {
    expect(checkBuilderWorkflow(original)).toEqual([]);
  });

  it.each(MUTATIONS.map((m) => [m.invariant, m] as const))(
    'rejects a copy that breaks: %s',
    (_name, m) => {
      const copy = structuredClone(original);
      m.mutate(copy);
      expect(copy).not.toEqual(original);
      const violations = checkBuilderWorkflow(copy);
      expect(violations.join('\n')).toMatch(m.expect);
    }
  );
});

describe('pinned-builder composite (run from the pinned checkout)', () => {
  const path = '.github/actions/pinned-builder/action.yml';
  const original = readDoc(path);
  const runsSteps = (d: Doc): Rec[] => rec(d['runs'])['steps'] as Rec[];

  it('holds its invariants', () => {
    expect(checkPinnedBuilderAction(original)).toEqual([]);
  });

  it.each([
    [
      'runs the action from the checkout',
      /must run the action from/,
      (d: Doc): void => void (runsSteps(d)[1]!['uses'] = './')
    ],
    [
      'asks for reusable-workflow isolation',
      /isolation: reusable-workflow/,
      (d: Doc): void => void (rec(runsSteps(d)[1]!['with'])['isolation'] = 'none')
    ],
    [
      'checks HEAD against the claim first',
      /checkout is at the signed commit/,
      (d: Doc): void => void (runsSteps(d)[0]!['run'] = 'true')
    ],
    [
      'no expression in run:',
      /interpolates/,
      (d: Doc): void =>
        void (runsSteps(d)[0]!['run'] =
          'echo "${{ inputs.builder-sha }}"\nrev-parse HEAD BUILDER_SHA')
    ]
  ] as const)('rejects a copy that breaks: %s', (_name, expected, mutate) => {
    const copy = structuredClone(original);
    mutate(copy);
    expect(checkPinnedBuilderAction(copy).join('\n')).toMatch(expected);
  });
});

describe('bootstrap shared by generic.yml and container.yml', () => {
  // The steps before the pinned checkout cannot live in a shared file (nothing trusted is on
  // disk yet), so they are written twice; this keeps the two copies identical.
  const bootstrap = (path: string): string => {
    const src = readText(path);
    const start = src.indexOf('# --- builder bootstrap');
    const end = src.indexOf('# --- end of builder bootstrap ---');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    return src.slice(start, end);
  };

  it('is byte-identical in both workflows', () => {
    const [a, b] = BUILDER_WORKFLOW_PATHS.map(bootstrap);
    expect(a).toEqual(b);
    const parsed = parse(a!.replace(/^#.*\n/, '')) as unknown[];
    expect(parsed.length).toBe(2);
  });
});

describe('hygiene of every workflow and composite action we ship', () => {
  it.each([...WORKFLOW_FILES, ...ACTION_FILES])(
    '%s: pinned uses, no interpolation in run:, no inherit',
    (path) => {
      expect(checkHygiene(readDoc(path), path)).toEqual([]);
    }
  );

  it('is live: an example calling the builder by a branch is rejected', () => {
    const copy = structuredClone(readDoc('examples/go-binary.yml'));
    job(copy, 'provenance')['uses'] =
      'isolated-provenance/isolated-provenance/.github/workflows/generic.yml@main';
    expect(checkHygiene(copy, 'go-binary').join('\n')).toMatch(
      /expected a release tag @vX.Y.Z or a 40-hex commit SHA/
    );
  });

  it('is live: pull_request_target is rejected', () => {
    const copy = structuredClone(readDoc('.github/workflows/ci.yml'));
    rec(copy['on'])['pull_request_target'] = null;
    expect(checkHygiene(copy, 'ci').join('\n')).toMatch(/pull_request_target/);
  });

  it('every third-party pin carries a version comment', () => {
    for (const path of [...WORKFLOW_FILES, ...ACTION_FILES]) {
      for (const line of readText(path).split('\n')) {
        const m = /uses:\s*([A-Za-z0-9_.-]+\/[^@\s]+)@([0-9a-f]{40})(.*)$/.exec(line);
        if (m && !m[1]!.startsWith('isolated-provenance/'))
          expect(`${path}: ${line.trim()}`).toMatch(/# v\d+\.\d+\.\d+/);
      }
    }
  });
});
