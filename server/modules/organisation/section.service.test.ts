import { beforeEach, describe, expect, it } from 'vitest';
import { databases } from '../../../tests/support/databases.ts';
import { buildOrg, expectAudited, expectRefused, type Org } from '../../../tests/support/org-fixture.ts';
import { testServices } from '../../../tests/support/test-services.ts';

// The test clock stands at 2026-11-30 (Tokyo).

describe.each(databases)('sections (課等) on %s', (kind) => {
  let org: Org;
  beforeEach(async () => {
    org = await buildOrg(await testServices(kind));
  });
  const sections = () => org.services.organisation.sections;
  const appointToshoManager = (term: { startsOn?: string; endsOn?: string } = {}) =>
    org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
      sectionId: org.sections.tokyoTosho,
      ...term,
    });

  it('the システム管理者 creates a section, audited with what was created', async () => {
    const { result, event } = await expectAudited(org.services, 'organisation.section.created', async () =>
      sections().create(await org.as('sysadmin'), {
        unitId: org.units.tokyo,
        name: '会計課',
        handlesPersonalInfo: true,
        handlesMyNumber: true,
      }),
    );
    expect(result).toMatchObject({
      unitId: org.units.tokyo,
      name: '会計課',
      handlesPersonalInfo: true,
      handlesMyNumber: true,
      staffCount: 0,
    });
    expect(event).toMatchObject({ actorId: org.people.sysadmin, subjectId: result.id });
    expect(event.payload).toMatchObject({
      before: null,
      after: { id: result.id, name: '会計課', handles_personal_info: 1 },
    });
  });

  it('a section handling My Numbers handles held personal information too (A7の2)', async () => {
    const admin = await org.as('sysadmin');
    await expectRefused(org.services, 'organisation.my_number_without_personal_info', () =>
      sections().create(admin, {
        unitId: org.units.tokyo,
        name: '経理係',
        handlesPersonalInfo: false,
        handlesMyNumber: true,
      }),
    );
    await expectRefused(org.services, 'organisation.my_number_without_personal_info', () =>
      sections().update(admin, org.sections.tokyoTosho, {
        handlesMyNumber: true,
        handlesPersonalInfo: false,
      }),
    );
  });

  it('an update is audited with the section before and after', async () => {
    const { result, event } = await expectAudited(org.services, 'organisation.section.updated', async () =>
      sections().update(await org.as('sysadmin'), org.sections.tokyoTosho, { name: '図書館係' }),
    );
    expect(result).toMatchObject({ id: org.sections.tokyoTosho, name: '図書館係', staffCount: 1 }); // the inactive person is not counted
    expect(event.payload).toMatchObject({ before: { name: '図書係' }, after: { name: '図書館係' } });
  });

  it('two sections of one unit cannot share a name (409); another unit may use it', async () => {
    const admin = await org.as('sysadmin');
    const error = await expectRefused(org.services, 'organisation.section_name_taken', () =>
      sections().create(admin, { unitId: org.units.tokyo, name: '図書係', handlesPersonalInfo: true }),
    );
    expect(error.status).toBe(409);
    await expectRefused(org.services, 'organisation.section_name_taken', () =>
      sections().update(admin, org.sections.tokyoTosho, { name: '教務係' }),
    );
    expect(org.sections.nagaokaTosho).not.toBe(org.sections.tokyoTosho); // the fixture made 図書係 in both colleges
  });

  it('a parent section must belong to the same unit', async () => {
    await expectRefused(org.services, 'organisation.section_parent_invalid', async () =>
      sections().create(await org.as('sysadmin'), {
        unitId: org.units.tokyo,
        parentId: org.sections.nagaokaGakusei,
        name: '学生支援係',
        handlesPersonalInfo: true,
      }),
    );
  });

  it('a 総括保護管理者 keeps the sections of their own unit only (A5)', async () => {
    const principal = await org.as('tokyoPrincipal');
    await expectAudited(org.services, 'organisation.section.created', () =>
      sections().create(principal, {
        unitId: org.units.tokyo,
        parentId: org.sections.tokyoGakusei,
        name: '学生支援係',
        handlesPersonalInfo: true,
      }),
    );
    await expectRefused(org.services, 'auth.forbidden', () =>
      sections().create(principal, {
        unitId: org.units.nagaoka,
        name: '学生支援係',
        handlesPersonalInfo: true,
      }),
    );
    await expectRefused(org.services, 'auth.forbidden', () =>
      sections().update(principal, org.sections.nagaokaTosho, { name: '図書館係' }),
    );
  });

  it('an ordinary staff member may not create sections', async () => {
    await expectRefused(org.services, 'auth.forbidden', async () =>
      sections().create(await org.as('tokyoKyomuStaff1'), {
        unitId: org.units.tokyo,
        name: '会計課',
        handlesPersonalInfo: true,
      }),
    );
  });

  describe('stopping the handling of held personal information (A6, A7)', () => {
    it('is refused while the section has its 保護管理者, and allowed once the appointment has ended', async () => {
      const admin = await org.as('sysadmin');
      await expectRefused(org.services, 'organisation.section_has_managers', () =>
        sections().update(admin, org.sections.tokyoKyomu, { handlesPersonalInfo: false }),
      );
      await org.services.organisation.appointments.end(
        await org.as('tokyoPrincipal'),
        org.appointed.tokyoKyomuManager,
        { reason: '課の業務変更' },
      );
      const { result } = await expectAudited(org.services, 'organisation.section.updated', () =>
        sections().update(admin, org.sections.tokyoKyomu, { handlesPersonalInfo: false }),
      );
      expect(result.handlesPersonalInfo).toBe(false);
    });

    it('is refused while a 保護管理者 is appointed from a later day', async () => {
      await appointToshoManager({ startsOn: '2027-04-01' });
      await expectRefused(org.services, 'organisation.section_has_managers', async () =>
        sections().update(await org.as('sysadmin'), org.sections.tokyoTosho, { handlesPersonalInfo: false }),
      );
    });

    it('is not blocked by an appointment whose term is over', async () => {
      await appointToshoManager({ startsOn: '2026-04-01', endsOn: '2026-11-29' });
      const updated = await sections().update(await org.as('sysadmin'), org.sections.tokyoTosho, {
        handlesPersonalInfo: false,
      });
      expect(updated.handlesPersonalInfo).toBe(false);
    });

    it('is refused for My Numbers while a 特定個人情報取扱担当者 is designated (A7の2)', async () => {
      await org.appoint('secretaryGeneral', 'protection_manager', 'kyuyoHead', {
        sectionId: org.sections.kyuyo,
      });
      await org.appoint('kyuyoHead', 'mynumber_handler', 'kyuyoStaff', {
        sectionId: org.sections.kyuyo,
        duties: '源泉徴収事務',
        handlingRange: '職員の個人番号',
      });
      await expectRefused(org.services, 'organisation.section_has_managers', async () =>
        sections().update(await org.as('sysadmin'), org.sections.kyuyo, { handlesMyNumber: false }),
      );
    });
  });

  it('the detail shows the section’s staff and every appointment over it, history included', async () => {
    await org.services.organisation.appointments.end(
      await org.as('tokyoPrincipal'),
      org.appointed.tokyoKyomuManager,
      { reason: '人事異動' },
    );
    const detail = await sections().detail(await org.as('tokyoKyomuStaff1'), org.sections.tokyoKyomu);
    expect(detail.unit.code).toBe('tokyo');
    expect(detail.staff.map((p) => p.familyNameKana)).toEqual(['サトウ', 'シミズ', 'スズキ']);
    expect(detail.appointments).toMatchObject([
      { id: org.appointed.tokyoKyomuManager, status: 'terminated', terminationReason: '人事異動' },
    ]);
  });
});
