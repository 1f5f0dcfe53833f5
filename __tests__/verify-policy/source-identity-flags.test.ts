// The id flags the job summary prints must be ones verify-artifact reads back (issue 16 item 12).
import { describe, expect, it } from '@jest/globals';
import { parseArgs } from '../../src/verify/cli/args.js';
import { POLICY_FLAGS, readPolicy } from '../../src/verify/cli/policy-flags.js';
import { sourceIdentityFlags } from '../../src/verify/policy/index.js';

describe('sourceIdentityFlags', () => {
  it('prints both ids, and the verifier reads them back', () => {
    const flags = sourceIdentityFlags({ repositoryId: '486325809', repositoryOwnerId: 80431187 });
    expect(flags).toEqual(['--source-repository-id', '486325809', '--source-owner-id', '80431187']);
    const policy = readPolicy(
      parseArgs(['--source-uri', 'github.com/o/r', ...flags], POLICY_FLAGS, 'verify-artifact'),
      'verify-artifact',
      []
    );
    expect(policy.sourceRepositoryId).toBe('486325809');
    expect(policy.sourceOwnerId).toBe('80431187');
  });

  it('leaves out ids that are missing or not numeric (never prints tenant text as a flag)', () => {
    expect(
      sourceIdentityFlags({ repositoryId: '1; rm -rf /', repositoryOwnerId: undefined })
    ).toEqual([]);
  });
});
