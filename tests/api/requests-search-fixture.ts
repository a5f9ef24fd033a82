/**
 * What the tests of finding a requester's information share (issue 12; 法76, 法77-1-2): the requests
 * harness (tests/api/requests-fixture.ts) with four files of 東京 opened in the vault —
 * - 学籍ファイル (the harness's file; tests/support/vault-fixture.ts's schema: name by prefix, kana
 *   and student number exact, birth date not indexed);
 * - 学生定期健康診断ファイル (student number exact, name by prefix, a 要配慮 note);
 * - 修学支援新制度（給付奨学金）ファイル (student number, name and birth date indexed, and a My Number
 *   searchable by its whole value: never searched nor returned for a request);
 * - 出席簿ファイル (a name without an index: not searchable by index, to be looked through by hand).
 * The requester 架空 花子 is in the first three; a namesake with another birth date and student
 * number is in the 学籍ファイル. Every person, number and My Number is fictional.
 */
import type { FieldDefinitionInput } from '../../shared/vault/index.ts';
import type { DatabaseKind } from '../support/databases.ts';
import { fileAt } from '../support/register-fixture.ts';
import { MY_NUMBERS, STUDENT_FIELDS, STUDENT_PURPOSES } from '../support/vault-fixture.ts';
import { requestsHarness } from './requests-fixture.ts';

const field = (
  key: string,
  label: string,
  over: Partial<FieldDefinitionInput> = {},
): FieldDefinitionInput => ({ key, label, type: 'text', sensitivity: 'normal', ...over });

const HEALTH_FIELDS: FieldDefinitionInput[] = [
  field('student_number', '学生番号', { required: true, searchable: 'exact' }),
  field('name', '氏名', { searchable: 'prefix' }),
  field('xray', '胸部X線所見', { type: 'note', sensitivity: 'sensitive' }),
];
const AID_FIELDS: FieldDefinitionInput[] = [
  field('student_number', '学籍番号', { required: true, searchable: 'exact' }),
  field('full_name', '氏名（漢字）', { searchable: 'prefix' }),
  field('birthday', '生年月日', { type: 'date', searchable: 'exact' }),
  field('my_number', '個人番号', { type: 'my_number', sensitivity: 'my_number', searchable: 'exact' }),
];
const ROLL_FIELDS: FieldDefinitionInput[] = [
  field('name', '氏名'),
  field('attendance', '出欠', { type: 'note' }),
];

/** The requester's particulars at intake (requests-fixture.ts) and their records' values. */
export const REQUESTER = {
  name: '架空 花子',
  kana: 'カクウ ハナコ',
  birthDate: '2008-04-02',
  number: 'T24001',
};
export const MY_NUMBER = MY_NUMBERS[0]!;

export async function searchHarness(kind: DatabaseKind) {
  const h = await requestsHarness(kind);
  const { services, o } = h;
  const where = { unitId: o.units.tokyo, sectionId: o.sections.tokyoKyomu };
  const open = (fileId: string, fields: FieldDefinitionInput[], keyField: string | null) =>
    services.vault.files.open(o.sys, fileId, {
      fields,
      purposes: STUDENT_PURPOSES,
      important: false,
      keyField,
      scopeField: null,
      expectedRecords: 200,
    });
  const record = async (fileId: string, values: Record<string, unknown>) =>
    (await services.vault.records.create(o.sys, fileId, { purpose: 'enrolment', values })).id;

  const gakuseki = h.fileId;
  await open(gakuseki, STUDENT_FIELDS, 'student_number');
  const health = await fileAt(services, where, 'registered', {
    name: '学生定期健康診断ファイル',
    recordItems: ['学生番号', '氏名', '胸部X線所見'],
  });
  await open(health, HEALTH_FIELDS, 'student_number');
  const aid = await fileAt(services, where, 'registered', {
    name: '修学支援新制度（給付奨学金）ファイル',
    recordItems: ['学籍番号', '氏名', '生年月日', '個人番号'],
    myNumber: true,
  });
  await services.register.files.approveMyNumber(o.sys, aid);
  await open(aid, AID_FIELDS, 'student_number');
  const roll = await fileAt(services, where, 'registered', {
    name: '出席簿ファイル',
    recordItems: ['氏名', '出欠'],
  });
  await open(roll, ROLL_FIELDS, null);

  const mine = {
    gakuseki: await record(gakuseki, {
      student_number: REQUESTER.number,
      name: REQUESTER.name,
      kana: REQUESTER.kana,
      birth_date: REQUESTER.birthDate,
      class: '情報工学科3年',
    }),
    // Written with a full-width space: names are compared ignoring spaces and widths.
    health: await record(health, {
      student_number: REQUESTER.number,
      name: '架空　花子',
      xray: '異常なし',
    }),
    aid: await record(aid, {
      student_number: REQUESTER.number,
      full_name: '架空花子',
      birthday: REQUESTER.birthDate,
      my_number: MY_NUMBER,
    }),
  };
  await record(roll, { name: REQUESTER.name, attendance: '欠席なし' });
  // A namesake: same name and reading, another birth date and number (a candidate on fewer terms).
  const namesake = await record(gakuseki, {
    student_number: 'T24077',
    name: REQUESTER.name,
    kana: REQUESTER.kana,
    birth_date: '2009-01-15',
    class: '機械工学科2年',
  });
  // Others: the same family name (a prefix hit, not a match), the same birth date only (never a
  // candidate on a birth date alone).
  await record(gakuseki, {
    student_number: 'T24002',
    name: '架空 太郎',
    kana: 'カクウ タロウ',
    birth_date: '2008-05-05',
    class: '情報工学科3年',
  });
  await record(aid, { student_number: 'T24003', full_name: '見本 一郎', birthday: REQUESTER.birthDate });

  const files = { gakuseki, health, aid, roll };
  return { ...h, files, mine, namesake };
}
