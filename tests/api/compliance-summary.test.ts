/**
 * The compliance overview's jobs over HTTP (issue 10):
 * - the summary (weekdays 08:00) tells the holders of a new gap's role over its scope once
 *   (compliance.new_gaps with the count and the page) — a seat nobody holds is told to the unit's
 *   総括保護管理者 — and never again for the same gap; a gap gone is marked resolved;
 * - the daily snapshot records the matrix for the trend; a re-run replaces the day's; the 総括管理者
 *   or the システム管理者 may take one on demand;
 * - the new gaps page lists what was first seen since a day, in the rows the caller reads.
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { NewGapsView, OverviewView, TrendView } from '../../shared/api/compliance.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness, type ProvisionHarness } from '../support/provision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { MutableClock } from './support/mutable-clock.ts';

const runJob = (h: ProvisionHarness, name: string) =>
  h.services.compliance.jobs.find((j) => j.name === name)!.run();

/** The compliance.new_gaps notifications of a person: their counts, oldest first. */
async function told(h: ProvisionHarness, person: keyof ProvisionHarness['o']['people']) {
  const rows = await h.services.database.db
    .selectFrom('notifications')
    .select(['data', 'id'])
    .where('person_id', '=', h.o.people[person])
    .where('kind', '=', 'compliance.new_gaps')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as { count: number; path: string });
}

describe.each(databases)('compliance: summary, trend and new gaps on %s (issue 10)', (kind) => {
  it('tells each responsible person once per new gap, and marks a fixed gap resolved', async () => {
    const h = await provisionHarness(kind);
    await runJob(h, 'compliance.summary');
    // 東京's three empty seats (a 保護担当者 of 教務係, 図書係's 保護管理者 and 保護担当者): nobody
    // holds them, so the unit's 総括保護管理者 is told, once, of three.
    expect(await told(h, 'tokyoPrincipal')).toEqual([{ count: 3, path: '/compliance' }]);
    expect(await told(h, 'tokyoKyomuHead')).toEqual([]);

    // A contract lacking a clause (A19-1): its section's 保護管理者 is told of one new gap.
    const contract = await h.contract();
    await h.clauses(contract.id, ['incidents']);
    await runJob(h, 'compliance.summary');
    expect(await told(h, 'tokyoKyomuHead')).toEqual([{ count: 1, path: '/compliance' }]);
    expect(await told(h, 'tokyoPrincipal')).toHaveLength(1);

    // Run again: nothing new, nobody told again.
    await runJob(h, 'compliance.summary');
    expect(await told(h, 'tokyoKyomuHead')).toHaveLength(1);
    expect(await told(h, 'tokyoPrincipal')).toHaveLength(1);

    // The page of new gaps shows it; fixed, it is resolved (and not told).
    const key = (v: NewGapsView) => v.gaps.find((g) => g.kind === 'contract_clauses_missing');
    const before = bodyOf<NewGapsView>(await h.c.chiefManager.get('/api/compliance/new-gaps'));
    expect(key(before)).toMatchObject({
      path: `/provision/contracts/${contract.id}`,
      severity: 'red',
      resolvedAt: null,
    });
    expect(key(before)!.notifiedAt).not.toBeNull();
    await h.clauses(contract.id);
    await runJob(h, 'compliance.summary');
    const after = bodyOf<NewGapsView>(await h.c.chiefManager.get('/api/compliance/new-gaps'));
    expect(key(after)!.resolvedAt).not.toBeNull();
    expect(await told(h, 'tokyoKyomuHead')).toHaveLength(1);

    // A 総括保護管理者 sees only its unit's new gaps; staff are refused.
    const mine = bodyOf<NewGapsView>(await h.c.chief.get('/api/compliance/new-gaps?since=2026-11-01'));
    expect(mine.gaps.length).toBeGreaterThan(0);
    expect(mine.gaps.every((g) => g.unitId === h.o.units.tokyo)).toBe(true);
    expectProblem(await h.c.staff.get('/api/compliance/new-gaps'), 403, 'auth.forbidden');
  });

  it('records a day’s snapshot for the trend, replaced on re-run; on demand by the 総括管理者 only', async () => {
    const clock = new MutableClock();
    const h = await provisionHarness(kind, { clock });
    const overview = bodyOf<OverviewView>(await h.c.chiefManager.get('/api/compliance/overview'));
    const empty = bodyOf<TrendView>(await h.c.chiefManager.get('/api/compliance/trend?days=90'));
    expect(empty).toMatchObject({ from: '2026-09-02', to: '2026-11-30', days: [] });

    await runJob(h, 'compliance.snapshot');
    await runJob(h, 'compliance.snapshot');
    const one = bodyOf<TrendView>(await h.c.chiefManager.get('/api/compliance/trend?days=90'));
    expect(one.days.map((d) => d.date)).toEqual(['2026-11-30']);
    expect(one.days[0]).toMatchObject(overview.totals);
    expect(one.days[0]!.gaps).toBeGreaterThan(0);

    // A contract lacks a clause; the next day the 総括管理者 takes a snapshot on demand.
    const contract = await h.contract();
    await h.clauses(contract.id, ['copying']);
    clock.advanceMinutes(24 * 60);
    const chiefManager = await h.as('director1');
    const taken = bodyOf<{ date: string; cells: number }>(
      await chiefManager.post('/api/compliance/snapshot'),
      201,
    );
    expect(taken).toMatchObject({
      date: '2026-12-01',
      cells: overview.rows.length * overview.families.length,
    });
    expectProblem(
      await (await h.as('tokyoPrincipal')).post('/api/compliance/snapshot'),
      403,
      'auth.forbidden',
    );
    const two = bodyOf<TrendView>(await chiefManager.get('/api/compliance/trend?days=90'));
    expect(two.days.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01']);
    expect(two.days[1]!.red).toBe(two.days[0]!.red + 1);

    // 東京 alone, and as its 総括保護管理者 (only its row counts).
    const tokyo = bodyOf<TrendView>(
      await chiefManager.get(`/api/compliance/trend?days=7&unitId=${h.o.units.tokyo}`),
    );
    const chiefView = bodyOf<TrendView>(
      await (await h.as('tokyoPrincipal')).get('/api/compliance/trend?days=7'),
    );
    expect(chiefView.days).toEqual(tokyo.days);
    const cellsPerRow = overview.families.length;
    expect(tokyo.days.every((d) => d.red + d.amber + d.green === cellsPerRow)).toBe(true);
    expect((await h.audit('compliance.snapshot')).length).toBe(3);
  });
});
