/**
 * The demo organisation loaded on an empty database: the headquarters and 51 colleges, about a
 * thousand invented staff, and the protection structure of rule 65 第4–9条 with deliberate gaps.
 * Pure and deterministic: a seeded PRNG, no clock, no I/O. Dates are relative to `today`.
 */
import type { Role } from '../../../../shared/roles.ts';
import {
  BLOCKED_FULL_NAMES,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  kanaToRomaji,
  type NameWithReading,
} from './demo-names.ts';
import { HQ_CODE, buildDemoUnits } from './demo-units.ts';

export interface DemoSection {
  name: string;
  handlesPersonalInfo: boolean;
  handlesMyNumber: boolean;
  /** Name of the parent section in the same unit. */
  parent?: string;
}

export interface DemoUnit {
  /** 'hq', 'hakodate', … (romaji) */
  code: string;
  /** Full official name. */
  name: string;
  /** 函館, 鳥羽商船, 本部事務局 */
  shortName: string;
  kind: 'headquarters' | 'college';
  address: string | null;
  sections: DemoSection[];
}

export interface DemoPerson {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  /** Katakana. */
  familyNameKana: string;
  givenNameKana: string;
  email: string;
  kind: 'officer' | 'staff' | 'dispatched';
  /** 理事長, 理事, 監事, 事務局長, 校長, 課長, 課長補佐, 係長, 主任, 係員, 教授, 准教授, 看護師, 技術専門職員, or null. */
  title: string | null;
  unitCode: string;
  sectionName: string | null;
}

export interface DemoAppointment {
  role: Role;
  /** null for the organisation-wide roles. */
  unitCode: string | null;
  /** Set for the section roles (保護管理者, 保護担当者, 特定個人情報取扱担当者). */
  sectionName: string | null;
  employeeNumber: string;
  appointedByEmployeeNumber: string | null;
  basis: string;
  duties?: string;
  handlingRange?: string;
  startsOn: string;
  endsOn?: string | null;
}

export interface DemoSignIn {
  employeeNumber: string;
  role: Role | 'staff';
  label: string;
}

export interface DemoDataset {
  units: DemoUnit[];
  people: DemoPerson[];
  appointments: DemoAppointment[];
  signIns: DemoSignIn[];
}

export const DEMO_DEFAULT_TODAY = '2026-11-30';

/** The compliance gaps the demo shows on purpose (all outside 東京高専, whose people are the sign-ins). */
export const DEMO_GAPS = {
  /** Handling sections with no 保護管理者 ever appointed (A6), in three different colleges. */
  vacantSections: [
    { unitCode: 'kushiro', sectionName: '寮務係' },
    { unitCode: 'gifu', sectionName: '図書係' },
    { unitCode: 'kochi', sectionName: '入試係' },
  ],
  /** Handling sections with a current 保護管理者 who has not designated any 保護担当者 (A7). */
  sectionsWithoutOfficer: [
    { unitCode: 'akita', sectionName: '保健室・学生相談室' },
    { unitCode: 'tsuyama', sectionName: '情報基盤センター' },
  ],
  /**
   * The one appointment whose term ran out (two months before `today`) with no successor: this
   * section's 保護管理者. With no current manager, the section has no 保護担当者 recorded either.
   */
  expiredManager: { unitCode: 'sasebo', sectionName: '学生係' },
} as const;

// ---------------------------------------------------------------------------------------------
// Rosters: who sits where. A slot key names a post within its unit ('head:教務係', 'president').

type PersonKind = DemoPerson['kind'];

interface Slot {
  key: string;
  section: string | null;
  title: string | null;
  kind: PersonKind;
}

const slot = (
  key: string,
  section: string | null,
  title: string | null,
  kind: PersonKind = 'staff',
): Slot => ({ key, section, title, kind });

