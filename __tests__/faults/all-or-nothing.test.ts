// The pieces behind "nothing half-published" across several destinations: the staged
// provenance file (moved into place only on success) and the ledger of what a run published
// (taken back, newest first, when a later destination fails).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ProvenanceError } from '../../src/errors.js';
import { PublicationLedger } from '../../src/publish/rollback.js';
import { stageProvenanceFile } from '../../src/publish/staging.js';

describe('stageProvenanceFile', () => {
  it('keeps the file out of the output directory until commit, under its final name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staging-'));
    const staged = await stageProvenanceFile(dir, 'app.intoto.jsonl', Buffer.from('{}\n'));
    expect(basename(staged.path)).toBe('app.intoto.jsonl');
    expect(readdirSync(dir).filter((f) => f.endsWith('.intoto.jsonl'))).toEqual([]);
    const written = await staged.commit();
    expect(written.path).toBe(join(dir, 'app.intoto.jsonl'));
    expect(readdirSync(dir)).toEqual(['app.intoto.jsonl']);
    expect(readFileSync(written.path, 'utf8')).toBe('{}\n');
    expect(written.sha256).toBe(staged.sha256);
  });

  it('leaves nothing behind when discarded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staging-'));
    const staged = await stageProvenanceFile(dir, 'app.intoto.jsonl', Buffer.from('{}\n'));
    await staged.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('PublicationLedger', () => {
  it('takes back what was created, newest first, and says so in the error', async () => {
    const ledger = new PublicationLedger();
    const undone: string[] = [];
    ledger.created('workflow artifact a', async () => void undone.push('artifact'));
    ledger.created('release asset a', async () => void undone.push('asset'));
    const error = await ledger.rollback(
      new ProvenanceError('SERVICE_UNAVAILABLE', 'attestations API: down')
    );
    expect(undone).toEqual(['asset', 'artifact']);
    expect(error).toBeInstanceOf(ProvenanceError);
    expect((error as ProvenanceError).code).toBe('SERVICE_UNAVAILABLE');
    expect((error as ProvenanceError).message).toBe(
      'attestations API: down [removed again: release asset a, workflow artifact a]'
    );
  });

  it('names what it could not remove and what cannot be removed at all', async () => {
    const ledger = new PublicationLedger();
    ledger.created('release asset a', async () => {
      throw new Error('HTTP 503');
    });
    ledger.irrevocable('attestation https://github.com/o/r/attestations/7');
    const error = (await ledger.rollback(
      new ProvenanceError('SERVICE_UNAVAILABLE', 'registry: down')
    )) as ProvenanceError;
    expect(error.message).toBe(
      'registry: down [could not remove, delete by hand: release asset a (HTTP 503); kept (cannot be removed; a re-run reuses it): attestation https://github.com/o/r/attestations/7]'
    );
  });

  it('passes the failure through untouched when nothing was published', async () => {
    const failure = new ProvenanceError('PUBLISH_FAILED', 'release: refused');
    expect(await new PublicationLedger().rollback(failure)).toBe(failure);
    const bug = new TypeError('x is undefined');
    expect(await new PublicationLedger().rollback(bug)).toBe(bug);
  });
});
