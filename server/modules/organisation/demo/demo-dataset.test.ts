import { describe, it, expect } from 'vitest';
import { ROLE_RULES, type Role } from '../../../../shared/roles.ts';
import {
  DEMO_DEFAULT_TODAY,
  DEMO_GAPS,
  buildDemoDataset,
  type DemoAppointment,
  type DemoDataset,
} from './demo-dataset.ts';
import { kanaToRomaji } from './demo-names.ts';

const KATAKANA = /^[\u30A1-\u30F6ー]+$/;
const FAR_FUTURE = '9999-12-31';

const data: DemoDataset = buildDemoDataset();
const today = DEMO_DEFAULT_TODAY;

const sectionKey = (unitCode: string | null, sectionName: string | null) =>
  `${unitCode ?? ''}/${sectionName ?? ''}`;
const handlingSections = (d: DemoDataset) =>
  d.units.flatMap((u) =>
    u.sections.filter((s) => s.handlesPersonalInfo).map((s) => ({ unit: u, section: s })),
  );
const isCurrent = (a: DemoAppointment, day: string) => a.startsOn <= day && (a.endsOn ?? FAR_FUTURE) >= day;
const ofRole = (d: DemoDataset, role: Role) => d.appointments.filter((a) => a.role === role);

describe('demo units', () => {
  it('has the headquarters and the 51 colleges in order, with their official names', () => {
    expect(data.units).toHaveLength(52);
    expect(data.units[0]).toMatchObject({ code: 'hq', kind: 'headquarters', address: '東京都八王子市' });
    expect(data.units.filter((u) => u.kind === 'college')).toHaveLength(51);
    const byShort = new Map(data.units.map((u) => [u.shortName, u]));
    expect(byShort.get('仙台')?.name).toBe('仙台高等専門学校');
    expect(byShort.get('熊本')?.name).toBe('熊本高等専門学校');
    expect(byShort.get('富山')?.name).toBe('富山高等専門学校');
    expect(byShort.get('香川')?.name).toBe('香川高等専門学校');
    expect(byShort.get('鳥羽商船')?.name).toBe('鳥羽商船高等専門学校');
    expect(byShort.get('弓削商船')?.name).toBe('弓削商船高等専門学校');
    expect(byShort.get('函館')).toMatchObject({
      code: 'hakodate',
      name: '函館工業高等専門学校',
      address: '北海道函館市',
    });
    expect(byShort.get('東京')).toMatchObject({ code: 'tokyo', name: '東京工業高等専門学校' });
    expect(data.units[1]?.shortName).toBe('函館');
    expect(data.units[51]?.shortName).toBe('沖縄');
    expect(new Set(data.units.map((u) => u.code)).size).toBe(52);
  });

  it('has well-formed sections: unique names, parents in the same unit, My Numbers only in handling sections', () => {
    for (const unit of data.units) {
      const names = unit.sections.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      for (const s of unit.sections) {
        if (s.parent) expect(names).toContain(s.parent);
        if (s.handlesMyNumber) expect(s.handlesPersonalInfo).toBe(true);
      }
    }
    const hq = data.units[0]!;
    expect(hq.sections.filter((s) => s.handlesMyNumber).map((s) => s.name)).toEqual(['給与係']);
    for (const college of data.units.slice(1)) {
      expect(college.sections.filter((s) => s.handlesMyNumber).map((s) => s.name)).toEqual(['会計課']);
      expect(college.sections.find((s) => s.name === '教務係')).toMatchObject({
        parent: '学生課',
        handlesPersonalInfo: true,
      });
    }
  });
});