const HQ_ROSTER: readonly Slot[] = [
  slot('president', null, '理事長', 'officer'),
  slot('director1', null, '理事', 'officer'),
  slot('director2', null, '理事', 'officer'),
  slot('director3', null, '理事', 'officer'),
  slot('director4', null, '理事', 'officer'),
  slot('auditor1', null, '監事', 'officer'),
  slot('auditor2', null, '監事', 'officer'),
  slot('secretaryGeneral', null, '事務局長'),
  slot('head:総務課', '総務課', '課長'),
  slot('deputy:総務課', '総務課', '課長補佐'),
  slot('chief:総務課', '総務課', '係長'),
  slot('senior:総務課', '総務課', '主任'),
  slot('clerk1:総務課', '総務課', '係員'),
  slot('clerk2:総務課', '総務課', '係員'),
  slot('head:人事課', '人事課', '課長'),
  slot('chief:人事課', '人事課', '係長'),
  slot('senior:人事課', '人事課', '主任'),
  slot('clerk1:人事課', '人事課', '係員'),
  slot('head:給与係', '給与係', '係長'),
  slot('senior:給与係', '給与係', '主任'),
  slot('clerk1:給与係', '給与係', '係員'),
  slot('clerk2:給与係', '給与係', '係員'),
  slot('head:財務課', '財務課', '課長'),
  slot('chief:財務課', '財務課', '係長'),
  slot('clerk1:財務課', '財務課', '係員'),
  slot('clerk2:財務課', '財務課', '係員'),
  slot('head:学務課', '学務課', '課長'),
  slot('chief:学務課', '学務課', '係長'),
  slot('senior:学務課', '学務課', '主任'),
  slot('clerk1:学務課', '学務課', '係員'),
  slot('head:研究推進課', '研究推進課', '課長'),
  slot('chief:研究推進課', '研究推進課', '係長'),
  slot('clerk1:研究推進課', '研究推進課', '係員'),
  slot('head:情報基盤課', '情報基盤課', '課長'),
  slot('chief:情報基盤課', '情報基盤課', '係長'),
  slot('senior:情報基盤課', '情報基盤課', '主任'),
  slot('clerk1:情報基盤課', '情報基盤課', '係員'),
  slot('dispatched:総務課', '総務課', null, 'dispatched'),
  slot('dispatched:財務課', '財務課', null, 'dispatched'),
  slot('dispatched:学務課', '学務課', null, 'dispatched'),
];

/** Every college: 校長, the section heads and the staff the protection structure needs. */
const COLLEGE_ROSTER: readonly Slot[] = [
  slot('principal', null, '校長'),
  slot('head:総務課', '総務課', '課長'),
  slot('head:総務係', '総務係', '係長'),
  slot('head:人事係', '人事係', '係長'),
  slot('clerk:人事係', '人事係', '係員'),
  slot('head:学生課', '学生課', '課長'),
  slot('head:教務係', '教務係', '係長'),
  slot('senior:教務係', '教務係', '主任'),
  slot('head:学生係', '学生係', '係長'),
  slot('clerk:学生係', '学生係', '係員'),
  slot('head:寮務係', '寮務係', '係長'),
  slot('head:入試係', '入試係', '係長'),
  slot('head:会計課', '会計課', '課長'),
  slot('senior:会計課', '会計課', '主任'),
  slot('head:図書係', '図書係', '係長'),
  slot('head:保健室・学生相談室', '保健室・学生相談室', '看護師'),
  slot('head:情報基盤センター', '情報基盤センター', '教授'),
  slot('tech:情報基盤センター', '情報基盤センター', '技術専門職員'),
  slot('dispatched:教務係', '教務係', null, 'dispatched'),
];

/** One more post per college, in rotation by the college's position (so every college has 20). */
const COLLEGE_EXTRA_SLOTS: readonly Slot[] = [
  slot('dispatched:図書係', '図書係', null, 'dispatched'),
  slot('head:地域共同テクノセンター', '地域共同テクノセンター', '准教授'),
  slot('clerk:総務係', '総務係', '係員'), // holds no role: the "ordinary staff" sign-in at 東京高専
];

