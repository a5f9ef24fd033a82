/**
 * The scheduler's lease (A22-1: the weekly analysis runs once, whatever the number of app servers).
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { databases, openTestDatabase } from '../../../tests/support/databases.ts';
import { MutableClock } from '../../../tests/api/support/mutable-clock.ts';
import { createScheduler } from './scheduler.ts';
import { acquireLease, leaseOf } from './lease.ts';

describe.each(databases)('job scheduler on %s', (kind) => {
  it('of two app servers whose timers fire together, one runs the job', async () => {
    const database = await openTestDatabase(kind);
    const clock = new MutableClock('2026-11-29T21:00:00.000Z');
    let runs = 0;
    const job = {
      name: 'test.weekly',
      pattern: '0 6 * * 1',
      run: async () => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 20));
      },
    };
    const a = createScheduler({ database, clock, holder: 'server-a' });
    const b = createScheduler({ database, clock, holder: 'server-b' });
    a.add(job);
    b.add(job);
    const results = await Promise.all([a.runNow('test.weekly'), b.runNow('test.weekly')]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toBe(1);
    // A minute later the other server's late timer still finds the lease held.
    clock.advanceMinutes(1);
    const [winner, loser] = results[0].ran ? [a, b] : [b, a];
    expect((await loser.runNow('test.weekly')).ran).toBe(false);
    expect(runs).toBe(1);
    expect((await winner.runNow('test.weekly')).ran).toBe(true); // the holder itself may
  });

  it('a crashed holder is replaced once its lease expires', async () => {
    const database = await openTestDatabase(kind);
    const now = new Date('2026-11-30T00:00:00.000Z');
    const db = database.db;
    expect(await acquireLease(db, { name: 'seq', holder: 'a', now, ttlMs: 60_000 })).toBe(true);
    expect(await acquireLease(db, { name: 'seq', holder: 'b', now, ttlMs: 60_000 })).toBe(false);
    const later = new Date(now.getTime() + 61_000);
    expect(await acquireLease(db, { name: 'seq', holder: 'b', now: later, ttlMs: 60_000 })).toBe(true);
    expect((await leaseOf(db, 'seq'))?.holder).toBe('b');
    expect(await acquireLease(db, { name: 'seq', holder: 'a', now: later, ttlMs: 60_000 })).toBe(false);
  });

  it('a failed run frees the lease so that another server may try', async () => {
    const database = await openTestDatabase(kind);
    const clock = fixedClock('2026-11-30T00:00:00.000Z');
    const errors: string[] = [];
    const a = createScheduler({ database, clock, holder: 'a', onError: (name) => errors.push(name) });
    const b = createScheduler({ database, clock, holder: 'b' });
    a.add({ name: 'j', pattern: '0 6 * * 1', run: () => Promise.reject(new Error('boom')) });
    let ran = false;
    b.add({ name: 'j', pattern: '0 6 * * 1', run: () => Promise.resolve(void (ran = true)) });
    expect((await a.runNow('j')).error).toBeInstanceOf(Error);
    expect(errors).toEqual(['j']);
    expect((await b.runNow('j')).ran).toBe(true);
    expect(ran).toBe(true);
  });
});

describe('job timing', () => {
  it('the weekly analysis is due on Monday at 06:00 in Tokyo (Sunday 21:00 UTC)', async () => {
    const database = await openTestDatabase('sqlite');
    const s = createScheduler({ database, clock: fixedClock('2026-11-25T03:00:00.000Z') });
    s.add({ name: 'w', pattern: '0 6 * * 1', run: () => Promise.resolve() });
    expect(s.nextRun('w')?.toISOString()).toBe('2026-11-29T21:00:00.000Z');
  });
});
