import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildPredicate, builderId } from '../../src/provenance/predicate.js';
import {
  buildStatement,
  serializeStatement,
  splitStatements,
  DEFAULT_MAX_SUBJECTS_PER_STATEMENT
} from '../../src/provenance/statement.js';
import { ProvenanceError } from '../../src/errors.js';
import { PROJECT_REPOSITORY } from '../../src/identity.js';
import type { Subject } from '../../src/types.js';
import { CONTEXTS, FINISHED_ON, SUBJECTS } from './contexts.js';

const fixture = (name: string): string =>
  JSON.stringify(
    JSON.parse(
      readFileSync(
        new URL(`../../__fixtures__/provenance/${name}.statement.json`, import.meta.url),
        'utf8'
      )
    )
  );

describe('statement snapshots (bytes, key order included)', () => {
  it.each(Object.keys(CONTEXTS))('%s', (name) => {
    const isolation = name === 'isolation-none' ? 'none' : 'reusable-workflow';
    const predicate = buildPredicate(CONTEXTS[name]!, { finishedOn: FINISHED_ON, isolation });
    expect(serializeStatement(buildStatement(SUBJECTS, predicate)).toString('utf8')).toBe(
      fixture(name)
    );
  });
});

describe('buildPredicate', () => {
  const tag = CONTEXTS['tag-push']!;

  it('names the reusable workflow as builder, equal to the Fulcio SAN form', () => {
    expect(buildPredicate(tag, { isolation: 'reusable-workflow' }).runDetails.builder.id).toBe(
      `https://github.com/${tag.jobWorkflowRef}`
    );
  });

  it('omits finishedOn when not given and inputs outside workflow_dispatch', () => {
    const p = buildPredicate(
      { ...tag, inputs: { leaked: 'x' } },
      { isolation: 'reusable-workflow' }
    );
    expect(p.runDetails.metadata).toEqual({
      invocationId: 'https://github.com/octo-org/octo-repo/actions/runs/4242424242/attempts/1',
      startedOn: '2026-11-22T03:00:00Z'
    });
    expect(p.buildDefinition.externalParameters).not.toHaveProperty('inputs');
  });

  it('with isolation none never names our L3 builder', () => {
    const none = CONTEXTS['isolation-none']!;
    const id = buildPredicate(none, { isolation: 'none' }).runDetails.builder.id;
    expect(id).toBe(builderId(none));
    expect(id.startsWith(`https://github.com/${PROJECT_REPOSITORY}/`)).toBe(false);
    expect(() => buildPredicate(tag, { isolation: 'none' })).toThrow(/would claim Build L3/);
    // the sandbox's builder repository is honoured too
    expect(() =>
      buildPredicate(
        { ...tag, jobWorkflowRef: 'sandbox/builder/.github/workflows/generic.yml@refs/tags/v0' },
        { isolation: 'none', trustedBuilderRepository: 'sandbox/builder' }
      )
    ).toThrow(ProvenanceError);
  });

  it('is deterministic and does not alias the context', () => {
    const ctx = CONTEXTS['workflow-dispatch']!;
    const a = serializeStatement(
      buildStatement(SUBJECTS, buildPredicate(ctx, { isolation: 'reusable-workflow' }))
    );
    const b = serializeStatement(
      buildStatement(
        SUBJECTS,
        buildPredicate(structuredClone(ctx), { isolation: 'reusable-workflow' })
      )
    );
    expect(a.equals(b)).toBe(true);
    const p = buildPredicate(ctx, { isolation: 'reusable-workflow' });
    (p.buildDefinition.externalParameters.inputs as Record<string, unknown>).version = 'changed';
    expect(ctx.inputs!.version).toBe('2.0.1');
  });
});

describe('buildStatement', () => {
  const predicate = buildPredicate(CONTEXTS['tag-push']!, { isolation: 'reusable-workflow' });

  it('copies subjects into the canonical shape, dropping anything extra', () => {
    const hostile = {
      name: 'a',
      digest: { sha512: 'b'.repeat(128), sha256: 'a'.repeat(64), md5: 'x' },
      annotations: { evil: true }
    } as unknown as Subject;
    const st = buildStatement([hostile], predicate);
    expect(JSON.stringify(st.subject)).toBe(
      `[{"name":"a","digest":{"sha256":"${'a'.repeat(64)}","sha512":"${'b'.repeat(128)}"}}]`
    );
  });

  it('refuses an empty subject list', () => {
    expect(() => buildStatement([], predicate)).toThrow(/at least one subject/);
  });
});

describe('splitStatements', () => {
  const predicate = buildPredicate(CONTEXTS['tag-push']!, { isolation: 'reusable-workflow' });
  const many = (n: number, nameLength = 10): Subject[] =>
    Array.from({ length: n }, (_, i) => ({
      name: `f${String(i).padStart(nameLength - 1, '0')}`,
      digest: { sha256: i.toString(16).padStart(64, '0') }
    }));

  it('keeps a small set in one statement', () => {
    expect(splitStatements(SUBJECTS, predicate)).toHaveLength(1);
  });

  it('splits by subject count, in order, with the same predicate everywhere', () => {
    const subjects = many(2500);
    const parts = splitStatements(subjects, predicate);
    expect(parts.map((p) => p.subject.length)).toEqual([
      DEFAULT_MAX_SUBJECTS_PER_STATEMENT,
      DEFAULT_MAX_SUBJECTS_PER_STATEMENT,
      452
    ]);
    expect(parts.flatMap((p) => p.subject.map((s) => s.name))).toEqual(subjects.map((s) => s.name));
    for (const p of parts) expect(p.predicate).toBe(predicate);
  });

  it('splits by serialised size and every part stays within the byte limit', () => {
    const maxStatementBytes = 20_000;
    const parts = splitStatements(many(300, 200), predicate, { maxStatementBytes });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts)
      expect(serializeStatement(p).length).toBeLessThanOrEqual(maxStatementBytes);
    // packed tightly: one more subject would not have fitted in any full part
    const one = Buffer.byteLength(JSON.stringify(parts[0]!.subject[0])) + 1;
    for (const p of parts.slice(0, -1))
      expect(serializeStatement(p).length + one).toBeGreaterThan(maxStatementBytes);
  });

  it('refuses a subject too large for any statement, and a nonsensical limit', () => {
    const huge: Subject[] = [{ name: 'x'.repeat(5000), digest: { sha256: 'a'.repeat(64) } }];
    expect(() => splitStatements(huge, predicate, { maxStatementBytes: 4000 })).toThrow(
      /alone makes a statement larger than 4000 bytes/
    );
    expect(() => splitStatements(SUBJECTS, predicate, { maxSubjectsPerStatement: 0 })).toThrow(
      /positive integer/
    );
  });
});
