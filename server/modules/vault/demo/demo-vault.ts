import type { GrantInput, OpenFileInput } from '../../../../shared/api/vault.ts';
import { myNumberCheckDigit, type FieldDefinitionInput } from '../../../../shared/vault/index.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { VaultModule } from '../index.ts';
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from '../../organisation/demo/demo-names.ts';
import { prng } from '../../organisation/demo/demo-dataset.ts';

/**
 * The demo's vault (issue 6, demo-data.md): fictional students in the 学籍ファイル, the
 * 学生定期健康診断ファイル and the 成績ファイル of 東京, fictional staff with fictional My Numbers (passing the check
 * digit) in the headquarters' 給与・源泉徴収ファイル; grants to the demo sign-ins so that search,
 * masking, reveals, a check awaiting a second person (A26) and denials can be tried.
 */

const text = (
  key: string,
  label: string,
  extra: Partial<FieldDefinitionInput> = {},
): FieldDefinitionInput => ({
  key,
  label,
  type: 'text',
  sensitivity: 'normal',
  source: label,
  ...extra,
});
const date = (key: string, label: string): FieldDefinitionInput => ({ ...text(key, label), type: 'date' });
const sensitiveNote = (key: string, label: string, source = label): FieldDefinitionInput => ({
  ...text(key, label),
  type: 'note',
  sensitivity: 'sensitive',
  source,
});

export const STUDENT_FIELDS: FieldDefinitionInput[] = [
  text('student_number', '学生番号', { required: true, searchable: 'exact' }),
  text('name', '氏名', { required: true, searchable: 'prefix' }),
  { ...text('name_kana', 'フリガナ', { searchable: 'exact' }), type: 'kana' },
  { ...text('gender', '性別'), type: 'choice', choices: ['男', '女', '回答しない'] },
  // Issue 12: searchable by the whole date, to find a requester's records (法76, 法77-1-2).
  { ...date('birth_date', '生年月日'), searchable: 'exact' },
  text('home_prefecture', '本籍地（都道府県）'),
  { ...text('address', '現住所'), type: 'postal_address' },
  { ...text('phone', '電話番号', { searchable: 'exact' }), type: 'phone' },
  text('guardian', '保証人氏名・住所・続柄', { maxLength: 300 }),
  text('junior_high', '出身中学校'),
  date('admission_date', '入学年月日'),
  text('class', '学科・学年・クラス'),
  date('change_date', '異動（休学・退学・転科）年月日'),
  // The reason of a leave of absence may be an illness: kept as 要配慮 and masked until revealed.
  sensitiveNote('leave_reason', '異動事由', '異動（休学・退学・転科）年月日'),
  date('graduation_date', '卒業年月日'),
];

const HEALTH_FIELDS: FieldDefinitionInput[] = [
  text('student_number', '学生番号', { required: true, searchable: 'exact' }),
  text('name', '氏名', { required: true, searchable: 'prefix' }),
  sensitiveNote('height_weight', '身長・体重'),
  sensitiveNote('vision_hearing', '視力・聴力'),
  sensitiveNote('urine', '尿検査'),
  sensitiveNote('xray', '胸部X線所見'),
  sensitiveNote('history', '既往歴'),
  sensitiveNote('follow_up', '事後措置'),
];

/** 成績ファイル (issue 12): one line of a term's grade, so that a student is in three files of 東京. */
const GRADE_FIELDS: FieldDefinitionInput[] = [
  text('student_number', '学生番号', { required: true, searchable: 'exact' }),
  text('department', '学科'),
  text('name', '氏名', { required: true, searchable: 'prefix' }),
  { ...text('year', '年度'), type: 'number' },
  { ...text('term', '学期'), type: 'choice', choices: ['前期', '後期', '通年'] },
  text('course_code', '科目コード'),
  { ...text('score', '評点'), type: 'number' },
  { ...text('grade', '評価'), type: 'choice', choices: ['優', '良', '可', '不可'] },
  { ...text('credits', '単位'), type: 'number' },
  text('gpa', 'GPA'),
];

const PAYROLL_FIELDS: FieldDefinitionInput[] = [
  text('staff_number', '職員番号', { required: true, searchable: 'exact' }),
  text('name', '氏名', { required: true, searchable: 'prefix' }),
  { ...text('salary', '俸給（月額）'), type: 'number' },
  text('allowances', '手当'),
  text('deductions', '控除'),
  text('dependants', '扶養親族'),
  { ...text('my_number', '個人番号', { searchable: 'exact' }), type: 'my_number', sensitivity: 'my_number' },
];

