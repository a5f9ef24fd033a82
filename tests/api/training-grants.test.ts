/**
 * Training as a precondition and a lapse as a suspension (issue 10, "Tests that must exist": a lapsed
 * training suspends a grant; A10 with A11-1 and A7の2). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Services } from '../../server/app.ts';
import { toTokyoDate, type Clock } from '../../server/platform/clock.ts';
import { isAppError } from '../../server/platform/errors.ts';
import { databases } from '../support/databases.ts';
import { TEST_NOW, testServices } from '../support/test-services.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';

/** A clock the test moves forward (Tokyo days). */
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

const notices = async (services: Services, kind: string) =>
  (
    await services.database.db
      .selectFrom('notifications')
      .select(['person_id'])
      .where('kind', '=', kind)
      .execute()
  )
    .map((r) => r.person_id)
    .sort();

describe.each(databases)('training and vault grants on %s', (kind) => {
  it('a lapsed training suspends a grant, with notice, until the course is completed again', async () => {
    const time = movableClock(TEST_NOW);
    const services = await testServices(kind, { clock: time.clock });
    const v = await buildVaultOrg(services);
    await v.appoint('president', 'chief_manager', 'director1');
    const keeper = await v.as('director1');
    const t = services.training;

    // A10-1: a yearly course for all staff, required for vault grants.
    const course = await t.courses.create(keeper, {
      kind: 'general',
      title: '個人情報保護研修',
      audience: { all: true },
      recurrenceMonths: 12,
      dueDays: 30,
      requiredFor: ['vault_grant'],
    });
    expect(course).toMatchObject({ article: 'A10-1', requiredFor: ['vault_grant'], canEdit: true });
    const last = await t.sessions.create(keeper, course.id, {
      mode: 'in_person',
      heldOn: '2025-12-10',
      place: '本部 大会議室',
      capacity: 50,
    });
    await t.sessions.record(keeper, last.id, { personIds: [v.people.tokyoKyomuStaff1] });

    // The precondition: 鈴木 never completed it, so no grant; 清水 did (valid until 2026-12-10).
    await refused('training.required', () => v.grant(v.tokyoFile, 'tokyoKyomuStaff2'));
    const grant = await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    await v.student(v.tokyoFile, students('S')[0]!);
    const shimizu = await v.as('tokyoKyomuStaff1');
    const read = () => services.vault.records.list(shimizu, v.tokyoFile, { purpose: 'enrolment' });
    expect((await read()).records).toHaveLength(1);

    // 14 days before it lapses, a reminder (once).
    expect((await t.status.me(shimizu)).requirements[0]).toMatchObject({
      status: 'due_soon',
      dueOn: '2026-12-10',
    });
    await t.daily.run();
    await t.daily.run();
    expect(await notices(services, 'training.reminder')).toContain(v.people.tokyoKyomuStaff1);
    expect(
      (await notices(services, 'training.reminder')).filter((p) => p === v.people.tokyoKyomuStaff1),
    ).toHaveLength(1);
    expect((await read()).records).toHaveLength(1);

    // Time passes: the completion lapses; the job suspends the grant and tells 清水 and the 保護管理者.
    time.to('2026-12-11');
    expect((await t.daily.run()).suspended).toBe(1);
    await refused('vault.grant_suspended', read);
    await refused('vault.grant_suspended', () => services.vault.files.detail(shimizu, v.tokyoFile));
    const [suspended] = (await services.vault.grants.list(v.sys, v.tokyoFile)).grants.filter(
      (g) => g.id === grant.id,
    );
    expect(suspended).toMatchObject({ state: 'suspended', suspendedReason: '個人情報保護研修' });
    expect(suspended!.suspendedAt).not.toBeNull();
    expect(await notices(services, 'training.grant_suspended')).toEqual(
      [v.people.tokyoKyomuStaff1, v.people.tokyoKyomuHead].sort(),
    );
    expect(await notices(services, 'training.overdue')).toContain(v.people.tokyoKyomuStaff1);
    const audits = await services.ledger.list(services.database.db, { type: 'vault.grant_suspended' });
    expect(audits.map((a) => a.subjectId)).toEqual([grant.id]);
    // Run again: nothing more is suspended or told.
    expect(await t.daily.run()).toMatchObject({ suspended: 0, resumed: 0, reminders: 0 });
    expect(await notices(services, 'training.grant_suspended')).toHaveLength(2);

    // Completed again: the grant works at once (not the next morning).
    const again = await t.sessions.create(keeper, course.id, {
      mode: 'online',
      heldOn: '2026-12-01',
      closesOn: '2027-01-31',
    });
    const done = await t.sessions.completeSelf(shimizu, again.id);
    expect(done.myCompletedOn).toBe('2026-12-11');
    expect((await read()).records).toHaveLength(1);
    const [resumed] = (await services.vault.grants.list(v.sys, v.tokyoFile)).grants.filter(
      (g) => g.id === grant.id,
    );
    expect(resumed).toMatchObject({ state: 'in_force', suspendedAt: null });
    expect(await notices(services, 'training.grant_resumed')).toContain(v.people.tokyoKyomuStaff1);
    expect(await services.ledger.count(services.database.db, { type: 'vault.grant_resumed' })).toBe(1);
    expect((await t.status.me(shimizu)).requirements[0]).toMatchObject({
      status: 'completed',
      validUntil: '2027-12-11',
    });
  });

  it('a course no longer required for grants lets the daily job resume suspended grants', async () => {
    const time = movableClock(TEST_NOW);
    const services = await testServices(kind, { clock: time.clock });
    const v = await buildVaultOrg(services);
    await v.appoint('president', 'chief_manager', 'director1');
    const keeper = await v.as('director1');
    const t = services.training;
    const grant = await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
    // Made required after the grant: the holder has not completed it, so the job suspends.
    const course = await t.courses.create(keeper, {
      kind: 'general',
      title: '情報セキュリティ研修',
      audience: { all: true },
      requiredFor: ['vault_grant'],
    });
    expect((await t.daily.run()).suspended).toBe(1);
    const state = async () =>
      (await services.vault.grants.list(v.sys, v.tokyoFile)).grants.find((g) => g.id === grant.id)?.state;
    expect(await state()).toBe('suspended');
    // The keeper drops the precondition (configurable per course): the next run resumes the grant.
    await t.courses.update(keeper, course.id, { requiredFor: [] });
    expect((await t.daily.run()).resumed).toBe(1);
    expect(await state()).toBe('in_force');
  });

  it('refuses a My Number handler appointment without the required course, and allows it after', async () => {
    const services = await testServices(kind);
    const v = await buildVaultOrg(services);
    await v.appoint('president', 'chief_manager', 'director1');
    await v.appoint('secretaryGeneral', 'protection_manager', 'kyuyoHead', { sectionId: v.sections.kyuyo });
    const keeper = await v.as('director1');
    const t = services.training;
    const course = await t.courses.create(keeper, {
      kind: 'managers',
      title: '特定個人情報の取扱い研修',
      audience: { all: false, sectionIds: [v.sections.kyuyo] },
      recurrenceMonths: null,
      requiredFor: ['mynumber_handler'],
    });
    const appoint = () =>
      v.appoint('kyuyoHead', 'mynumber_handler', 'kyuyoStaff', {
        sectionId: v.sections.kyuyo,
        duties: '源泉徴収事務',
        handlingRange: '職員の個人番号',
      });
    await refused('training.required', appoint);
    // Other roles are not gated.
    await v.appoint('kyuyoHead', 'protection_officer', 'kyuyoStaff', { sectionId: v.sections.kyuyo });
    const s = await t.sessions.create(keeper, course.id, { mode: 'in_person', heldOn: '2026-11-30' });
    await t.sessions.record(keeper, s.id, { personIds: [v.people.kyuyoStaff] });
    expect((await appoint()).role).toBe('mynumber_handler');
    // A once-only course stays complete for ever.
    expect((await t.status.me(await v.as('kyuyoStaff'))).requirements[0]).toMatchObject({
      status: 'completed',
      dueOn: null,
      validUntil: null,
    });
  });
});
