/**
 * A small organisation for the organisation tests, built through the services as the system actor:
 *
 *   本部事務局 (hq)   総務課 (保有個人情報) · 人事課 > 給与係 (保有個人情報, 個人番号)
 *   東京高専 (tokyo)  学生課 > 教務係 (保有個人情報) · 図書係 (保有個人情報)
 *   長岡高専 (nagaoka) the same sections
 *
 * Appointed: the 理事長 (by the system), the システム管理者, the 総括保護管理者 of hq and tokyo (by the
 * 理事長, A5) and the 保護管理者 of tokyo's 教務係 (by tokyo's 校長, A6). Everything else is vacant, so
 * tests appoint what they need as the people the rule names: `appoint('tokyoPrincipal', role, person, …)`
 * acts through `as('tokyoPrincipal')`, the context built from that person's current appointments.
 * `tokyoRetired` is the one inactive person.
 *
 * Every person here is fictional.
 */
import { expect } from 'vitest';
import type { ErrorCode } from '../../shared/errors.ts';
import type { AppointInput } from '../../shared/api/organisation.ts';
import { ROLE_RULES, type PersonKind, type Role } from '../../shared/roles.ts';
import type { Services } from '../../server/app.ts';
import { systemCtx, type Ctx } from '../../server/platform/context.ts';
import type { LedgerEntry } from '../../server/platform/ledger/index.ts';

type UnitKey = 'hq' | 'tokyo' | 'nagaoka';
type SectionKey = 'somu' | 'jinji' | 'kyuyo' | `${'tokyo' | 'nagaoka'}${'Gakusei' | 'Kyomu' | 'Tosho'}`;

interface PersonSeed {
  name: [family: string, given: string, familyKana: string, givenKana: string];
  kind: PersonKind;
  title: string;
  unit: UnitKey;
  section?: SectionKey;
}

const PEOPLE = {
  president: { name: ['森田', '健一', 'モリタ', 'ケンイチ'], kind: 'officer', title: '理事長', unit: 'hq' },
  director1: { name: ['青木', '和夫', 'アオキ', 'カズオ'], kind: 'officer', title: '理事', unit: 'hq' },
  director2: { name: ['石川', '真理', 'イシカワ', 'マリ'], kind: 'officer', title: '理事', unit: 'hq' },
  auditor: { name: ['上田', '直樹', 'ウエダ', 'ナオキ'], kind: 'officer', title: '監事', unit: 'hq' },
  secretaryGeneral: {
    name: ['遠藤', '浩二', 'エンドウ', 'コウジ'],
    kind: 'staff',
    title: '事務局長',
    unit: 'hq',
    section: 'somu',
  },
  somuHead: {
    name: ['岡本', '由美', 'オカモト', 'ユミ'],
    kind: 'staff',
    title: '総務課長',
    unit: 'hq',
    section: 'somu',
  },
  kyuyoHead: {
    name: ['加藤', '誠', 'カトウ', 'マコト'],
    kind: 'staff',
    title: '給与係長',
    unit: 'hq',
    section: 'kyuyo',
  },
  kyuyoStaff: {
    name: ['木村', 'さくら', 'キムラ', 'サクラ'],
    kind: 'staff',
    title: '事務職員',
    unit: 'hq',
    section: 'kyuyo',
  },
  sysadmin: {
    name: ['工藤', '翔', 'クドウ', 'ショウ'],
    kind: 'staff',
    title: 'システム管理者',
    unit: 'hq',
    section: 'somu',
  },
  tokyoPrincipal: {
    name: ['小林', '正人', 'コバヤシ', 'マサト'],
    kind: 'staff',
    title: '校長',
    unit: 'tokyo',
  },
  tokyoKyomuHead: {
    name: ['佐藤', '花子', 'サトウ', 'ハナコ'],
    kind: 'staff',
    title: '教務係長',
    unit: 'tokyo',
    section: 'tokyoKyomu',
  },
  tokyoKyomuStaff1: {
    name: ['清水', '大輔', 'シミズ', 'ダイスケ'],
    kind: 'staff',
    title: '事務職員',
    unit: 'tokyo',
    section: 'tokyoKyomu',
  },
  tokyoKyomuStaff2: {
    name: ['鈴木', '美咲', 'スズキ', 'ミサキ'],
    kind: 'dispatched',
    title: '事務補佐員',
    unit: 'tokyo',
    section: 'tokyoKyomu',
  },
  tokyoToshoHead: {
    name: ['瀬川', '恵', 'セガワ', 'メグミ'],
    kind: 'staff',
    title: '図書係長',
    unit: 'tokyo',
    section: 'tokyoTosho',
  },
  tokyoRetired: {
    name: ['園田', '勇', 'ソノダ', 'イサム'],
    kind: 'staff',
    title: '事務職員',
    unit: 'tokyo',
    section: 'tokyoTosho',
  },
  nagaokaPrincipal: {
    name: ['田中', '修', 'タナカ', 'オサム'],
    kind: 'staff',
    title: '校長',
    unit: 'nagaoka',
  },
  nagaokaKyomuHead: {
    name: ['千葉', '理恵', 'チバ', 'リエ'],
    kind: 'staff',
    title: '教務係長',
    unit: 'nagaoka',
    section: 'nagaokaKyomu',
  },
  nagaokaStaff: {
    name: ['土屋', '亮', 'ツチヤ', 'リョウ'],
    kind: 'staff',
    title: '事務職員',
    unit: 'nagaoka',
    section: 'nagaokaTosho',
  },
} satisfies Record<string, PersonSeed>;

