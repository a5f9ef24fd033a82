/**
 * Vault files for tests (issue 6), on the organisation of org-fixture.ts:
 * - 学籍ファイル of 東京 教務係 (and the same file of 長岡 教務係), opened in the vault with a schema of
 *   student number (key, exact search), name (prefix search), kana, birth date, class (the scope
 *   field), phone, and a 要配慮 health note;
 * - 給与・源泉徴収ファイル of 本部 給与係 with My Numbers (approved by the 総括管理者, A20-5).
 * Every student and number here is fictional; the My Numbers pass the check digit.
 */
import type { FieldDefinitionInput } from '../../shared/vault/index.ts';
import type { GrantInput } from '../../shared/api/vault.ts';
import type { Services } from '../../server/app.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { buildOrg, type PersonKey } from './org-fixture.ts';
import { fileAt } from './register-fixture.ts';

export const STUDENT_FIELDS: FieldDefinitionInput[] = [
  {
    key: 'student_number',
    label: '学生番号',
    type: 'text',
    sensitivity: 'normal',
    required: true,
    searchable: 'exact',
  },
  { key: 'name', label: '氏名', type: 'text', sensitivity: 'normal', required: true, searchable: 'prefix' },
  { key: 'kana', label: 'フリガナ', type: 'kana', sensitivity: 'normal', searchable: 'exact' },
  { key: 'birth_date', label: '生年月日', type: 'date', sensitivity: 'normal' },
  { key: 'class', label: '学科・学年・クラス', type: 'text', sensitivity: 'normal' },
  { key: 'phone', label: '電話番号', type: 'phone', sensitivity: 'normal', searchable: 'exact' },
  { key: 'health', label: '健康上の配慮', type: 'note', sensitivity: 'sensitive' },
];

export const PAYROLL_FIELDS: FieldDefinitionInput[] = [
  {
    key: 'employee_number',
    label: '職員番号',
    type: 'text',
    sensitivity: 'normal',
    required: true,
    searchable: 'exact',
  },
  { key: 'name', label: '氏名', type: 'text', sensitivity: 'normal', required: true },
  { key: 'my_number', label: '個人番号', type: 'my_number', sensitivity: 'my_number', searchable: 'exact' },
];

/** Fictional My Numbers that pass the check digit. */
export const MY_NUMBERS = ['123456789018', '987654321096', '111111111118'];

export const STUDENT_PURPOSES = [
  { code: 'enrolment', label: '学籍管理', myNumberAct: false },
  { code: 'certificates', label: '証明書の発行', myNumberAct: false },
];
export const PAYROLL_PURPOSES = [
  { code: 'payroll', label: '給与の支払', myNumberAct: false },
  { code: 'withholding', label: '源泉徴収票の作成（番号法第9条）', myNumberAct: true },
];

export type VaultOrg = Awaited<ReturnType<typeof buildVaultOrg>>;

/** The organisation, the files opened in the vault, and helpers to grant and act. */
export async function buildVaultOrg(services: Services, opts: { important?: boolean } = {}) {
  const org = await buildOrg(services);
  const { sys, units, sections } = org;
  const register = async (unit: 'tokyo' | 'nagaoka' | 'hq', section: string, over = {}) =>
    fileAt(services, { unitId: units[unit], sectionId: section }, 'registered', over);

  const tokyoFile = await register('tokyo', sections.tokyoKyomu);
  const nagaokaFile = await register('nagaoka', sections.nagaokaKyomu);
  const payrollFile = await register('hq', sections.kyuyo, {
    name: '給与・源泉徴収ファイル',
    department: '本部事務局 人事課給与係',
    recordItems: ['職員番号', '氏名', '個人番号'],
    myNumber: true,
  });
  await services.register.files.approveMyNumber(sys, payrollFile);

  const open = (fileId: string, fields: FieldDefinitionInput[], purposes: object[], extra = {}) =>
    services.vault.files.open(sys, fileId, {
      fields,
      purposes,
      important: opts.important ?? false,
      keyField: fields[0]!.key,
      ...extra,
    });
  await open(tokyoFile, STUDENT_FIELDS, STUDENT_PURPOSES, { scopeField: 'class', expectedRecords: 200 });
  await open(nagaokaFile, STUDENT_FIELDS, STUDENT_PURPOSES, { scopeField: 'class', expectedRecords: 200 });
  await open(payrollFile, PAYROLL_FIELDS, PAYROLL_PURPOSES, { expectedRecords: 100 });

  /** The system grants `person` on `fileId` (any field of GrantInput overridden). */
  const grant = (fileId: string, person: PersonKey, over: Partial<GrantInput> = {}) =>
    services.vault.grants.grant(sys, fileId, {
      personId: org.people[person],
      permissions: ['read', 'reveal', 'create', 'update', 'export'],
      validFrom: '2026-04-01',
      validUntil: '2027-03-31',
      reason: '教務係の学籍事務のため',
      ...over,
    });

  /** A student record created by the system (purpose enrolment); its id. */
  async function student(fileId: string, values: Record<string, unknown>, ctx: Ctx = sys) {
    return (await services.vault.records.create(ctx, fileId, { purpose: 'enrolment', values })).id;
  }

  return { ...org, org, tokyoFile, nagaokaFile, payrollFile, grant, student };
}

/** Ten fictional students of one class or another. */
export const students = (prefix: string, n = 10) =>
  Array.from({ length: n }, (_, i) => ({
    student_number: `${prefix}${String(i + 1).padStart(4, '0')}`,
    name: `${['高専', '山川', '海野', '森下', '川辺'][i % 5]} ${['一郎', '花子', '次郎', '桜', '健'][i % 5]}${i}`,
    kana: `コウセン イチロウ`,
    birth_date: '2008-04-0' + String((i % 9) + 1),
    class: i % 2 === 0 ? '情報工学科3年' : '機械工学科3年',
    phone: `090-0000-${String(1000 + i)}`,
    health: i === 0 ? '食物アレルギー（架空）' : '',
  }));
