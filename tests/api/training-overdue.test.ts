/**
 * Overdue lists, sections' participation and the gap of training (issue 10; A10, A10-4): who sees
 * which overdue people, how a 保護管理者 enrols and records its section, reminders and the gaps.
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors.ts';
import { toTokyoDate, type Clock } from '../../server/platform/clock.ts';
import { isAppError } from '../../server/platform/errors.ts';
import { buildOrg } from '../support/org-fixture.ts';
import { databases } from '../support/databases.ts';
import { TEST_NOW, testServices } from '../support/test-services.ts';

function movableClock(iso: string) {
  let at = new Date(iso);
  const clock: Clock = { now: () => new Date(at), today: () => toTokyoDate(at) };
  return { clock, to: (day: string) => void (at = new Date(`${day}T00:30:00.000Z`)) };
}

async function refused(code: ErrorCode, call: () => Promise<unknown>) {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

async function scene(kind: (typeof databases)[number]) {
  const time = movableClock(TEST_NOW);
  const services = await testServices(kind, { clock: time.clock });
  const org = await buildOrg(services);
  await org.appoint('president', 'chief_manager', 'director1');
  await org.appoint('president', 'audit_officer', 'auditor');
  const t = services.training;
  const chiefManager = await org.as('director1');
  // A10-1: all staff, due 10 days after the course starts.
  const general = await t.courses.create(chiefManager, {
    kind: 'general',
    title: '個人情報保護研修',
    audience: { all: true },
    dueDays: 10,
  });
  // A10-3: 東京's course for its 保護管理者 and 保護担当者, kept by 東京's 総括保護管理者.
  const tokyoChief = await org.as('tokyoPrincipal');
  const managers = await t.courses.create(tokyoChief, {
    kind: 'managers',
    title: '保護管理者・保護担当者研修',
    ownerUnitId: org.units.tokyo,
    audience: { roles: ['protection_manager', 'protection_officer'] },
    dueDays: 10,
  });
  return { time, services, org, t, chiefManager, tokyoChief, general, managers };
}

describe.each(databases)('training overdue lists on %s', (kind) => {
  it('lists the overdue per unit and section to those who answer for them, and nobody else', async () => {
    const s = await scene(kind);
    const { org, t } = s;
    const session = await t.sessions.create(s.chiefManager, s.general.id, {
      mode: 'in_person',
      heldOn: '2026-12-03',
      place: '東京 視聴覚室',
      capacity: 3,
    });
    // A10-4: 東京 教務係's 保護管理者 enrols and records its section's staff, and only them.
    const kyomu = await org.as('tokyoKyomuHead');
    const view = await t.sessions.get(kyomu, session.id);
    expect(view.canEnrol).toBe(true);
    expect(view.participants.map((p) => p.personId).sort()).toEqual(
      [org.people.tokyoKyomuHead, org.people.tokyoKyomuStaff1, org.people.tokyoKyomuStaff2].sort(),
    );
    await t.sessions.enrol(kyomu, session.id, {
      personIds: [org.people.tokyoKyomuStaff1, org.people.tokyoKyomuStaff2],
    });
    await refused('training.not_in_audience', () =>
      t.sessions.enrol(kyomu, session.id, { personIds: [org.people.tokyoToshoHead] }),
    );
    await refused('training.capacity_full', () =>
      t.sessions.enrol(s.chiefManager, session.id, {
        personIds: [org.people.nagaokaStaff, org.people.kyuyoStaff],
      }),
    );
    // Staff without a role neither enrol nor record (403, audited).
    const staff = await org.as('tokyoKyomuStaff1');
    await refused('auth.forbidden', () =>
      t.sessions.record(staff, session.id, { personIds: [org.people.tokyoKyomuStaff1] }),
    );
    // Not before the session is held.
    await refused('training.completion_date', () =>
      t.sessions.record(kyomu, session.id, { personIds: [org.people.tokyoKyomuStaff1] }),
    );

    s.time.to('2026-12-20');
    await t.sessions.record(kyomu, session.id, { personIds: [org.people.tokyoKyomuStaff1] });
    expect((await t.status.me(staff)).requirements).toEqual([
      expect.objectContaining({ courseId: s.general.id, status: 'completed', lastCompletedOn: '2026-12-03' }),
    ]);

    // The 監査責任者 sees every overdue person; 東京's 総括保護管理者 its unit; the 保護管理者 its section.
    const all = await t.status.overdue(await org.as('auditor'), {});
    const active = (await s.services.organisation.roster()).length; // the retired one is not asked
    expect(all.people.filter((l) => l.courseId === s.general.id)).toHaveLength(active - 1);
    expect(
      all.people
        .filter((l) => l.courseId === s.managers.id)
        .map((l) => l.personId)
        .sort(),
    ).toEqual([org.people.tokyoKyomuHead].sort());
    const tokyo = await t.status.overdue(s.tokyoChief, {});
    expect(new Set(tokyo.people.map((l) => l.unitId))).toEqual(new Set([org.units.tokyo]));
    expect(tokyo.byUnit).toEqual([expect.objectContaining({ unitId: org.units.tokyo, count: 4 })]);
    const section = await t.status.overdue(kyomu, {});
    expect(new Set(section.people.map((l) => l.personId))).toEqual(
      new Set([org.people.tokyoKyomuHead, org.people.tokyoKyomuStaff2]),
    );
    expect(section.bySection).toEqual([
      expect.objectContaining({ sectionId: org.sections.tokyoKyomu, count: 2 }),
    ]);
    // Filters stay within the caller's reach.
    expect((await t.status.overdue(s.tokyoChief, { unitId: org.units.nagaoka })).people).toEqual([]);
    await refused('auth.forbidden', () => t.status.overdue(staff, {}));
  });

  it('reminds once before and once after the due day, and reports the gap with its list', async () => {
    const s = await scene(kind);
    const { org, t, services } = s;
    const kinds = async (personId: string) =>
      (
        await services.database.db
          .selectFrom('notifications')
          .select('kind')
          .where('person_id', '=', personId)
          .where('kind', 'like', 'training.%')
          .execute()
      )
        .map((r) => r.kind)
        .sort();
    await t.daily.run();
    await t.daily.run();
    expect(await kinds(org.people.nagaokaStaff)).toEqual(['training.reminder']);
    expect(await services.training.gaps()).toEqual([]);

    s.time.to('2026-12-11');
    await t.daily.run();
    await t.daily.run();
    expect(await kinds(org.people.nagaokaStaff)).toEqual(['training.overdue', 'training.reminder']);
    // 長岡 図書係's staff are overdue: a gap of its 保護管理者 (A10-4), with the list behind it.
    const gaps = await services.training.gaps();
    expect(gaps).toContainEqual(
      expect.objectContaining({
        kind: 'training_overdue',
        role: 'protection_manager',
        scopeKind: 'section',
        sectionId: org.sections.nagaokaTosho,
        article: 'A10-4',
        path: `/training/overdue?sectionId=${org.sections.nagaokaTosho}`,
      }),
    );
    // 長岡's principal has no section: a gap of the unit's 総括保護管理者 (A10).
    expect(gaps).toContainEqual(
      expect.objectContaining({
        scopeKind: 'unit',
        unitId: org.units.nagaoka,
        article: 'A10',
        sectionId: null,
      }),
    );
    // Online material completed by the person: the section's gap goes.
    const online = await t.sessions.create(s.chiefManager, s.general.id, {
      mode: 'online',
      heldOn: '2026-12-01',
      closesOn: '2027-03-31',
    });
    await t.sessions.completeSelf(await org.as('nagaokaStaff'), online.id);
    expect((await services.training.gaps()).some((g) => g.sectionId === org.sections.nagaokaTosho)).toBe(
      false,
    );

    // Evidence for an audit: the session with its count, never a name.
    const items = await t.evidence({ unitIds: [org.units.nagaoka], from: '2026-04-01', to: '2027-03-31' });
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'training',
        ref: online.id,
        label: '個人情報保護研修（2026年度） 2026-12-01 修了 1名',
      }),
    ]);
  });

  it('keeps courses to their keepers: the 総括管理者 the organisation’s, a 総括保護管理者 its unit’s', async () => {
    const s = await scene(kind);
    const { org, t } = s;
    const base = { kind: 'general', title: '研修', audience: { all: true } };
    await refused('auth.forbidden', () => t.courses.create(s.tokyoChief, base));
    await refused('auth.forbidden', () =>
      t.courses.create(s.chiefManager, { ...base, ownerUnitId: org.units.tokyo }),
    );
    await refused('training.audience_invalid', () =>
      t.courses.create(s.tokyoChief, {
        ...base,
        ownerUnitId: org.units.tokyo,
        audience: { sectionIds: [org.sections.nagaokaKyomu] },
      }),
    );
    await refused('training.audience_empty', () =>
      t.courses.create(s.chiefManager, { ...base, audience: {} }),
    );
    await refused('auth.forbidden', () => t.courses.update(s.tokyoChief, s.general.id, { title: '変更' }));
    // 長岡 staff do not see 東京's course (404), 東京 staff do.
    const nagaoka = await org.as('nagaokaStaff');
    await refused('training.not_found', () => t.courses.get(nagaoka, s.managers.id));
    expect((await t.courses.get(await org.as('tokyoKyomuStaff1'), s.managers.id)).canEdit).toBe(false);
    const listed = await t.courses.list(await org.as('nagaokaStaff'));
    expect(listed.courses.map((c) => c.id)).toEqual([s.general.id]);
    expect(listed.canCreate).toEqual({ organisation: false, unitIds: [] });
    // An inactive course requires nothing.
    await t.courses.update(s.chiefManager, s.general.id, { active: false });
    await t.courses.update(s.tokyoChief, s.managers.id, { active: false });
    s.time.to('2027-01-31');
    expect((await t.status.overdue(await org.as('auditor'), {})).people).toEqual([]);
  });
});
