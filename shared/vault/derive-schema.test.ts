import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveSchema, type DerivedSchema } from './derive-schema.ts';
import { recordSchema } from './field-types.ts';

/**
 * The 記録項目 of the demo register (server/modules/register/demo-register.ts, which does not export
 * them), with the entry's 要配慮 and My Number flags.
 */
const DEMO: { no: number; items: string; sensitive: boolean; myNumber?: boolean }[] = [
  {
    no: 1,
    items:
      '学生番号,氏名,フリガナ,性別,生年月日,本籍地（都道府県）,現住所,電話番号,保証人氏名・住所・続柄,出身中学校,入学年月日,学科・学年・クラス,異動（休学・退学・転科）年月日,卒業年月日',
    sensitive: false,
  },
  { no: 2, items: '学生番号,学科,氏名,年度,学期,科目コード,評点,評価,単位,GPA', sensitive: false },
  { no: 3, items: '学籍の記録,各教科の評定,出欠の記録,特別活動の記録,総合所見', sensitive: false },
  { no: 4, items: '学生番号,氏名,授業科目,日付,出欠区分,欠席理由', sensitive: true },
  {
    no: 5,
    items: '受験番号,氏名,性別,生年月日,住所,出身中学校,調査書評定,学力検査得点,面接評価,合否',
    sensitive: false,
  },
  { no: 6, items: '受験番号,氏名,生年月日,出身学校,成績証明,得点,合否', sensitive: false },
  {
    no: 7,
    items: '学生番号,氏名,身長・体重,視力・聴力,尿検査,胸部X線所見,心電図所見,既往歴,事後措置',
    sensitive: true,
  },
  { no: 8, items: '学生番号,氏名,相談日時,相談者区分,相談内容,対応,関係機関', sensitive: true },
  { no: 9, items: '学生番号,氏名,障害の状況,診断書等,配慮内容,合意記録', sensitive: true },
  { no: 10, items: '学生番号,氏名,家計支持者,所得,家族構成,減免区分', sensitive: false },
  { no: 11, items: '学生番号,氏名,奨学生番号,支援区分,適格認定結果', sensitive: false },
  { no: 12, items: '学生番号,氏名,居室番号,保証人連絡先,食事区分,アレルギー,外泊届', sensitive: true },
  { no: 13, items: '学生番号,氏名,部・団体名,大会名,成績', sensitive: false },
  { no: 14, items: '学生番号,氏名,学科,進路区分,就職先・進学先,内定日', sensitive: false },
  { no: 15, items: '卒業年度,学科,氏名,旧姓,連絡先', sensitive: false },
  { no: 16, items: '申請日,学生番号／卒業年度,氏名,証明書種別,部数,提出先', sensitive: false },
  { no: 17, items: '利用者番号,氏名,所属,貸出履歴,延滞', sensitive: false },
  { no: 18, items: 'アカウントID,氏名,所属,メールアドレス,権限,利用ログ', sensitive: false },
  { no: 19, items: '氏名,年齢,住所,連絡先,受講講座', sensitive: false },
  { no: 20, items: '企業名,担当者氏名,連絡先,契約番号', sensitive: false },
  { no: 21, items: '職員番号,氏名,生年月日,学歴,職歴,発令,懲戒', sensitive: true },
  { no: 22, items: '職員番号,氏名,俸給,手当,控除,扶養親族,個人番号', sensitive: false, myNumber: true },
  { no: 23, items: '職員番号,氏名,健診結果,事後措置', sensitive: true },
  { no: 24, items: '氏名,住所,口座,支払額,個人番号', sensitive: false, myNumber: true },
];

const derive = (no: number, myNumber?: boolean): DerivedSchema => {
  const f = DEMO.find((d) => d.no === no)!;
  return deriveSchema(f.items.split(','), {
    sensitive: f.sensitive,
    myNumber: myNumber ?? f.myNumber ?? false,
  });
};
const fieldOf = (d: DerivedSchema, label: string) => d.schema.fields.find((f) => f.label === label)!;
const warningsOf = (d: DerivedSchema, item: string) =>
  d.warnings.filter((w) => w.item === item).map((w) => w.code);

