/**
 * The smallest organisation the API tests need, built through the services as the system actor:
 * the headquarters (本部事務局) with one section that handles held personal information, and a few
 * fictional people — a システム管理者, the 理事長, the 総括管理者, the 総括保護管理者 of the
 * headquarters, and two ordinary staff members without any appointment. Every one has TEST_PASSWORD.
 */
import type { Services } from '../../../server/app.ts';
import { systemCtx } from '../../../server/platform/context.ts';
import type { PersonKind, Role } from '../../../shared/roles.ts';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface OrgPerson {
  id: string;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
}

export interface MinimalOrg {
  hq: { id: string; code: string; name: string };
  section: { id: string; name: string };
  admin: OrgPerson;
  president: OrgPerson;
  chiefManager: OrgPerson;
  chiefProtection: OrgPerson;
  staff: OrgPerson;
  candidate: OrgPerson;
}

interface Spec {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  kind: PersonKind;
  title: string;
  inSection: boolean;
  role?: Role;
}

// Fictional people only.
const PEOPLE: Record<Exclude<keyof MinimalOrg, 'hq' | 'section'>, Spec> = {
  admin: {
    employeeNumber: 'T0001',
    familyName: '試験',
    givenName: '管理',
    familyNameKana: 'シケン',
    givenNameKana: 'カンリ',
    kind: 'staff',
    title: 'システム管理者',
    inSection: false,
    role: 'system_administrator',
  },
  president: {
    employeeNumber: 'T0002',
    familyName: '架空',
    givenName: '理子',
    familyNameKana: 'カクウ',
    givenNameKana: 'リコ',
    kind: 'officer',
    title: '理事長',
    inSection: false,
    role: 'president',
  },
  chiefManager: {
    employeeNumber: 'T0003',
    familyName: '仮名',
    givenName: '総一',
    familyNameKana: 'カメイ',
    givenNameKana: 'ソウイチ',
    kind: 'officer',
    title: '理事',
    inSection: false,
    role: 'chief_manager',
  },
  chiefProtection: {
    employeeNumber: 'T0004',
    familyName: '見本',
    givenName: '守',
    familyNameKana: 'ミホン',
    givenNameKana: 'マモル',
    kind: 'staff',
    title: '事務局長',
    inSection: false,
    role: 'chief_protection_manager',
  },
  staff: {
    employeeNumber: 'T0005',
    familyName: '例示',
    givenName: '花子',
    familyNameKana: 'レイジ',
    givenNameKana: 'ハナコ',
    kind: 'staff',
    title: '係員',
    inSection: true,
  },
  candidate: {
    employeeNumber: 'T0006',
    familyName: '想定',
    givenName: '次郎',
    familyNameKana: 'ソウテイ',
    givenNameKana: 'ジロウ',
    kind: 'staff',
    title: '次長',
    inSection: false,
  },
};

export async function createMinimalOrg(services: Services): Promise<MinimalOrg> {
  const ctx = systemCtx('test');
  const { organisation, identity } = services;
  const hq = await organisation.units.create(ctx, {
    code: 'hq',
    name: '本部事務局',
    shortName: '本部',
    kind: 'headquarters',
  });
  const section = await organisation.sections.create(ctx, {
    unitId: hq.id,
    name: '総務課',
    handlesPersonalInfo: true,
  });

  const people = {} as Record<keyof typeof PEOPLE, OrgPerson>;
  for (const [key, spec] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, Spec][]) {
    const person = await organisation.people.create(ctx, {
      employeeNumber: spec.employeeNumber,
      familyName: spec.familyName,
      givenName: spec.givenName,
      familyNameKana: spec.familyNameKana,
      givenNameKana: spec.givenNameKana,
      email: `${spec.employeeNumber.toLowerCase()}@example.invalid`,
      kind: spec.kind,
      title: spec.title,
      unitId: hq.id,
      sectionId: spec.inSection ? section.id : null,
    });
    if (spec.role) {
      await organisation.appointments.appoint(ctx, {
        role: spec.role,
        personId: person.id,
        unitId: spec.role === 'chief_protection_manager' ? hq.id : null,
        basis: 'テスト用の任命',
      });
    }
    await identity.setPassword(person.id, spec.employeeNumber, TEST_PASSWORD);
    const { kind: _kind, title: _title, inSection: _inSection, role: _role, ...names } = spec;
    people[key] = { id: person.id, ...names };
  }
  return {
    hq: { id: hq.id, code: hq.code, name: hq.name },
    section: { id: section.id, name: section.name },
    ...people,
  };
}