export type PersonKey = keyof typeof PEOPLE;
type AppointDetails = Omit<AppointInput, 'role' | 'personId' | 'basis'>;
export type Org = Awaited<ReturnType<typeof buildOrg>>;

/** Builds the organisation above on the services' database; returns its ids, `as(person)` and `appoint(…)`. */
export async function buildOrg(services: Services) {
  const sys = systemCtx('test fixture');
  const {
    units: unitService,
    sections: sectionService,
    people: personService,
    appointments,
  } = services.organisation;

  const unit = async (code: UnitKey, name: string, shortName: string, kind: 'headquarters' | 'college') =>
    (await unitService.create(sys, { code, name, shortName, kind })).id;
  const units: Record<UnitKey, string> = {
    hq: await unit('hq', '本部事務局', '本部', 'headquarters'),
    tokyo: await unit('tokyo', '東京工業高等専門学校', '東京', 'college'),
    nagaoka: await unit('nagaoka', '長岡工業高等専門学校', '長岡', 'college'),
  };

  // handlesPersonalInfo: 保有個人情報を取り扱う課等 (A6); handlesMyNumber: 特定個人情報等も (A7の2).
  const section = async (
    unitKey: UnitKey,
    name: string,
    flags: { handlesPersonalInfo?: boolean; handlesMyNumber?: boolean; parentId?: string } = {},
  ) =>
    (await sectionService.create(sys, { unitId: units[unitKey], name, handlesPersonalInfo: false, ...flags }))
      .id;
  const jinji = await section('hq', '人事課');
  const sections = {
    somu: await section('hq', '総務課', { handlesPersonalInfo: true }),
    jinji,
    kyuyo: await section('hq', '給与係', {
      handlesPersonalInfo: true,
      handlesMyNumber: true,
      parentId: jinji,
    }),
  } as Record<SectionKey, string>;
  for (const college of ['tokyo', 'nagaoka'] as const) {
    const gakusei = await section(college, '学生課');
    sections[`${college}Gakusei`] = gakusei;
    sections[`${college}Kyomu`] = await section(college, '教務係', {
      handlesPersonalInfo: true,
      parentId: gakusei,
    });
    sections[`${college}Tosho`] = await section(college, '図書係', { handlesPersonalInfo: true });
  }

  const people = {} as Record<PersonKey, string>;
  let serial = 0;
  for (const [key, p] of Object.entries(PEOPLE) as [PersonKey, PersonSeed][]) {
    const [familyName, givenName, familyNameKana, givenNameKana] = p.name;
    const created = await personService.create(sys, {
      employeeNumber: `T${String(++serial).padStart(4, '0')}`,
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      email: `${key.toLowerCase()}@example.jp`,
      kind: p.kind,
      title: p.title,
      unitId: units[p.unit],
      sectionId: p.section ? sections[p.section] : null,
    });
    people[key] = created.id;
  }
  await personService.update(sys, people.tokyoRetired, { active: false });

  /** The context of a person, from their appointments as they stand now (so rebuild it after a change). */
  async function as(key: PersonKey): Promise<Ctx> {
    const ctx = await services.identity.ctxFor(
      people[key],
      { ip: null, userAgent: null, requestId: null },
      null,
    );
    if (!ctx) throw new Error(`${key} cannot act (inactive?)`);
    return ctx;
  }

  /** `by` appoints `person` to `role` (`by` 'system' for the system actor), over the scope and term in `details`. */
  async function appoint(
    by: PersonKey | 'system',
    role: Role,
    person: PersonKey,
    details: AppointDetails = {},
  ) {
    const ctx = by === 'system' ? sys : await as(by);
    return appointments.appoint(ctx, {
      role,
      personId: people[person],
      basis: `規則第65号（${ROLE_RULES[role].article}）による`,
      ...details,
    });
  }

  const appointed = {
    president: (await appoint('system', 'president', 'president')).id,
    sysadmin: (await appoint('system', 'system_administrator', 'sysadmin')).id,
    hqChief: (
      await appoint('president', 'chief_protection_manager', 'secretaryGeneral', { unitId: units.hq })
    ).id,
    tokyoChief: (
      await appoint('president', 'chief_protection_manager', 'tokyoPrincipal', { unitId: units.tokyo })
    ).id,
    tokyoKyomuManager: (
      await appoint('tokyoPrincipal', 'protection_manager', 'tokyoKyomuHead', {
        sectionId: sections.tokyoKyomu,
      })
    ).id,
  };

  return { services, sys, units, sections, people, appointed, as, appoint };
}