describe('demo people', () => {
  it('has about a thousand people with unique employee numbers, names and e-mail addresses', () => {
    expect(data.people.length).toBeGreaterThanOrEqual(900);
    expect(data.people.length).toBeLessThanOrEqual(1200);
    const numbers = data.people.map((p) => p.employeeNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^E\d{6}$/);
    expect(new Set(data.people.map((p) => p.familyName + p.givenName)).size).toBe(data.people.length);
    expect(new Set(data.people.map((p) => p.email)).size).toBe(data.people.length);
    for (const p of data.people) expect(p.email).toMatch(/^[a-z.0-9]+@[a-z]+\.example\.jp$/);
  });

  it('gives every person katakana readings', () => {
    for (const p of data.people) {
      expect(p.familyNameKana).toMatch(KATAKANA);
      expect(p.givenNameKana).toMatch(KATAKANA);
    }
  });

  it('places people in existing units and sections, 18–20 per college and more at headquarters', () => {
    const units = new Map(data.units.map((u) => [u.code, u]));
    for (const p of data.people) {
      const unit = units.get(p.unitCode);
      expect(unit, p.unitCode).toBeDefined();
      if (p.sectionName !== null) expect(unit!.sections.map((s) => s.name)).toContain(p.sectionName);
    }
    const perUnit = (code: string) => data.people.filter((p) => p.unitCode === code);
    for (const college of data.units.slice(1)) {
      const staff = perUnit(college.code);
      expect(staff.length).toBeGreaterThanOrEqual(18);
      expect(staff.length).toBeLessThanOrEqual(20);
      expect(staff.filter((p) => p.title === '校長')).toHaveLength(1);
      expect(staff.some((p) => p.kind === 'dispatched')).toBe(true);
      expect(staff.some((p) => p.kind === 'officer')).toBe(false);
    }
    const hq = perUnit('hq');
    expect(hq.length).toBeGreaterThan(20);
    expect(hq.filter((p) => p.title === '理事長' && p.kind === 'officer')).toHaveLength(1);
    expect(hq.filter((p) => p.title === '理事' && p.kind === 'officer').length).toBeGreaterThanOrEqual(2);
    expect(hq.filter((p) => p.title === '監事' && p.kind === 'officer')).toHaveLength(2);
    expect(hq.filter((p) => p.title === '事務局長')).toHaveLength(1);
  });

  it('romanises readings for the e-mail addresses', () => {
    expect(kanaToRomaji('サトウ')).toBe('sato');
    expect(kanaToRomaji('イノウエ')).toBe('inoue');
    expect(kanaToRomaji('オオノ')).toBe('ono');
    expect(kanaToRomaji('ハットリ')).toBe('hattori');
    expect(kanaToRomaji('キョウヘイ')).toBe('kyohei');
    expect(kanaToRomaji('ジュンコ')).toBe('junko');
    expect(kanaToRomaji('ユウイチ')).toBe('yuichi');
  });
});