const DEPARTMENTS = ['機械工学科', '電気工学科', '電子工学科', '情報工学科', '物質工学科'];
const PREFECTURES = ['東京都', '神奈川県', '埼玉県', '山梨県', '千葉県'];
const TOWNS = ['八王子市椚田町', '八王子市館町', '日野市程久保', '相模原市緑区橋本', '町田市相原町'];
const LEAVES = ['病気療養のため休学（診断書あり）', '家庭の事情により休学', '留学のため休学'];

export interface DemoVaultWhere {
  /** Register file ids by name (東京's and the headquarters' files). */
  file(unit: 'tokyo' | 'hq', name: string): string | undefined;
  /** The context of a demo person by employee number (for grants made by a 保護管理者). */
  ctxOf(employeeNumber: string): Promise<Ctx>;
  /** A person's id by employee number. */
  personId(employeeNumber: string): string;
  today: string;
}

/** A fictional student of the demo's 学籍ファイル (issue 12's demo asks for one's records). */
export interface DemoStudent {
  number: string;
  name: string;
  nameKana: string;
  birthDate: string;
  department: string;
}

/** Loads the demo vault; returns how many records it created and the students of the 学籍ファイル. */
export async function loadDemoVault(
  vault: VaultModule,
  system: Ctx,
  where: DemoVaultWhere,
): Promise<{ records: number; students: DemoStudent[] }> {
  const rng = prng(0x7661756c); // 'vaul'
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
  const fiscalYear = Number(where.today.slice(0, 4)) - (where.today.slice(5, 7) < '04' ? 1 : 0);
  const validity = { validFrom: `${fiscalYear}-04-01`, validUntil: `${fiscalYear + 1}-03-31` };
  let made = 0;

  const open = async (fileId: string | undefined, input: OpenFileInput) => {
    if (!fileId) return null;
    await vault.files.open(system, fileId, input);
    return fileId;
  };
  const grant = (by: Ctx, fileId: string, employeeNumber: string, g: Partial<GrantInput>) =>
    vault.grants.grant(by, fileId, {
      personId: where.personId(employeeNumber),
      permissions: ['read'],
      reason: '担当事務のため',
      ...validity,
      ...g,
    });

  // 学籍ファイル of 東京: 200 students of five departments and five years.
  const gakuseki = await open(where.file('tokyo', '学籍ファイル'), {
    fields: STUDENT_FIELDS,
    purposes: [
      { code: 'enrolment', label: '学籍管理（入学・在学・休学・退学・卒業）', myNumberAct: false },
      { code: 'certificates', label: '在学・卒業等の証明書の発行', myNumberAct: false },
      { code: 'guidance', label: '修学指導・保証人への連絡', myNumberAct: false },
    ],
    important: false,
    keyField: 'student_number',
    scopeField: 'class',
    expectedRecords: 1000,
  });
  const students: DemoStudent[] = [];
  if (gakuseki) {
    for (let i = 0; i < 200; i++) {
      const [family, familyKana] = pick(FAMILY_NAMES);
      const male = rng() < 0.7;
      const [given, givenKana] = pick(male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
      const year = 1 + (i % 5);
      const admitted = fiscalYear - year + 1;
      const number = `${String(admitted).slice(2)}${String((i % 5) + 1)}${String(i + 1).padStart(3, '0')}`;
      const leave = i % 37 === 5;
      const birthDate = `${admitted - 15}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
      students.push({
        number,
        name: `${family} ${given}`,
        nameKana: `${familyKana} ${givenKana}`,
        birthDate,
        department: DEPARTMENTS[i % 5]!,
      });
      await vault.records.create(system, gakuseki, {
        purpose: 'enrolment',
        values: {
          student_number: number,
          name: `${family} ${given}`,
          name_kana: `${familyKana} ${givenKana}`,
          gender: male ? '男' : '女',
          birth_date: birthDate,
          home_prefecture: pick(PREFECTURES),
          address: `〒193-${String(800 + (i % 100)).padStart(4, '0')} 東京都${pick(TOWNS)}${1 + (i % 30)}-${1 + (i % 9)}`,
          phone: `090-${String(1000 + i).padStart(4, '0')}-${String(5000 + ((i * 37) % 4000)).padStart(4, '0')}`,
          guardian: `${family} ${pick(MALE_GIVEN_NAMES)[0]}（父）`,
          junior_high: `八王子市立第${1 + (i % 12)}中学校`,
          admission_date: `${admitted}-04-01`,
          class: `${DEPARTMENTS[i % 5]}${year}年`,
          change_date: leave ? `${fiscalYear}-10-01` : '',
          leave_reason: leave ? pick(LEAVES) : '',
          graduation_date: '',
        },
      });
      made += 1;
    }
    // Granted by the section's 保護管理者 (E150007) to the 保護担当者 (E150008), A11-1.
    const manager = await where.ctxOf('E150007');
    await grant(manager, gakuseki, 'E150008', {
      // Issue 7: also copy, send, take media out and dispose — each still approved where the rules say.
      permissions: [
        'read',
        'reveal',
        'create',
        'update',
        'export',
        'verify',
        'transmit',
        'take_out',
        'dispose',
      ],
      reason: '教務係の学籍事務（証明書発行・異動手続）を担当するため',
    });
  }

  // 学生定期健康診断ファイル of 東京 (要配慮, importance high): brought in before the 保護管理者 required
  // a second person's check (A26); the last two entries since then await it.
  const healthSettings = {
    purposes: [
      { code: 'checkup', label: '定期健康診断の実施と結果の管理', myNumberAct: false },
      { code: 'follow_up', label: '事後措置（再検査・保健指導）', myNumberAct: false },
    ],
    important: false,
    keyField: 'student_number',
    scopeField: null,
  };
  const health = await open(where.file('tokyo', '学生定期健康診断ファイル'), {
    fields: HEALTH_FIELDS,
    ...healthSettings,
    expectedRecords: 1000,
  });
  if (health)
    for (const [i, s] of students.slice(0, 40).entries()) {
      if (i === 38) await vault.files.updateSettings(system, health, { ...healthSettings, important: true });
      await vault.records.create(system, health, {
        purpose: 'checkup',
        values: {
          student_number: s.number,
          name: s.name,
          height_weight: `${150 + Math.floor(rng() * 35)}cm・${42 + Math.floor(rng() * 30)}kg`,
          vision_hearing:
            rng() < 0.8 ? '視力 1.0/1.0・聴力 異常なし' : '視力 0.3/0.4（要矯正）・聴力 異常なし',
          urine: rng() < 0.9 ? '異常なし' : '蛋白（±）再検査',
          xray: '異常なし',
          history: rng() < 0.85 ? 'なし' : '小児喘息（架空）',
          follow_up: '',
        },
      });
      made += 1;
    }

  // 給与・源泉徴収ファイル of the headquarters: My Numbers (A20-5 approved), handlers only (A7の2).
  const payroll = await open(where.file('hq', '給与・源泉徴収ファイル'), {
    fields: PAYROLL_FIELDS,
    purposes: [
      { code: 'payroll', label: '給与の支給', myNumberAct: false },
      {
        code: 'withholding',
        label: '源泉徴収票・給与支払報告書の作成（番号法第9条第1項）',
        myNumberAct: true,
      },
    ],
    important: false,
    keyField: 'staff_number',
    scopeField: null,
    expectedRecords: 500,
  });
  if (payroll) {
    for (let i = 0; i < 60; i++) {
      const [family] = pick(FAMILY_NAMES);
      const [given] = pick(rng() < 0.6 ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
      const first11 = Array.from({ length: 11 }, () => Math.floor(rng() * 10)).join('');
      await vault.records.create(system, payroll, {
        purpose: 'withholding',
        values: {
          staff_number: `P${String(9000 + i)}`,
          name: `${family} ${given}`,
          salary: 220_000 + Math.floor(rng() * 30) * 5_000,
          allowances: '地域手当・通勤手当',
          deductions: '共済掛金・所得税・住民税',
          dependants: rng() < 0.5 ? 'なし' : '配偶者、子1人',
          my_number: `${first11}${myNumberCheckDigit(first11)}`,
        },
      });
      made += 1;
    }
    // The 特定個人情報取扱担当者 (E000020); My Numbers show only on a handling-area terminal.
    await grant(system, payroll, 'E000020', {
      permissions: ['read', 'reveal', 'create', 'update', 'export'],
      reason: '源泉徴収票及び給与支払報告書の作成（特定個人情報取扱担当者）',
    });
  }
  // 成績ファイル of 東京 (issue 12): the first thirty students' grades of the first term, so that a
  // requester among them is found in three files (学籍, 健康診断, 成績) by the search of a request.
  const grades = await open(where.file('tokyo', '成績ファイル'), {
    fields: GRADE_FIELDS,
    purposes: [{ code: 'grading', label: '成績評価・進級及び卒業の認定', myNumberAct: false }],
    important: false,
    keyField: null,
    scopeField: null,
    expectedRecords: 5000,
  });
  if (grades)
    for (const s of students.slice(0, 30)) {
      const score = 55 + Math.floor(rng() * 45);
      await vault.records.create(system, grades, {
        purpose: 'grading',
        values: {
          student_number: s.number,
          department: s.department,
          name: s.name,
          year: fiscalYear,
          term: '前期',
          course_code: 'GEN101',
          score,
          grade: score >= 80 ? '優' : score >= 70 ? '良' : score >= 60 ? '可' : '不可',
          credits: 2,
          gpa: (score >= 80 ? 4 : score >= 70 ? 3 : score >= 60 ? 2 : 0).toFixed(1),
        },
      });
      made += 1;
    }
  return { records: made, students };
}
