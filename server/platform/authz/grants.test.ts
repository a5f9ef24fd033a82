import { describe, expect, it } from 'vitest';
import type { Ctx } from '../context.ts';
import { createLedger } from '../ledger/index.ts';
import { fixedClock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import { createAuthz } from './index.ts';

// Issue 3 / A11: per-resource grants that later modules add become abilities on one object only.
describe('authorisation core: per-resource grants', () => {
  const authz = createAuthz({
    policies: [],
    database: {} as Database,
    ledger: createLedger({
      clock: fixedClock('2026-11-30T00:00:00Z'),
      database: {} as Database,
      signingSeed: Buffer.alloc(32, 7),
      origin: 'test.example/log',
    }),
  });
  authz.addGrantSource((personId) =>
    Promise.resolve(
      personId === 'p1' ? [{ subjectType: 'PersonalInfoFile', subjectId: 'f1', actions: ['read'] }] : [],
    ),
  );
  authz.addGrantSource(() =>
    Promise.resolve([{ subjectType: 'PersonalInfoFile', subjectId: 'f2', actions: ['read', 'copy'] }]),
  );

  const ctxOf = async (personId: string): Promise<Ctx> => ({
    actor: {
      kind: 'person',
      personId,
      label: personId,
      roles: [],
      grants: await authz.grantsOf(personId),
      unitId: null,
      sectionId: null,
    },
    requestId: null,
    ip: null,
    terminal: null,
  });

  it('collects the grants of every source', async () => {
    expect(await authz.grantsOf('p1')).toHaveLength(2);
    expect(await authz.grantsOf('p2')).toHaveLength(1);
  });

  it('allows the granted actions on the granted object and nothing else', async () => {
    const ctx = await ctxOf('p1');
    expect(authz.can(ctx, 'read', 'PersonalInfoFile', { id: 'f1' })).toBe(true);
    expect(authz.can(ctx, 'copy', 'PersonalInfoFile', { id: 'f1' })).toBe(false);
    expect(authz.can(ctx, 'copy', 'PersonalInfoFile', { id: 'f2' })).toBe(true);
    expect(authz.can(ctx, 'read', 'PersonalInfoFile', { id: 'f3' })).toBe(false);
    expect(authz.can(ctx, 'read', 'Person', { id: 'f1' })).toBe(false);
    const other = await ctxOf('p2');
    expect(authz.can(other, 'read', 'PersonalInfoFile', { id: 'f1' })).toBe(false);
  });
});
