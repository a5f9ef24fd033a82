import { beforeEach, describe, expect, it } from 'vitest';
import type { GapReportView } from '../../../shared/api/organisation.ts';
import { databases } from '../../../tests/support/databases.ts';
import {
  auditCount,
  buildOrg,
  expectRefused,
  type Org,
  type PersonKey,
} from '../../../tests/support/org-fixture.ts';
import { testServices } from '../../../tests/support/test-services.ts';
import { newId } from '../../platform/ids.ts';
import { appointmentRepo, type AppointmentRow } from './appointment.repo.ts';

// The test clock stands at 2026-11-30 (Tokyo). In the fixture tokyo's 教務係 has its 保護管理者 and
// nothing else below the 総括保護管理者 is filled.

describe.each(databases)('the compliance-gap view on %s', (kind) => {
  let org: Org;
  beforeEach(async () => {
    org = await buildOrg(await testServices(kind));
  });

  const report = async (key: PersonKey, filter: { unitId?: string } = {}) =>
    org.services.organisation.gaps.report(await org.as(key), filter);
  /** The gaps over one section, as [role, kind] pairs. */
  const gapsIn = (r: GapReportView, sectionId: string) =>
    r.gaps.filter((g) => g.sectionId === sectionId).map((g) => [g.role, g.kind]);
  const appointToshoManager = (term: { startsOn?: string; endsOn?: string } = {}) =>
    org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
      sectionId: org.sections.tokyoTosho,
      ...term,
    });

  it('a section handling personal information without a 保護管理者 shows as a vacancy (A6)', async () => {
    const r = await report('president');
    expect(r.asOf).toBe('2026-11-30');
    const vacancy = { kind: 'vacancy', role: 'protection_manager', article: 'A6', appointmentIds: [] };
    const where = {
      unitName: '東京工業高等専門学校',
      sectionId: org.sections.tokyoTosho,
      sectionName: '図書係',
    };
    expect(r.gaps).toContainEqual(expect.objectContaining({ ...vacancy, ...where }));
    expect(gapsIn(r, org.sections.tokyoGakusei)).toEqual([]); // 学生課 does not handle held personal information
  });

  it('a section with its 保護管理者 but no 保護担当者 shows as a vacancy (A7)', async () => {
    expect(gapsIn(await report('president'), org.sections.tokyoKyomu)).toEqual([
      ['protection_officer', 'vacancy'],
    ]);
  });

  it('a section handling My Numbers without a 特定個人情報取扱担当者 shows as a vacancy (A7の2)', async () => {
    expect(gapsIn(await report('president'), org.sections.kyuyo)).toContainEqual([
      'mynumber_handler',
      'vacancy',
    ]);
  });

  it('the organisation-wide seats and each unit’s 総括保護管理者 are part of the view (A4, A5, A8)', async () => {
    const r = await report('president');
    // Vacancies only: the tests configure no backup place, so 機構全体 also has backup_overdue (A27).
    const orgWide = r.gaps
      .filter((g) => g.unitId === null && g.kind === 'vacancy')
      .map((g) => [g.role, g.article]);
    expect(orgWide).toEqual([
      ['chief_manager', 'A4'],
      ['audit_officer', 'A8'],
    ]);
    expect(r.gaps).toContainEqual(
      expect.objectContaining({
        role: 'chief_protection_manager',
        unitId: org.units.nagaoka,
        kind: 'vacancy',
      }),
    );
    expect(r.gaps.some((g) => g.role === 'chief_protection_manager' && g.unitId === org.units.tokyo)).toBe(
      false,
    );
    expect(r.byUnit.reduce((n, u) => n + u.count, 0)).toBe(r.gaps.length);
  });

  it('a 保護管理者 whose term ended yesterday, with no successor, shows as expired (A6)', async () => {
    const expired = await appointToshoManager({ startsOn: '2026-04-01', endsOn: '2026-11-29' });
    const r = await report('president');
    expect(gapsIn(r, org.sections.tokyoTosho)).toContainEqual(['protection_manager', 'expired']);
    expect(r.gaps.find((g) => g.kind === 'expired')?.appointmentIds).toEqual([expired.id]);
  });

  it('a 保護管理者 who is no longer active shows as an inactive holder (A6)', async () => {
    await org.services.organisation.people.update(org.sys, org.people.tokyoKyomuHead, { active: false });
    const r = await report('president');
    expect(r.gaps).toContainEqual(
      expect.objectContaining({
        kind: 'inactive_holder',
        sectionId: org.sections.tokyoKyomu,
        appointmentIds: [org.appointed.tokyoKyomuManager],
      }),
    );
  });

  it('a seat held twice at once (legacy data) shows as a duplicate (A6: one 保護管理者)', async () => {
    const legacy = (personId: string): AppointmentRow => ({
      id: newId(),
      role: 'protection_manager',
      scope_kind: 'section',
      unit_id: org.units.tokyo,
      section_id: org.sections.tokyoTosho,
      person_id: personId,
      appointed_by: null,
      basis: '旧システムからの移行',
      duties: null,
      handling_range: null,
      starts_on: '2026-04-01',
      ends_on: null,
      terminated_on: null,
      terminated_by: null,
      termination_reason: null,
      created_at: '2026-04-01T00:00:00.000Z',
    });
    const rows = [legacy(org.people.tokyoToshoHead), legacy(org.people.tokyoKyomuStaff1)];
    for (const row of rows) await appointmentRepo.insert(org.services.database.db, row);

    const duplicate = (await report('president')).gaps.find((g) => g.kind === 'duplicate');
    expect(duplicate).toMatchObject({ role: 'protection_manager', sectionId: org.sections.tokyoTosho });
    expect(duplicate?.appointmentIds.toSorted()).toEqual(rows.map((r) => r.id).toSorted());
  });

  it('filling the seat clears the gap', async () => {
    expect(gapsIn(await report('president'), org.sections.tokyoTosho)).toContainEqual([
      'protection_manager',
      'vacancy',
    ]);
    await appointToshoManager();
    expect(gapsIn(await report('president'), org.sections.tokyoTosho)).toEqual([
      ['protection_officer', 'vacancy'],
    ]);
  });

  it('a 総括保護管理者 sees only the gaps of their own unit (A5)', async () => {
    const r = await report('tokyoPrincipal');
    expect(r.gaps.length).toBeGreaterThan(0);
    expect(new Set(r.gaps.map((g) => g.unitId))).toEqual(new Set([org.units.tokyo]));
    expect(r.byUnit).toEqual([
      { unitId: org.units.tokyo, unitName: '東京工業高等専門学校', count: r.gaps.length },
    ]);

    const denials = await auditCount(org.services, 'authz.denied');
    await expectRefused(org.services, 'auth.forbidden', () =>
      report('tokyoPrincipal', { unitId: org.units.nagaoka }),
    );
    expect(await auditCount(org.services, 'authz.denied')).toBe(denials + 1);
  });

  it('an ordinary staff member may not see the gap view', async () => {
    await expectRefused(org.services, 'auth.forbidden', () => report('tokyoKyomuStaff1'));
  });
});
