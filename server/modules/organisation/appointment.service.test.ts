import { beforeEach, describe, expect, it, vi } from 'vitest';
import { databases } from '../../../tests/support/databases.ts';
import {
  auditCount,
  buildOrg,
  expectAudited,
  expectRefused,
  type Org,
} from '../../../tests/support/org-fixture.ts';
import { testServices } from '../../../tests/support/test-services.ts';

// The test clock stands at 2026-11-30 (Tokyo). `org.appoint(by, role, person, details)` acts as `by`,
// so every appointment below goes through authorisation as the person the rule names.
const CREATED = 'organisation.appointment.created';
const ENDED = 'organisation.appointment.ended';

describe.each(databases)('appointments under rule 65 on %s', (kind) => {
  let org: Org;
  beforeEach(async () => {
    org = await buildOrg(await testServices(kind));
  });
  const refused = (code: Parameters<typeof expectRefused>[1], call: () => Promise<unknown>) =>
    expectRefused(org.services, code, call);
  const audited = <T>(call: () => Promise<T>) => expectAudited(org.services, CREATED, call);

  describe('総括管理者 and 監査責任者 (A4, A8)', () => {
    it('the 理事長 appoints one 総括管理者, recorded with the appointer and audited (A4)', async () => {
      const { result, event } = await audited(() => org.appoint('president', 'chief_manager', 'director1'));
      expect(result).toMatchObject({
        role: 'chief_manager',
        scopeKind: 'organisation',
        status: 'current',
        startsOn: '2026-11-30',
      });
      expect(result).toMatchObject({
        appointedBy: org.people.president,
        appointedByName: '森田 健一',
        personName: '青木 和夫',
      });
      expect(event).toMatchObject({
        actorId: org.people.president,
        subjectType: 'Appointment',
        subjectId: result.id,
      });
      expect(event.payload).toMatchObject({
        before: null,
        after: { id: result.id, role: 'chief_manager', appointed_by: org.people.president },
      });
    });

    it('refuses a second 総括管理者 with 409 (A4)', async () => {
      await org.appoint('president', 'chief_manager', 'director1');
      const error = await refused('appointment.role_already_filled', () =>
        org.appoint('president', 'chief_manager', 'director2'),
      );
      expect(error.status).toBe(409);
    });

    it('the 総括管理者 must be an officer (A4)', async () => {
      await refused('appointment.person_not_officer', () =>
        org.appoint('president', 'chief_manager', 'secretaryGeneral'),
      );
    });

    it('the 理事長 appoints the 監査責任者 from the officers (A8)', async () => {
      const { result } = await audited(() => org.appoint('president', 'audit_officer', 'auditor'));
      expect(result).toMatchObject({
        role: 'audit_officer',
        personId: org.people.auditor,
        appointedBy: org.people.president,
      });
    });

    it.each(['chief_manager', 'audit_officer'] as const)(
      'only the 理事長 appoints the %s: a 校長 is refused and the denial audited (A4, A8)',
      async (role) => {
        const denials = await auditCount(org.services, 'authz.denied');
        await refused('auth.forbidden', () => org.appoint('tokyoPrincipal', role, 'director1'));
        expect(await auditCount(org.services, 'authz.denied')).toBe(denials + 1);
      },
    );

    it('a role of the whole organisation is appointed over no unit (scope mismatch)', async () => {
      await refused('appointment.scope_mismatch', () =>
        org.appoint('president', 'chief_manager', 'director1', { unitId: org.units.hq }),
      );
    });
  });

  describe('総括保護管理者 (A5)', () => {
    it('refuses a second 総括保護管理者 for the same college, but another college is fine (A5)', async () => {
      await refused('appointment.role_already_filled', () =>
        org.appoint('president', 'chief_protection_manager', 'tokyoToshoHead', { unitId: org.units.tokyo }),
      );
      await audited(() =>
        org.appoint('president', 'chief_protection_manager', 'nagaokaPrincipal', {
          unitId: org.units.nagaoka,
        }),
      );
    });

    it('is a member of the unit (A5)', async () => {
      await refused('appointment.person_outside_scope', () =>
        org.appoint('president', 'chief_protection_manager', 'tokyoPrincipal', { unitId: org.units.nagaoka }),
      );
    });
  });

  describe('保護管理者 (A6)', () => {
    it('is appointed only in a section that handles held personal information (A6)', async () => {
      await refused('appointment.section_not_handling', () =>
        org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoKyomuStaff1', {
          sectionId: org.sections.tokyoGakusei,
        }),
      );
    });

    it('refuses a second 保護管理者 for the same section (A6)', async () => {
      await refused('appointment.role_already_filled', () =>
        org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoKyomuStaff1', {
          sectionId: org.sections.tokyoKyomu,
        }),
      );
    });

    it('a 校長 appoints 保護管理者 in their own college only (A5, A6)', async () => {
      await audited(() =>
        org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
          sectionId: org.sections.tokyoTosho,
        }),
      );
      await refused('auth.forbidden', () =>
        org.appoint('tokyoPrincipal', 'protection_manager', 'nagaokaKyomuHead', {
          sectionId: org.sections.nagaokaKyomu,
        }),
      );
    });

    it('is a member of the college (person outside the scope)', async () => {
      await refused('appointment.person_outside_scope', () =>
        org.appoint('tokyoPrincipal', 'protection_manager', 'nagaokaStaff', {
          sectionId: org.sections.tokyoTosho,
        }),
      );
    });

    it('is not a person who has left (inactive)', async () => {
      await refused('appointment.person_inactive', () =>
        org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoRetired', {
          sectionId: org.sections.tokyoTosho,
        }),
      );
    });
  });

  describe('保護担当者 (A7) and 特定個人情報取扱担当者 (A7の2)', () => {
    const kyomu = () => ({ sectionId: org.sections.tokyoKyomu });

    it('the section’s 保護管理者 designates several 保護担当者 (A7)', async () => {
      for (const person of ['tokyoKyomuStaff1', 'tokyoKyomuStaff2'] as const) {
        const { result } = await audited(() =>
          org.appoint('tokyoKyomuHead', 'protection_officer', person, kyomu()),
        );
        expect(result).toMatchObject({
          appointedBy: org.people.tokyoKyomuHead,
          unitId: org.units.tokyo,
          sectionId: org.sections.tokyoKyomu,
        });
      }
      const officers = await org.services.organisation.appointments.list(await org.as('tokyoKyomuHead'), {
        role: 'protection_officer',
        ...kyomu(),
      });
      expect(officers).toHaveLength(2);
    });

    it('the 保護管理者 of another section may not designate 保護担当者 here (A7)', async () => {
      await org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', {
        sectionId: org.sections.tokyoTosho,
      });
      await refused('auth.forbidden', () =>
        org.appoint('tokyoToshoHead', 'protection_officer', 'tokyoKyomuStaff1', kyomu()),
      );
    });

    it('the same person cannot hold the same role twice over overlapping terms', async () => {
      await org.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoKyomuStaff1', kyomu());
      await refused('appointment.duplicate', () =>
        org.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoKyomuStaff1', {
          ...kyomu(),
          startsOn: '2027-01-01',
        }),
      );
    });

    describe('in the 給与係, which handles My Numbers', () => {
      const kyuyo = () => ({
        sectionId: org.sections.kyuyo,
        duties: '源泉徴収事務',
        handlingRange: '職員の個人番号',
      });
      beforeEach(async () => {
        await org.appoint('secretaryGeneral', 'protection_manager', 'kyuyoHead', {
          sectionId: org.sections.kyuyo,
        });
      });

      it('a 特定個人情報取扱担当者 is designated with their duties and range of information (A7の2)', async () => {
        const { result, event } = await audited(() =>
          org.appoint('kyuyoHead', 'mynumber_handler', 'kyuyoStaff', kyuyo()),
        );
        expect(result).toMatchObject({
          duties: '源泉徴収事務',
          handlingRange: '職員の個人番号',
          appointedBy: org.people.kyuyoHead,
        });
        expect(event.payload).toMatchObject({
          after: { id: result.id, duties: '源泉徴収事務', handling_range: '職員の個人番号' },
        });
      });

      it.each([{ duties: null }, { handlingRange: null }])(
        'refuses a 特定個人情報取扱担当者 without duties or range (A7の2): %o',
        async (missing) => {
          await refused('appointment.handler_details_required', () =>
            org.appoint('kyuyoHead', 'mynumber_handler', 'kyuyoStaff', { ...kyuyo(), ...missing }),
          );
        },
      );

      it('refuses a 特定個人情報取扱担当者 in a section that does not handle My Numbers (A7の2)', async () => {
        await refused('appointment.section_not_handling', () =>
          org.appoint('tokyoKyomuHead', 'mynumber_handler', 'tokyoKyomuStaff1', { ...kyuyo(), ...kyomu() }),
        );
      });
    });
  });

  describe('terms, ending and history', () => {
    const tosho = (term: { startsOn?: string; endsOn?: string } = {}) => ({
      sectionId: org.sections.tokyoTosho,
      ...term,
    });

    it('a successor may start the day after the predecessor’s term ends, not during it (A6)', async () => {
      await org.appoint(
        'tokyoPrincipal',
        'protection_manager',
        'tokyoToshoHead',
        tosho({ startsOn: '2026-04-01', endsOn: '2027-03-31' }),
      );
      await refused('appointment.role_already_filled', () =>
        org.appoint(
          'tokyoPrincipal',
          'protection_manager',
          'tokyoKyomuStaff2',
          tosho({ startsOn: '2027-03-31' }),
        ),
      );
      const { result } = await audited(() =>
        org.appoint(
          'tokyoPrincipal',
          'protection_manager',
          'tokyoKyomuStaff2',
          tosho({ startsOn: '2027-04-01' }),
        ),
      );
      expect(result.status).toBe('future');
    });

    it('refuses a term that ends before it starts', async () => {
      await refused('appointment.invalid_period', () =>
        org.appoint(
          'tokyoPrincipal',
          'protection_manager',
          'tokyoToshoHead',
          tosho({ startsOn: '2027-04-01', endsOn: '2027-03-31' }),
        ),
      );
    });

    it('ending an appointment keeps it as history and frees the seat from that day', async () => {
      const principal = await org.as('tokyoPrincipal');
      const id = org.appointed.tokyoKyomuManager;
      const { result: ended, event } = await expectAudited(org.services, ENDED, () =>
        org.services.organisation.appointments.end(principal, id, {
          endedOn: '2026-11-30',
          reason: '人事異動',
        }),
      );
      expect(ended).toMatchObject({
        id,
        status: 'terminated',
        terminatedOn: '2026-11-30',
        terminationReason: '人事異動',
      });
      expect(event.payload).toMatchObject({
        before: { id, terminated_on: null },
        after: { id, terminated_on: '2026-11-30', terminated_by: org.people.tokyoPrincipal },
      });

      const successor = await org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoKyomuStaff1', {
        sectionId: org.sections.tokyoKyomu,
        startsOn: '2026-11-30',
      });
      const history = await org.services.organisation.appointments.list(principal, {
        role: 'protection_manager',
        sectionId: org.sections.tokyoKyomu,
      });
      expect(history.map((a) => [a.id, a.status])).toEqual(
        expect.arrayContaining([
          [id, 'terminated'],
          [successor.id, 'current'],
        ]),
      );
      const terminated = await org.services.organisation.appointments.list(principal, {
        sectionId: org.sections.tokyoKyomu,
        status: 'terminated',
      });
      expect(terminated).toMatchObject([{ id, terminationReason: '人事異動' }]);
    });

    it('an appointment cannot be ended before the day it begins', async () => {
      await refused('appointment.invalid_period', async () =>
        org.services.organisation.appointments.end(
          await org.as('tokyoPrincipal'),
          org.appointed.tokyoKyomuManager,
          { endedOn: '2000-01-01', reason: '誤登録' },
        ),
      );
    });

    it('the last システム管理者 cannot be ended; with a second one, either may be', async () => {
      const admin = await org.as('sysadmin');
      const [own] = await org.services.organisation.appointments.list(admin, {
        role: 'system_administrator',
        status: 'current',
      });
      await refused('appointment.last_administrator', () =>
        org.services.organisation.appointments.end(admin, own!.id, { reason: '退職' }),
      );
      await org.appoint('sysadmin', 'system_administrator', 'tokyoKyomuStaff1', {});
      const ended = await org.services.organisation.appointments.end(admin, own!.id, { reason: '退職' });
      expect(ended.status).toBe('terminated');
    });

    it('an appointment cannot be ended twice', async () => {
      const end = async () =>
        org.services.organisation.appointments.end(
          await org.as('tokyoPrincipal'),
          org.appointed.tokyoKyomuManager,
          { reason: '人事異動' },
        );
      await end();
      await refused('appointment.already_ended', end);
    });

    it('the appointment and its audit event land together: a failed audit write leaves no appointment', async () => {
      const principal = await org.as('tokyoPrincipal');
      const count = async () => (await org.services.organisation.appointments.list(principal, {})).length;
      const before = await count();
      const audit = vi
        .spyOn(org.services.ledger, 'audit')
        .mockRejectedValueOnce(new Error('ledger unavailable'));
      await expect(
        org.appoint('tokyoPrincipal', 'protection_manager', 'tokyoToshoHead', tosho()),
      ).rejects.toThrow('ledger unavailable');
      audit.mockRestore();
      expect(await count()).toBe(before);
    });
  });
});
