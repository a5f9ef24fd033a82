/**
 * The demo's oversight (issue 10) loads on the test organisation, with its people standing in for
 * the demo's sign-ins, and shows what it promises: a reported inspection, one due, a held meeting
 * with minutes, guidance, 東京's rule and a decided evaluation with one open action. SQLite only.
 */
import { describe, expect, it } from 'vitest';
import { loadDemoOversight } from '../../server/modules/oversight/demo-oversight.ts';
import type { PersonKey } from '../support/org-fixture.ts';
import { provisionHarness } from '../support/provision-fixture.ts';

const STAND_INS: Record<string, PersonKey> = {
  E150007: 'tokyoKyomuHead',
  E150001: 'tokyoPrincipal',
  E000002: 'director1',
};

describe('oversight: the demo', () => {
  it('loads a reported inspection, a due one, a meeting, guidance, a rule and a decided evaluation', async () => {
    const h = await provisionHarness('sqlite');
    const { o, services } = h;
    await loadDemoOversight(services.oversight, {
      ctxOf: (n) => Promise.resolve(o.as(STAND_INS[n]!)),
      personId: (n) => o.people[STAND_INS[n]!],
      unitId: () => o.units.tokyo,
      sectionId: (path) => (path === 'tokyo/図書係' ? o.sections.tokyoTosho : o.sections.tokyoKyomu),
      clock: services.clock,
    });
    const chief = await o.as('tokyoPrincipal');
    const m = services.oversight;
    const { inspections } = await m.inspections.list(chief, {});
    expect(inspections.map((i) => [i.status, i.hasIssues])).toEqual([['reported', true]]);
    const { schedules } = await m.inspections.schedules(chief);
    expect(schedules.find((s) => s.sectionId === o.sections.tokyoTosho)?.nextDue).toBe(
      services.clock.today(),
    );
    const boss = await o.as('director1');
    expect((await m.committee.overview(boss)).meetings.map((x) => x.status)).toEqual(['held']);
    expect((await m.guidance.list(boss)).guidance).toHaveLength(1);
    expect((await m.localRules.list(chief, {})).rules.map((r) => r.article)).toEqual(['A40-2']);
    const [evaluation] = (await m.evaluations.list(boss)).evaluations;
    expect(evaluation).toMatchObject({ fiscalYear: 2025, status: 'decided', openActions: 1 });
  });
});
