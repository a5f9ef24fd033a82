/**
 * The demo's training (issue 10; demo-data.md "overdue training"): loaded after the rest of the demo,
 * it shows overdue people (the staff sign-in among them) while the demo's grant holders keep their
 * grants when the daily job runs. SQLite only: the demo organisation is large.
 */
import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../server/platform/context.ts';
import { loadDemo } from '../../server/modules/organisation/demo/load-demo.ts';
import { testServices } from '../support/test-services.ts';

describe('the demo’s training on sqlite', () => {
  it('has overdue people, a completed session, and suspends no demo grant', async () => {
    const services = await testServices('sqlite');
    await loadDemo(services);
    const db = services.database.db;
    const people = new Map(
      (await db.selectFrom('people').select(['id', 'employee_number']).execute()).map((p) => [
        p.employee_number,
        p.id,
      ]),
    );
    const ctxOf = async (n: string) =>
      (await services.identity.ctxFor(people.get(n)!, { ip: null, userAgent: null, requestId: null }, null))!;
    // loadDemo loads the training demo after the vault's (server/modules/organisation/demo/load-demo.ts).
    const holdersBefore = await services.vault.grants.holders();
    expect(holdersBefore.length).toBeGreaterThan(0);
    expect(await services.training.daily.run()).toMatchObject({ suspended: 0 });
    for (const id of holdersBefore) expect(await services.training.hold(id, 'vault_grant')).toBeNull();

    const staff = await services.training.status.me(await ctxOf('E150020'));
    expect(staff.requirements[0]).toMatchObject({ status: 'overdue' });
    expect(staff.requirements[0]!.openSessions).toHaveLength(1);
    const overdue = await services.training.status.overdue(await ctxOf('E150001'), {});
    expect(overdue.people.map((l) => l.personId)).toContain(people.get('E150020'));
    expect((await services.training.gaps()).some((g) => g.kind === 'training_overdue')).toBe(true);
    const items = await services.training.evidence({ unitIds: null, from: '2000-01-01', to: '2100-12-31' });
    expect(items.some((i) => /修了 6名$/.test(i.label))).toBe(true);
    const listed = await services.training.courses.list(systemCtx('test'));
    expect(listed.courses.map((c) => c.article).sort()).toEqual(['A10-1', 'A10-3']);
  }, 240_000);
});