describe('the record schema derived from the register’s 記録項目', () => {
  it.each(DEMO.map((d) => [d.no]))(
    'file %i: a valid version 1 schema, one field per item, in order',
    (no) => {
      const f = DEMO.find((d) => d.no === no)!;
      const d = derive(no);
      expect(recordSchema.safeParse(d.schema).success).toBe(true);
      expect(d.schema.version).toBe(1);
      expect(d.schema.fields.map((x) => x.source)).toEqual(f.items.split(','));
      expect(d.schema.fields.map((x) => x.label)).toEqual(f.items.split(','));
    },
  );

  it('types the items of the 学籍ファイル', () => {
    const d = derive(1);
    const shape = Object.fromEntries(
      d.schema.fields.map((f) => [
        f.label,
        `${f.key} ${f.type}${f.required ? ' required' : ''} ${f.searchable}`,
      ]),
    );
    expect(shape).toEqual({
      学生番号: 'student_number text exact',
      氏名: 'name text required exact',
      フリガナ: 'name_kana kana exact',
      性別: 'f04 text none',
      生年月日: 'birth_date date none',
      '本籍地（都道府県）': 'f06 text none',
      現住所: 'address postal_address none',
      電話番号: 'phone phone none',
      '保証人氏名・住所・続柄': 'f09 text none',
      出身中学校: 'f10 text none',
      入学年月日: 'f11 date none',
      '学科・学年・クラス': 'f12 text none',
      '異動（休学・退学・転科）年月日': 'f13 date none',
      卒業年月日: 'f14 date none',
    });
    expect(d.schema.fields.every((f) => f.sensitivity === 'normal')).toBe(true);
  });

  it('keeps 保証人氏名・住所・続柄 as one text field and says so', () => {
    const d = derive(1);
    expect(fieldOf(d, '保証人氏名・住所・続柄')).toMatchObject({ type: 'text', required: false });
    expect(warningsOf(d, '保証人氏名・住所・続柄')).toEqual(['combined_item']);
  });

  it('leaves 性別 a text until its choices are entered, and says so', () => {
    expect(warningsOf(derive(1), '性別')).toEqual(['choice_needs_choices']);
    expect(warningsOf(derive(5), '合否')).toEqual(['choice_needs_choices']);
  });

  it('types numbers, dates, mail and identifiers elsewhere in the register', () => {
    expect(fieldOf(derive(2), '評点').type).toBe('number');
    expect(fieldOf(derive(2), 'GPA').type).toBe('number');
    expect(fieldOf(derive(2), '科目コード')).toMatchObject({ type: 'text', searchable: 'exact' });
    expect(fieldOf(derive(5), '学力検査得点').type).toBe('number');
    expect(fieldOf(derive(19), '年齢').type).toBe('number');
    expect(fieldOf(derive(24), '支払額').type).toBe('number');
    expect(fieldOf(derive(4), '日付').type).toBe('date');
    expect(fieldOf(derive(14), '内定日').type).toBe('date');
    expect(fieldOf(derive(16), '申請日').type).toBe('date');
    expect(fieldOf(derive(18), 'メールアドレス')).toMatchObject({ key: 'mail', type: 'mail' });
    expect(fieldOf(derive(18), 'アカウントID')).toMatchObject({ type: 'text', searchable: 'exact' });
    expect(fieldOf(derive(21), '職員番号')).toMatchObject({ key: 'staff_number', searchable: 'exact' });
    expect(fieldOf(derive(5), '受験番号')).toMatchObject({ key: 'applicant_number', searchable: 'exact' });
    expect(fieldOf(derive(18), '利用ログ').type).toBe('note');
    expect(fieldOf(derive(3), '総合所見').type).toBe('note');
  });

  it('keeps the time of a 日時 by leaving it a text, and a 成績 a text that may be 優勝', () => {
    expect(fieldOf(derive(8), '相談日時').type).toBe('text');
    expect(warningsOf(derive(8), '相談日時')).toContain('datetime_as_text');
    expect(fieldOf(derive(13), '成績').type).toBe('text');
    expect(warningsOf(derive(13), '成績')).toEqual(['maybe_number']);
    expect(fieldOf(derive(6), '成績証明').type).toBe('text');
  });

  it('requires only the first name of a file (the person’s own), 担当者氏名 included', () => {
    expect(fieldOf(derive(20), '担当者氏名')).toMatchObject({ type: 'text', required: true, key: 'f02' });
    const d = deriveSchema(['氏名', '保証人氏名'], { sensitive: false, myNumber: false });
    expect(d.schema.fields.map((f) => f.required)).toEqual([true, false]);
  });
});

