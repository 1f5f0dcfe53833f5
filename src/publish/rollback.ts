// All or nothing across destinations that do not share a transaction: each publisher that
// created something registers how to take it back; when a later one fails, what this run
// created is removed again. Destinations that cannot take anything back (the attestations
// API, registries) go last and are named in the error when they keep something.
import { ProvenanceError, describeError, isProvenanceError } from '../errors.js';

interface Undo {
  what: string;
  run: () => Promise<void>;
}

export class PublicationLedger {
  private readonly undos: Undo[] = [];
  private readonly kept: string[] = [];

  /** Something this run created, and how to remove it if a later step fails. */
  created(what: string, undo: () => Promise<void>): void {
    this.undos.push({ what, run: undo });
  }

  /** Something this run created that cannot be removed (a re-run reuses it). */
  irrevocable(what: string): void {
    this.kept.push(what);
  }

  /**
   * Undoes everything registered, newest first, and returns the failure as one error that
   * says what was removed and what is still out there.
   */
  async rollback(failure: unknown): Promise<unknown> {
    const removed: string[] = [];
    const stuck: string[] = [];
    for (const undo of [...this.undos].reverse()) {
      try {
        await undo.run();
        removed.push(undo.what);
      } catch (e) {
        stuck.push(`${undo.what} (${describeError(e)})`);
      }
    }
    this.undos.length = 0;
    const notes: string[] = [];
    if (removed.length > 0) notes.push(`removed again: ${removed.join(', ')}`);
    if (stuck.length > 0) notes.push(`could not remove, delete by hand: ${stuck.join(', ')}`);
    if (this.kept.length > 0)
      notes.push(`kept (cannot be removed; a re-run reuses it): ${this.kept.join(', ')}`);
    if (notes.length === 0) return failure;
    const code = isProvenanceError(failure) ? failure.code : 'PUBLISH_FAILED';
    return new ProvenanceError(code, `${describeError(failure)} [${notes.join('; ')}]`, {
      cause: failure
    });
  }
}