describe('demo appointments', () => {
  const people = new Map(data.people.map((p) => [p.employeeNumber, p]));
  const units = new Map(data.units.map((u) => [u.code, u]));

  it('references existing people, units and sections, in the scope each role requires', () => {
    for (const a of data.appointments) {
      const holder = people.get(a.employeeNumber);
      expect(holder, a.employeeNumber).toBeDefined();
      if (a.appointedByEmployeeNumber !== null) expect(people.has(a.appointedByEmployeeNumber)).toBe(true);
      const rule = ROLE_RULES[a.role];
      if (rule.scope === 'organisation') {
        expect(a.unitCode).toBeNull();
        expect(a.sectionName).toBeNull();
        continue;
      }
      const unit = units.get(a.unitCode ?? '');
      expect(unit, a.unitCode ?? 'null').toBeDefined();
      expect(holder!.unitCode).toBe(a.unitCode);
      if (rule.scope === 'unit') {
        expect(a.sectionName).toBeNull();
        continue;
      }
      const section = unit!.sections.find((s) => s.name === a.sectionName);
      expect(section, `${a.unitCode} ${a.sectionName}`).toBeDefined();
      if (rule.needsHandlingSection) expect(section!.handlesPersonalInfo).toBe(true);
      if (a.role === 'mynumber_handler') {
        expect(section!.handlesMyNumber).toBe(true);
        expect(a.duties).toBeTruthy();
        expect(a.handlingRange).toBeTruthy();
      }
    }
  });

  it('has officer-only roles held by officers and well-formed terms', () => {
    for (const a of data.appointments) {
      if (ROLE_RULES[a.role].officerOnly) expect(people.get(a.employeeNumber)?.kind).toBe('officer');
      expect(a.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.startsOn <= today).toBe(true);
      if (a.endsOn) expect(a.endsOn > a.startsOn).toBe(true);
      expect(a.basis).toBeTruthy();
    }
  });

  it('is appointed by the holder of the appointing role, as the rule assigns it', () => {
    const current = (role: Role, unitCode: string | null, sectionName: string | null, day: string) =>
      data.appointments
        .filter(
          (x) =>
            x.role === role && x.unitCode === unitCode && x.sectionName === sectionName && isCurrent(x, day),
        )
        .map((x) => x.employeeNumber);
    const president = ofRole(data, 'president')[0]!;
    expect(president.appointedByEmployeeNumber).toBeNull();
    expect(people.get(president.employeeNumber)?.title).toBe('理事長');
    for (const a of data.appointments) {
      switch (a.role) {
        case 'chief_manager':
        case 'audit_officer':
        case 'committee_member':
        case 'chief_protection_manager':
          expect(a.appointedByEmployeeNumber).toBe(president.employeeNumber);
          break;
        case 'protection_manager':
          expect(current('chief_protection_manager', a.unitCode, null, a.startsOn)).toContain(
            a.appointedByEmployeeNumber,
          );
          break;
        case 'protection_officer':
        case 'mynumber_handler':
          expect(current('protection_manager', a.unitCode, a.sectionName, a.startsOn)).toContain(
            a.appointedByEmployeeNumber,
          );
          // The loader records each appointment in its appointer's context, checked against today.
          expect(current('protection_manager', a.unitCode, a.sectionName, today)).toContain(
            a.appointedByEmployeeNumber,
          );
          break;
        default:
          break;
      }
    }
    expect(people.get(ofRole(data, 'chief_manager')[0]!.employeeNumber)?.title).toBe('理事');
    expect(people.get(ofRole(data, 'audit_officer')[0]!.employeeNumber)?.title).toBe('監事');
    for (const a of ofRole(data, 'chief_protection_manager')) {
      expect(people.get(a.employeeNumber)?.title).toBe(a.unitCode === 'hq' ? '事務局長' : '校長');
    }
    const sysadmins = ofRole(data, 'system_administrator');
    expect(sysadmins).toHaveLength(1);
    expect(people.get(sysadmins[0]!.employeeNumber)).toMatchObject({
      unitCode: 'hq',
      sectionName: '情報基盤課',
    });
  });

  it('never has two overlapping terms in a single seat', () => {
    const seats = new Map<string, DemoAppointment[]>();
    for (const a of data.appointments.filter((x) => ROLE_RULES[x.role].singleSeat)) {
      const key = `${a.role}|${sectionKey(a.unitCode, a.sectionName)}`;
      seats.set(key, [...(seats.get(key) ?? []), a]);
    }
    for (const [key, list] of seats) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          const overlap = a.startsOn <= (b.endsOn ?? FAR_FUTURE) && b.startsOn <= (a.endsOn ?? FAR_FUTURE);
          expect(overlap, key).toBe(false);
        }
      }
    }
    for (const role of ['president', 'chief_manager', 'audit_officer'] as const)
      expect(ofRole(data, role)).toHaveLength(1);
    const chiefs = ofRole(data, 'chief_protection_manager');
    expect(chiefs).toHaveLength(52);
    expect(new Set(chiefs.map((a) => a.unitCode)).size).toBe(52);
  });

  it('has exactly 3 handling sections without a 保護管理者, in 3 different colleges', () => {
    const managed = new Set(
      ofRole(data, 'protection_manager').map((a) => sectionKey(a.unitCode, a.sectionName)),
    );
    const vacant = handlingSections(data).filter(
      ({ unit, section }) => !managed.has(sectionKey(unit.code, section.name)),
    );
    expect(vacant).toHaveLength(3);
    expect(new Set(vacant.map((v) => v.unit.code)).size).toBe(3);
    for (const v of vacant) expect(v.unit.kind).toBe('college');
    expect(vacant.map((v) => ({ unitCode: v.unit.code, sectionName: v.section.name }))).toEqual(
      DEMO_GAPS.vacantSections,
    );
  });

  it('has exactly 2 handling sections with a current 保護管理者 but no 保護担当者', () => {
    const managed = new Set(
      ofRole(data, 'protection_manager')
        .filter((a) => isCurrent(a, today))
        .map((a) => sectionKey(a.unitCode, a.sectionName)),
    );
    const withOfficer = new Set(
      ofRole(data, 'protection_officer').map((a) => sectionKey(a.unitCode, a.sectionName)),
    );
    const missing = handlingSections(data).filter(
      ({ unit, section }) =>
        managed.has(sectionKey(unit.code, section.name)) &&
        !withOfficer.has(sectionKey(unit.code, section.name)),
    );
    expect(missing.map((m) => ({ unitCode: m.unit.code, sectionName: m.section.name }))).toEqual(
      DEMO_GAPS.sectionsWithoutOfficer,
    );
  });

  it('has exactly one expired appointment: a 保護管理者 with no successor', () => {
    const expired = data.appointments.filter((a) => a.endsOn && a.endsOn < today);
    expect(expired).toHaveLength(1);
    const [gone] = expired;
    expect(gone).toMatchObject({
      role: 'protection_manager',
      ...DEMO_GAPS.expiredManager,
      endsOn: '2026-09-30',
    });
    const successors = ofRole(data, 'protection_manager').filter(
      (a) => a.unitCode === gone!.unitCode && a.sectionName === gone!.sectionName && a !== gone,
    );
    expect(successors).toHaveLength(0);
    const gapUnits = [
      ...DEMO_GAPS.vacantSections.map((g) => g.unitCode),
      ...DEMO_GAPS.sectionsWithoutOfficer.map((g) => g.unitCode),
      gone!.unitCode,
    ];
    expect(new Set(gapUnits).size).toBe(gapUnits.length);
    expect(gapUnits).not.toContain('tokyo');
  });

  it('designates 特定個人情報取扱担当者 in every section that handles My Numbers', () => {
    const handled = new Set(
      ofRole(data, 'mynumber_handler').map((a) => sectionKey(a.unitCode, a.sectionName)),
    );
    const myNumberSections = data.units.flatMap((u) =>
      u.sections.filter((s) => s.handlesMyNumber).map((s) => sectionKey(u.code, s.name)),
    );
    expect(myNumberSections).toHaveLength(52);
    for (const key of myNumberSections) expect(handled.has(key), key).toBe(true);
  });
});