describe('A25: 要配慮 items are sensitive', () => {
  it.each([
    [7, ['身長・体重', '視力・聴力', '尿検査', '胸部X線所見', '心電図所見', '既往歴', '事後措置']],
    [8, ['相談内容']],
    [9, ['障害の状況', '診断書等', '配慮内容']],
    [12, ['アレルギー']],
    [23, ['健診結果', '事後措置']],
  ])('file %i: %j', (no, labels) => {
    const d = derive(no);
    for (const label of labels)
      expect(fieldOf(d, label)).toMatchObject({ sensitivity: 'sensitive', type: 'note' });
    for (const f of d.schema.fields.filter((x) => !labels.includes(x.label)))
      expect(f.sensitivity).toBe('normal');
  });

  it('does not read 学力検査 as a health check nor 総合所見 as a doctor’s finding', () => {
    expect(fieldOf(derive(5), '学力検査得点').sensitivity).toBe('normal');
    expect(fieldOf(derive(3), '総合所見').sensitivity).toBe('normal');
  });

  it('asks the staff to check the open items of a 要配慮 file', () => {
    const d = derive(4);
    expect(warningsOf(d, '欠席理由')).toEqual(['check_sensitivity']);
    expect(warningsOf(d, '学生番号')).toEqual([]);
    expect(warningsOf(derive(21), '懲戒')).toEqual(['default_text', 'check_sensitivity']);
  });

  it('encrypts a 病歴 as 要配慮 even when the register says the file holds none, and says so', () => {
    const d = deriveSchema(['学生番号', '氏名', '病歴'], { sensitive: false, myNumber: false });
    expect(fieldOf(d, '病歴')).toMatchObject({ sensitivity: 'sensitive', type: 'note', searchable: 'none' });
    expect(warningsOf(d, '病歴')).toEqual(['sensitive_not_in_register']);
  });
});

describe('A20-5 / A7の2: My Number fields only in a file registered as holding them', () => {
  it.each([22, 24])('file %i: 個人番号 is a My Number field, not searchable by default', (no) => {
    const d = derive(no);
    expect(fieldOf(d, '個人番号')).toMatchObject({
      key: 'my_number',
      type: 'my_number',
      sensitivity: 'my_number',
      searchable: 'none',
    });
    expect(d.schema.fields.filter((f) => f.sensitivity === 'my_number')).toHaveLength(1);
  });

  it.each([22, 24])('file %i without the flag: 個人番号 is a text with a warning', (no) => {
    const d = derive(no, false);
    expect(fieldOf(d, '個人番号')).toMatchObject({ type: 'text', sensitivity: 'normal' });
    expect(fieldOf(d, '個人番号').key).toMatch(/^f\d+$/);
    expect(d.schema.fields.some((f) => f.type === 'my_number' || f.sensitivity === 'my_number')).toBe(false);
    expect(warningsOf(d, '個人番号')).toEqual(['my_number_not_registered']);
  });

  it('no demo file without the flag gets a My Number field', () => {
    for (const f of DEMO.filter((x) => !x.myNumber))
      expect(derive(f.no, false).schema.fields.every((x) => x.type !== 'my_number')).toBe(true);
  });

  it('reads マイナンバー too', () => {
    expect(deriveSchema(['マイナンバー'], { sensitive: false, myNumber: true }).schema.fields[0]?.type).toBe(
      'my_number',
    );
  });
});

describe('keys', () => {
  it('are the same every time for the same items', () => {
    const items = DEMO[0]!.items.split(',');
    expect(deriveSchema(items, { sensitive: false, myNumber: false })).toEqual(
      deriveSchema(items, { sensitive: false, myNumber: false }),
    );
  });

  it('stay distinct when an item is listed twice, and blank items are skipped', () => {
    const d = deriveSchema(['氏名', '氏名', ' ', '住所', '住所'], { sensitive: false, myNumber: false });
    expect(d.schema.fields.map((f) => f.key)).toEqual(['name', 'f02', 'address', 'f04']);
  });

  it('clips a long item to a 100-character label and keeps it whole as the source', () => {
    const item = 'あ'.repeat(150);
    const f = deriveSchema([item], { sensitive: false, myNumber: false }).schema.fields[0]!;
    expect(f.label).toHaveLength(100);
    expect(f.source).toBe(item);
  });

  it('clips without splitting a character outside the BMP (𠮷)', () => {
    const f = deriveSchema(['𠮷'.repeat(99)], { sensitive: false, myNumber: false }).schema.fields[0]!;
    expect(f.label).toBe('𠮷'.repeat(50));
    expect(f.source).toBe('𠮷'.repeat(99));
  });

  it('throws when there is no item', () => {
    expect(() => deriveSchema([], { sensitive: false, myNumber: false })).toThrow(RangeError);
    expect(() => deriveSchema(['  '], { sensitive: false, myNumber: false })).toThrow(RangeError);
  });
});

describe('whatever the register lists', () => {
  it('derives a valid schema, with My Number fields only when the file may hold them', () => {
    const words = [
      '氏名',
      'フリガナ',
      '個人番号',
      '生年月日',
      '住所',
      '電話',
      'メール',
      '病歴',
      '番号',
      '区分',
      '・',
      '（',
      '）',
      '日',
      '額',
      'x',
    ];
    const item = fc
      .array(
        fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 })),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((p) => p.join('').slice(0, 200))
      .filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        (items, sensitive, myNumber) => {
          const { schema } = deriveSchema(items, { sensitive, myNumber });
          expect(recordSchema.safeParse(schema).success).toBe(true);
          if (!myNumber) expect(schema.fields.every((f) => f.type !== 'my_number')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