// ---------------------------------------------------------------------------------------------
// Protection structure per handling section (A6, A7, A7の2), by slot key.

interface Handler {
  key: string;
  duties: string;
  handlingRange: string;
}

interface Staffing {
  section: string;
  /** The 保護管理者: the head of the section or the one acting for the head (A6-1). */
  head: string;
  /** How the head fills the seat, for the basis text. */
  headAs: string;
  /** 保護担当者 designated by the 保護管理者 (A7); a person may serve more than one section (兼務). */
  officers: readonly string[];
  /** 特定個人情報取扱担当者 with their role and range (A7の2). */
  handlers?: readonly Handler[];
}

const PAYROLL_RANGE = '役職員の個人番号及び扶養親族の個人番号';

const HQ_STAFFING: readonly Staffing[] = [
  { section: '総務課', head: 'head:総務課', headAs: '課長', officers: ['chief:総務課', 'senior:総務課'] },
  { section: '人事課', head: 'head:人事課', headAs: '課長', officers: ['chief:人事課'] },
  {
    section: '給与係',
    head: 'head:給与係',
    headAs: '係長',
    officers: ['senior:給与係'],
    handlers: [
      { key: 'senior:給与係', duties: '源泉徴収票及び給与支払報告書の作成', handlingRange: PAYROLL_RANGE },
      {
        key: 'clerk1:給与係',
        duties: '扶養控除等申告書の受付及び個人番号の確認',
        handlingRange: PAYROLL_RANGE,
      },
    ],
  },
  { section: '学務課', head: 'head:学務課', headAs: '課長', officers: ['chief:学務課', 'senior:学務課'] },
];

const COLLEGE_STAFFING: readonly Staffing[] = [
  { section: '総務課', head: 'head:総務課', headAs: '課長', officers: ['head:総務係', 'head:人事係'] },
  { section: '人事係', head: 'head:人事係', headAs: '係長', officers: ['clerk:人事係'] },
  { section: '教務係', head: 'head:教務係', headAs: '係長', officers: ['senior:教務係'] },
  { section: '学生係', head: 'head:学生係', headAs: '係長', officers: ['clerk:学生係'] },
  { section: '寮務係', head: 'head:寮務係', headAs: '係長', officers: ['clerk:学生係'] },
  { section: '入試係', head: 'head:入試係', headAs: '係長', officers: ['senior:教務係'] },
  {
    section: '会計課',
    head: 'head:会計課',
    headAs: '課長',
    officers: ['senior:会計課'],
    handlers: [
      {
        key: 'senior:会計課',
        duties: '報酬・料金等の支払調書の作成',
        handlingRange: '非常勤講師・講演者等の外部支払先の個人番号',
      },
    ],
  },
  { section: '図書係', head: 'head:図書係', headAs: '係長', officers: ['head:総務係'] },
  {
    section: '保健室・学生相談室',
    head: 'head:保健室・学生相談室',
    headAs: '室長に代わる看護師',
    officers: ['head:学生係'],
  },
  {
    section: '情報基盤センター',
    head: 'head:情報基盤センター',
    headAs: 'センター長',
    officers: ['tech:情報基盤センター'],
  },
];

const BASIS = {
  president: '独立行政法人通則法第20条第1項（文部科学大臣の任命）',
  chiefManager: '規則第65号第4条第1項（理事長が指名した理事をもって充てる）',
  auditOfficer: '規則第65号第8条第1項（理事長が指名した監事をもって充てる）',
  committee: '規則第65号第9条（情報公開・個人情報保護委員会の委員）',
  hqChiefProtection: '規則第65号第5条第1項（機構本部事務局においては事務局長をもって充てる）',
  collegeChiefProtection: '規則第65号第5条第1項（各学校においては校長をもって充てる）',
  protectionManager: (headAs: string) => `規則第65号第6条第1項（${headAs}をもって充てる）`,
  protectionOfficer: '規則第65号第7条第1項（保護管理者による指定）',
  myNumberHandler: '規則第65号第7条の2第1項・第2項（保護管理者による役割及び範囲の指定）',
  systemAdministrator: '本システムの運用（規則第65号外：本部事務局情報基盤課）',
} as const;