describe('demo sign-ins', () => {
  it('cover every role and an ordinary member of staff, college roles at 東京高専', () => {
    const roles: (Role | 'staff')[] = [
      'president',
      'chief_manager',
      'audit_officer',
      'system_administrator',
      'chief_protection_manager',
      'protection_manager',
      'protection_officer',
      'mynumber_handler',
      'staff',
    ];
    expect(data.signIns.map((s) => s.role).sort()).toEqual([...roles].sort());
    const people = new Map(data.people.map((p) => [p.employeeNumber, p]));
    for (const s of data.signIns) {
      const person = people.get(s.employeeNumber);
      expect(person, s.label).toBeDefined();
      const held = data.appointments.filter(
        (a) => a.employeeNumber === s.employeeNumber && isCurrent(a, today),
      );
      if (s.role === 'staff') {
        expect(held).toHaveLength(0);
        expect(person!.kind).toBe('staff');
      } else {
        expect(held.map((a) => a.role)).toContain(s.role);
      }
      if (['chief_protection_manager', 'protection_manager', 'protection_officer', 'staff'].includes(s.role))
        expect(person!.unitCode).toBe('tokyo');
    }
    const pm = data.signIns.find((s) => s.role === 'protection_manager')!;
    expect(
      data.appointments.find(
        (a) => a.role === 'protection_manager' && a.employeeNumber === pm.employeeNumber,
      ),
    ).toMatchObject({ unitCode: 'tokyo', sectionName: '教務係' });
    const po = data.signIns.find((s) => s.role === 'protection_officer')!;
    expect(
      data.appointments.some(
        (a) =>
          a.role === 'protection_officer' &&
          a.employeeNumber === po.employeeNumber &&
          a.unitCode === 'tokyo' &&
          a.sectionName === '教務係',
      ),
    ).toBe(true);
    const mh = data.signIns.find((s) => s.role === 'mynumber_handler')!;
    expect(
      data.appointments.some(
        (a) =>
          a.role === 'mynumber_handler' &&
          a.employeeNumber === mh.employeeNumber &&
          a.unitCode === 'hq' &&
          a.sectionName === '給与係',
      ),
    ).toBe(true);
  });
});

describe('determinism and dates', () => {
  it('returns deep-equal datasets on every call', () => {
    expect(buildDemoDataset()).toEqual(data);
    expect(buildDemoDataset({ today: DEMO_DEFAULT_TODAY })).toEqual(data);
  });

  it('moves the terms with today but keeps the people, and keeps exactly one expired appointment', () => {
    const later = buildDemoDataset({ today: '2027-06-15' });
    expect(later.people).toEqual(data.people);
    expect(ofRole(later, 'president')[0]!.startsOn).toBe('2025-04-01');
    const expired = later.appointments.filter((a) => a.endsOn && a.endsOn < '2027-06-15');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ role: 'protection_manager', endsOn: '2027-04-30' });
    expect(() => buildDemoDataset({ today: '2026-13-01' })).toThrow();
  });
});
