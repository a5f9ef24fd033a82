import { beforeEach, describe, expect, it } from 'vitest';
import type { PersonInput } from '../../../shared/api/organisation.ts';
import { databases } from '../../../tests/support/databases.ts';
import { buildOrg, expectAudited, expectRefused, type Org } from '../../../tests/support/org-fixture.ts';
import { testServices } from '../../../tests/support/test-services.ts';

// Every person here is fictional.

describe.each(databases)('people (教職員等, A3) on %s', (kind) => {
  let org: Org;
  beforeEach(async () => {
    org = await buildOrg(await testServices(kind));
  });
  const people = () => org.services.organisation.people;
  const newcomer = (over: Partial<PersonInput> = {}): PersonInput => ({
    employeeNumber: 'N0001',
    familyName: '中村',
    givenName: '彩',
    familyNameKana: 'ナカムラ',
    givenNameKana: 'アヤ',
    email: 'nakamura@example.jp',
    kind: 'staff',
    title: '事務職員',
    unitId: org.units.tokyo,
    sectionId: org.sections.tokyoTosho,
    ...over,
  });
  const employeeNumberOf = async (id: string) => (await people().get(id))!.employee_number;

  it('the システム管理者 registers a person, audited with what was registered', async () => {
    const { result, event } = await expectAudited(org.services, 'organisation.person.created', async () =>
      people().create(await org.as('sysadmin'), newcomer()),
    );
    expect(result).toMatchObject({
      employeeNumber: 'N0001',
      familyName: '中村',
      familyNameKana: 'ナカムラ',
      kind: 'staff',
      active: true,
    });
    expect(event).toMatchObject({
      actorId: org.people.sysadmin,
      subjectType: 'Person',
      subjectId: result.id,
    });
    expect(event.payload).toMatchObject({
      before: null,
      after: { id: result.id, employee_number: 'N0001', section_id: org.sections.tokyoTosho },
    });
  });

  it('an update is audited with the person before and after', async () => {
    const { result, event } = await expectAudited(org.services, 'organisation.person.updated', async () =>
      people().update(await org.as('sysadmin'), org.people.tokyoKyomuStaff1, {
        title: '主任',
        active: false,
      }),
    );
    expect(result).toMatchObject({ title: '主任', active: false });
    expect(event.payload).toMatchObject({
      before: { title: '事務職員', active: 1 },
      after: { title: '主任', active: 0 },
    });
  });

  it('an employee number is registered once (409)', async () => {
    const taken = await employeeNumberOf(org.people.tokyoKyomuHead);
    const error = await expectRefused(org.services, 'organisation.employee_number_taken', async () =>
      people().create(await org.as('sysadmin'), newcomer({ employeeNumber: taken })),
    );
    expect(error.status).toBe(409);
  });

  it('a person’s section belongs to the person’s unit', async () => {
    const admin = await org.as('sysadmin');
    await expectRefused(org.services, 'organisation.section_not_in_unit', () =>
      people().create(admin, newcomer({ sectionId: org.sections.nagaokaTosho })),
    );
    await expectRefused(org.services, 'organisation.section_not_in_unit', () =>
      people().update(admin, org.people.tokyoKyomuStaff1, { sectionId: org.sections.nagaokaKyomu }),
    );
  });

  it('moving a person to another unit without a section leaves them unplaced there', async () => {
    const moved = await people().update(await org.as('sysadmin'), org.people.tokyoKyomuStaff1, {
      unitId: org.units.nagaoka,
    });
    expect(moved).toMatchObject({ unitId: org.units.nagaoka, sectionId: null });
  });

  describe('a 総括保護管理者 keeps the people of their own unit only (A5)', () => {
    it('registers and updates people of the college', async () => {
      const principal = await org.as('tokyoPrincipal');
      await expectAudited(org.services, 'organisation.person.created', () =>
        people().create(principal, newcomer()),
      );
      await expectAudited(org.services, 'organisation.person.updated', () =>
        people().update(principal, org.people.tokyoToshoHead, { title: '図書館長補佐' }),
      );
    });

    it('may not register, change or take in people of another college', async () => {
      const principal = await org.as('tokyoPrincipal');
      await expectRefused(org.services, 'auth.forbidden', () =>
        people().create(principal, newcomer({ unitId: org.units.nagaoka, sectionId: null })),
      );
      await expectRefused(org.services, 'auth.forbidden', () =>
        people().update(principal, org.people.nagaokaStaff, { title: '主任' }),
      );
      await expectRefused(org.services, 'auth.forbidden', () =>
        people().update(principal, org.people.nagaokaStaff, { unitId: org.units.tokyo }),
      );
    });

    it('may not send a person of the college to another one', async () => {
      await expectRefused(org.services, 'auth.forbidden', async () =>
        people().update(await org.as('tokyoPrincipal'), org.people.tokyoKyomuStaff1, {
          unitId: org.units.nagaoka,
        }),
      );
    });
  });

  it('an ordinary staff member may not register people', async () => {
    await expectRefused(org.services, 'auth.forbidden', async () =>
      people().create(await org.as('tokyoKyomuStaff1'), newcomer()),
    );
  });

  it('the detail lists the person’s appointments', async () => {
    const detail = await people().detail(await org.as('tokyoKyomuStaff1'), org.people.tokyoPrincipal);
    expect(detail).toMatchObject({ unitName: '東京工業高等専門学校', sectionName: null });
    expect(detail.appointments).toMatchObject([
      {
        role: 'chief_protection_manager',
        unitId: org.units.tokyo,
        appointedBy: org.people.president,
        status: 'current',
      },
    ]);
  });

  describe('search', () => {
    const search = async (s: Parameters<ReturnType<typeof people>['search']>[1]) =>
      people().search(await org.as('tokyoKyomuStaff1'), s);
    const idsOf = (r: { items: { id: string }[] }) => r.items.map((p) => p.id);

    it.each([
      ['the name in kanji', '佐藤 花子'],
      ['the family name', '佐藤'],
      ['the given name', '花子'],
      ['the reading in katakana', 'サトウ ハナコ'],
      ['part of the reading', 'ハナコ'],
      ['the reading typed in hiragana', 'さとう はなこ'],
    ])('finds a person by %s', async (_, q) => {
      const found = await search({ q });
      expect(idsOf(found)).toEqual([org.people.tokyoKyomuHead]);
      expect(found.total).toBe(1);
    });

    it('finds a person by employee number', async () => {
      expect(idsOf(await search({ q: await employeeNumberOf(org.people.nagaokaStaff) }))).toEqual([
        org.people.nagaokaStaff,
      ]);
    });

    it('pages through a unit in kana order, with the total', async () => {
      const pages = [
        await search({ unitId: org.units.tokyo, limit: 4, offset: 0 }),
        await search({ unitId: org.units.tokyo, limit: 4, offset: 4 }),
      ];
      expect(pages.map((p) => p.total)).toEqual([6, 6]);
      expect(pages.map((p) => p.items.map((i) => i.familyNameKana))).toEqual([
        ['コバヤシ', 'サトウ', 'シミズ', 'スズキ'],
        ['セガワ', 'ソノダ'],
      ]);
    });

    it('a reading registered in hiragana or half-width katakana is kept in full-width katakana', async () => {
      const created = await people().create(await org.as('sysadmin'), {
        employeeNumber: 'K9001',
        familyName: '矢口',
        givenName: '舞',
        familyNameKana: 'やぐち',
        givenNameKana: 'ﾏｲ',
        kind: 'staff',
        unitId: org.units.tokyo,
      });
      expect([created.familyNameKana, created.givenNameKana]).toEqual(['ヤグチ', 'マイ']);
    });

    it('a typed % or _ is no wildcard', async () => {
      expect((await search({ q: '佐%子' })).total).toBe(0);
      expect(idsOf(await search({ q: '佐藤_' }))).toEqual([org.people.tokyoKyomuHead]);
    });
  });
});