/** 情報公開・個人情報保護委員会 (A9), by HQ slot key, with the chair first. */
const COMMITTEE: readonly (readonly [key: string, duties: string])[] = [
  ['director2', '委員長'],
  ['secretaryGeneral', '委員'],
  ['head:総務課', '委員'],
  ['head:人事課', '委員'],
  ['head:学務課', '委員'],
];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and dates.

const NAME_SEED = 0x6d616d6f; // 'mamo'
const TERM_SEED = 0x72693635; // 'ri65'

/** mulberry32: small, fast, good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function parseDay(day: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const date = new Date(`${day}T00:00:00Z`);
  if (!m || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day)
    throw new Error(`buildDemoDataset: today must be YYYY-MM-DD, got ${day}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The last day of the month `monthsBack` months before the month of `day`. */
function endOfMonthBefore(day: string, monthsBack: number): string {
  const { year, month } = parseDay(day);
  return new Date(Date.UTC(year, month - monthsBack, 0)).toISOString().slice(0, 10);
}

const later = (a: string, b: string): string => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------
// People.

function makeNamer(rng: () => number) {
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  return (unitCode: string) => {
    for (;;) {
      const [familyName, familyNameKana] = pick(rng, FAMILY_NAMES);
      const given: NameWithReading = pick(rng, rng() < 0.6 ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
      const [givenName, givenNameKana] = given;
      const full = familyName + givenName;
      if (usedNames.has(full) || BLOCKED_FULL_NAMES.has(full)) continue;
      usedNames.add(full);
      const local = `${kanaToRomaji(givenNameKana)}.${kanaToRomaji(familyNameKana)}`;
      let email = `${local}@${unitCode}.example.jp`;
      for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${unitCode}.example.jp`;
      usedEmails.add(email);
      return { familyName, givenName, familyNameKana, givenNameKana, email };
    }
  };
}

// ---------------------------------------------------------------------------------------------

/** Build the demo organisation. `today` (YYYY-MM-DD) anchors the fiscal year and the expired term. */
export function buildDemoDataset(opts: { today?: string } = {}): DemoDataset {
  const today = opts.today ?? DEMO_DEFAULT_TODAY;
  const { year, month } = parseDay(today);
  const fiscalYear = month >= 4 ? year : year - 1;
  const fyStart = (offset: number) => `${fiscalYear + offset}-04-01`;
  const termEnd = `${fiscalYear + 2}-03-31`; // the end of the next fiscal year but one

  const units = buildDemoUnits();
  const unitByCode = new Map(units.map((u) => [u.code, u]));

  // People, unit by unit; employee number = 'E' + unit position (2 digits) + sequence (4 digits).
  const nameRng = prng(NAME_SEED);
  const nextName = makeNamer(nameRng);
  const people: DemoPerson[] = [];
  const bySlot = new Map<string, DemoPerson>();
  units.forEach((unit, unitIndex) => {
    const extra = COLLEGE_EXTRA_SLOTS[(unitIndex - 1) % COLLEGE_EXTRA_SLOTS.length];
    const roster = unit.kind === 'headquarters' || !extra ? HQ_ROSTER : [...COLLEGE_ROSTER, extra];
    roster.forEach((s, i) => {
      const person: DemoPerson = {
        employeeNumber: `E${String(unitIndex).padStart(2, '0')}${String(i + 1).padStart(4, '0')}`,
        ...nextName(unit.code),
        kind: s.kind,
        title: s.title,
        unitCode: unit.code,
        sectionName: s.section,
      };
      people.push(person);
      bySlot.set(`${unit.code}/${s.key}`, person);
    });
  });
  const at = (unitCode: string, key: string): DemoPerson => {
    const person = bySlot.get(`${unitCode}/${key}`);
    if (!person) throw new Error(`demo roster: no ${key} at ${unitCode}`);
    return person;
  };

  // Appointments.
  const termRng = prng(TERM_SEED);
  const openOrTerm = () => (termRng() < 0.5 ? null : termEnd);
  const appointments: DemoAppointment[] = [];
  const hq = (key: string) => at(HQ_CODE, key);
  const president = hq('president');

  appointments.push(
    {
      role: 'president',
      unitCode: null,
      sectionName: null,
      employeeNumber: president.employeeNumber,
      appointedByEmployeeNumber: null,
      basis: BASIS.president,
      startsOn: fyStart(-2),
      endsOn: termEnd,
    },
    {
      role: 'chief_manager',
      unitCode: null,
      sectionName: null,
      employeeNumber: hq('director1').employeeNumber,
      appointedByEmployeeNumber: president.employeeNumber,
      basis: BASIS.chiefManager,
      duties: '機構における保有個人情報の管理に関する事務の総括',
      startsOn: fyStart(-1),
      endsOn: termEnd,
    },
    {
      role: 'audit_officer',
      unitCode: null,
      sectionName: null,
      employeeNumber: hq('auditor1').employeeNumber,
      appointedByEmployeeNumber: president.employeeNumber,
      basis: BASIS.auditOfficer,
      duties: '保有個人情報の管理の状況についての監査',
      startsOn: fyStart(-1),
      endsOn: termEnd,
    },
    ...COMMITTEE.map(([key, duties]): DemoAppointment => ({
      role: 'committee_member',
      unitCode: null,
      sectionName: null,
      employeeNumber: hq(key).employeeNumber,
      appointedByEmployeeNumber: president.employeeNumber,
      basis: BASIS.committee,
      duties,
      startsOn: fyStart(0),
      endsOn: termEnd,
    })),
    {
      role: 'system_administrator',
      unitCode: null,
      sectionName: null,
      employeeNumber: hq('senior:情報基盤課').employeeNumber,
      appointedByEmployeeNumber: null,
      basis: BASIS.systemAdministrator,
      startsOn: fyStart(-3),
      endsOn: null,
    },
  );

  const isGap = (
    list: readonly { unitCode: string; sectionName: string }[],
    unitCode: string,
    section: string,
  ) => list.some((g) => g.unitCode === unitCode && g.sectionName === section);

  for (const unit of units) {
    const isHq = unit.kind === 'headquarters';
    const chief = at(unit.code, isHq ? 'secretaryGeneral' : 'principal');
    const chiefStart = isHq ? fyStart(-1) : pick(termRng, [fyStart(-2), fyStart(-1)]);
    appointments.push({
      role: 'chief_protection_manager',
      unitCode: unit.code,
      sectionName: null,
      employeeNumber: chief.employeeNumber,
      appointedByEmployeeNumber: president.employeeNumber,
      basis: isHq ? BASIS.hqChiefProtection : BASIS.collegeChiefProtection,
      startsOn: chiefStart,
      endsOn: null,
    });

    const staffing = isHq ? HQ_STAFFING : COLLEGE_STAFFING;
    for (const section of unit.sections.filter((s) => s.handlesPersonalInfo)) {
      const plan = staffing.find((p) => p.section === section.name);
      if (!plan) throw new Error(`demo staffing: no plan for ${unit.code} ${section.name}`);
      if (isGap(DEMO_GAPS.vacantSections, unit.code, section.name)) continue; // A6 vacancy: nobody appointed

      const expired =
        DEMO_GAPS.expiredManager.unitCode === unit.code &&
        DEMO_GAPS.expiredManager.sectionName === section.name;
      const manager = at(unit.code, plan.head);
      const managerStart = expired
        ? later(fyStart(-1), chiefStart)
        : later(pick(termRng, [fyStart(-2), fyStart(-1), fyStart(0), fyStart(0)]), chiefStart);
      const managerEnd = expired ? endOfMonthBefore(today, 2) : openOrTerm();
      appointments.push({
        role: 'protection_manager',
        unitCode: unit.code,
        sectionName: section.name,
        employeeNumber: manager.employeeNumber,
        appointedByEmployeeNumber: chief.employeeNumber,
        basis: BASIS.protectionManager(plan.headAs),
        startsOn: managerStart,
        endsOn: managerEnd,
      });

      // Designations are recorded by the current 保護管理者 (the service checks the appointer's roles
      // today), so a section whose manager's term has run out has none recorded either.
      if (expired) continue;

      const designated = (): string =>
        later(pick(termRng, [fyStart(-1), fyStart(0), fyStart(0)]), managerStart);
      if (!isGap(DEMO_GAPS.sectionsWithoutOfficer, unit.code, section.name)) {
        for (const key of plan.officers) {
          appointments.push({
            role: 'protection_officer',
            unitCode: unit.code,
            sectionName: section.name,
            employeeNumber: at(unit.code, key).employeeNumber,
            appointedByEmployeeNumber: manager.employeeNumber,
            basis: BASIS.protectionOfficer,
            duties: '保護管理者の補佐（保有個人情報の管理に関する事務）',
            startsOn: designated(),
            endsOn: openOrTerm(),
          });
        }
      }
      if (section.handlesMyNumber) {
        for (const h of plan.handlers ?? []) {
          appointments.push({
            role: 'mynumber_handler',
            unitCode: unit.code,
            sectionName: section.name,
            employeeNumber: at(unit.code, h.key).employeeNumber,
            appointedByEmployeeNumber: manager.employeeNumber,
            basis: BASIS.myNumberHandler,
            duties: h.duties,
            handlingRange: h.handlingRange,
            startsOn: designated(),
            endsOn: openOrTerm(),
          });
        }
      }
    }
  }

  // Sign-ins for the README: one person per role; college-level roles at 東京高専.
  const tokyo = unitByCode.get('tokyo');
  if (!tokyo) throw new Error('demo units: 東京 missing');
  const tk = `${tokyo.shortName}高専`;
  const signIns: DemoSignIn[] = [
    { employeeNumber: president.employeeNumber, role: 'president', label: '理事長（本部事務局）' },
    { employeeNumber: hq('director1').employeeNumber, role: 'chief_manager', label: '総括管理者（理事）' },
    { employeeNumber: hq('auditor1').employeeNumber, role: 'audit_officer', label: '監査責任者（監事）' },
    {
      employeeNumber: hq('senior:情報基盤課').employeeNumber,
      role: 'system_administrator',
      label: 'システム管理者（本部事務局 情報基盤課）',
    },
    {
      employeeNumber: at('tokyo', 'principal').employeeNumber,
      role: 'chief_protection_manager',
      label: `総括保護管理者（${tk} 校長）`,
    },
    {
      employeeNumber: at('tokyo', 'head:教務係').employeeNumber,
      role: 'protection_manager',
      label: `保護管理者（${tk} 学生課教務係）`,
    },
    {
      employeeNumber: at('tokyo', 'senior:教務係').employeeNumber,
      role: 'protection_officer',
      label: `保護担当者（${tk} 学生課教務係）`,
    },
    {
      employeeNumber: hq('senior:給与係').employeeNumber,
      role: 'mynumber_handler',
      label: '特定個人情報取扱担当者（本部事務局 人事課給与係）',
    },
    {
      employeeNumber: at('tokyo', 'clerk:総務係').employeeNumber,
      role: 'staff',
      label: `一般教職員（${tk} 総務課総務係）`,
    },
  ];

  return { units, people, appointments, signIns };
}
