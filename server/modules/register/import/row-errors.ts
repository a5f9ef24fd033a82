import { IMPORT_COLUMN_EN } from '../../../../shared/api/register-import.ts';
import { REGISTER_ERRORS } from '../../../../shared/errors-register.ts';

/**
 * The errors of one row of an imported register (A20-1, A20-2), in Japanese and English. They name
 * the column (its Japanese heading) and, where it helps, another row's number — never the value
 * written, so that an error can be shown, logged or returned without repeating the file's content.
 */
export type RowErrorCode =
  | 'required'
  | 'too_long'
  | 'too_many_items'
  | 'invalid_value'
  | 'agency_mismatch'
  | 'extra_cells'
  | 'exemption_ground_missing'
  | 'anon_office_missing'
  | 'unknown_unit'
  | 'ambiguous_unit'
  | 'unknown_section'
  | 'ambiguous_section'
  | 'section_required'
  | 'section_not_handling'
  | 'forbidden_unit'
  | 'duplicate_in_file'
  | 'duplicate_existing';

export interface RowError {
  /** The Japanese heading of the column (the template's), or '' for the row as a whole. */
  column: string;
  code: RowErrorCode;
  message: { ja: string; en: string };
}

/** What a column accepts, said when a value cannot be read. */
const HINTS: Record<string, { ja: string; en: string }> = {
  '要配慮個人情報が含まれるときは、その旨': {
    ja: '「要配慮個人情報が含まれる」「含む」「有」または空欄・「－」で記入してください。',
    en: 'Write 要配慮個人情報が含まれる, 含む or 有, or leave it empty (－).',
  },
  個人情報ファイルの種別: {
    ja: '「電算処理ファイル」（第1号）または「マニュアル処理ファイル」（第2号）と記入してください。',
    en: 'Write 電算処理ファイル (第1号, computer) or マニュアル処理ファイル (第2号, manual).',
  },
  政令第20条第7項に該当するファイルの有無: {
    ja: '「有」または「無」で記入してください。',
    en: 'Write 有 or 無.',
  },
  行政機関等匿名加工情報の提案の募集をする個人情報ファイルである旨: {
    ja: '「該当」または「非該当」で記入してください。',
    en: 'Write 該当 or 非該当.',
  },
  公表: {
    ja: '「公表する」または公表しない根拠（人事給与、1000人未満、他ファイルに包含、事務に支障）を記入してください。',
    en: 'Write 公表する (published) or the ground for not publishing: 人事給与, 1000人未満, 他ファイルに包含 or 事務に支障 (personnel, under_1000, contained, impede).',
  },
  要配慮区分: {
    ja: '「通常」「要配慮」「特に要配慮」のいずれかを記入してください。',
    en: 'Write 通常, 要配慮 or 特に要配慮 (ordinary, sensitive, highly_sensitive).',
  },
  重要度: {
    ja: '「低」「中」「高」のいずれかを記入してください。',
    en: 'Write 低, 中 or 高 (low, medium, high).',
  },
  マイナンバー: { ja: '「有」または「無」で記入してください。', en: 'Write 有 or 無.' },
  歴史資料: { ja: '「該当」または「非該当」で記入してください。', en: 'Write 該当 or 非該当.' },
  '保存期間（年）': {
    ja: '1から100までの年数を数字で記入してください（定めがなければ空欄）。',
    en: 'Write a number of years from 1 to 100 (or leave it empty).',
  },
};

const en = (column: string) => IMPORT_COLUMN_EN[column] ?? column;

/** One error of a row; `n` is a length limit or another row's number, as the code needs. */
export function rowError(column: string, code: RowErrorCode, n?: number): RowError {
  const c = column;
  const e = en(column);
  const text = (): { ja: string; en: string } => {
    switch (code) {
      case 'required':
        return { ja: `「${c}」が入力されていません。`, en: `"${e}" is empty.` };
      case 'too_long':
        return {
          ja: `「${c}」は${n}文字以内にしてください。`,
          en: `"${e}" must be at most ${n} characters.`,
        };
      case 'too_many_items':
        return { ja: `「${c}」は${n}件までです。`, en: `"${e}" may list at most ${n} items.` };
      case 'invalid_value': {
        const hint = HINTS[column];
        return {
          ja: `「${c}」の値を読み取れません。${hint?.ja ?? ''}`,
          en: `"${e}" could not be read.${hint ? ` ${hint.en}` : ''}`,
        };
      }
      case 'agency_mismatch':
        return {
          ja: `「${c}」が独立行政法人国立高等専門学校機構ではありません（空欄でも構いません）。`,
          en: `"${e}" is not 独立行政法人国立高等専門学校機構 (it may be left empty).`,
        };
      case 'extra_cells':
        return {
          ja: '見出しのない列に値があります。見出しを付けるか、値を削除してください。',
          en: 'A column without a heading holds a value. Give it a heading or remove the value.',
        };
      case 'exemption_ground_missing':
        return {
          ja: `「公表しない理由（補足）」を記入してください。${REGISTER_ERRORS['register.exemption_ground_missing'].ja}`,
          en: `Fill in "Ground for not publishing (note)". ${REGISTER_ERRORS['register.exemption_ground_missing'].en}`,
        };
      case 'anon_office_missing':
        return {
          ja: REGISTER_ERRORS['register.anon_office_missing'].ja,
          en: REGISTER_ERRORS['register.anon_office_missing'].en,
        };
      case 'unknown_unit':
        return {
          ja: `「${c}」に一致する学校等が登録されていません（名称、略称またはコードで記入してください）。`,
          en: `No college or headquarters matches "${e}" (write its name, short name or code).`,
        };
      case 'ambiguous_unit':
        return {
          ja: `「${c}」に一致する学校等が複数あります。コードで記入してください。`,
          en: `"${e}" matches more than one unit; write its code.`,
        };
      case 'unknown_section':
        return {
          ja: `「${c}」に一致する課等がこの学校等に登録されていません。`,
          en: `No section of this unit matches "${e}".`,
        };
      case 'ambiguous_section':
        return {
          ja: `「${c}」に一致する課等がこの学校等に複数あります。`,
          en: `More than one section of this unit matches "${e}".`,
        };
      case 'section_required':
        return {
          ja: '「課等」の列に、このファイルを保有する課等を記入してください（組織の名称から一つに決められませんでした）。',
          en: 'Fill in the "Section" column with the section that holds the file (the organisation name does not identify one).',
        };
      case 'section_not_handling':
        return {
          ja: REGISTER_ERRORS['register.section_not_handling'].ja,
          en: REGISTER_ERRORS['register.section_not_handling'].en,
        };
      case 'forbidden_unit':
        return {
          ja: 'この課等の個人情報ファイルをこの方法で取り込む権限がありません。',
          en: 'You may not import files of this section in this way.',
        };
      case 'duplicate_in_file':
        return {
          ja: `同じ課等の同じ名称のファイルが${n}行目にもあります。`,
          en: `Row ${n} has a file of the same name in the same section.`,
        };
      case 'duplicate_existing':
        return {
          ja: '同じ課等に同じ名称の個人情報ファイルが既に登録されています。',
          en: 'The section already has a personal information file of this name.',
        };
    }
  };
  return { column, code, message: text() };
}