// ───────────────────────── assertions shared by the organisation tests ─────────────────────────

const TABLES = ['units', 'sections', 'people', 'appointments'] as const;

/** Row counts of the organisation tables and of audit events other than denials (which are meant to be written). */
export async function snapshot(services: Services) {
  const db = services.database.db;
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const audit = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '<>', 'authz.denied')
    .executeTakeFirstOrThrow();
  counts.auditEvents = Number(audit.n);
  return counts;
}

/**
 * Expects `call` to be refused with `code` (an AppError with that code) and to write nothing: no unit,
 * section, person or appointment, and no audit event. Returns the error for further checks.
 */
export async function expectRefused(services: Services, code: ErrorCode, call: () => Promise<unknown>) {
  const before = await snapshot(services);
  const error = await call().then(
    () => expect.unreachable(`expected ${code}`),
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code });
  expect(await snapshot(services)).toEqual(before);
  return error as { code: string; status: number; details?: { row?: number; code: string }[] };
}

/** Runs `call`, expects exactly one new audit event of `type`, and returns the result with that event. */
export async function expectAudited<T>(
  services: Services,
  type: string,
  call: () => Promise<T>,
): Promise<{ result: T; event: LedgerEntry }> {
  const db = services.database.db;
  const before = await services.ledger.count(db, { type });
  const result = await call();
  expect(await services.ledger.count(db, { type })).toBe(before + 1);
  const [event] = await services.ledger.list(db, { type, limit: 1 });
  return { result, event: event! };
}

/** The number of audit events of a type. */
export const auditCount = (services: Services, type: string) =>
  services.ledger.count(services.database.db, { type });
