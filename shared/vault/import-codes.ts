/**
 * Why a column mapping of a vault import (issue 6) cannot be used, as stable codes with the message
 * shown beside the mapping. A problem names a field or a column, never a cell's content. Codes never
 * change once released; the messages may. Problems of single values are VALUE_CODES.
 */
export const MAPPING_CODES = [
  /** The mapping names a field the record schema does not have. */
  'mapping_unknown_field',
  /** The column number lies outside the file's columns. */
  'mapping_bad_column',
  /** One column is mapped to two or more fields. */
  'mapping_column_twice',
  /** A required field is given no column. */
  'mapping_required_missing',
] as const;
export type MappingCode = (typeof MAPPING_CODES)[number];

export const MAPPING_MESSAGES: Record<MappingCode, { ja: string; en: string }> = {
  mapping_unknown_field: {
    ja: 'この記録の様式にない項目が指定されています。画面を再読み込みしてください。',
    en: 'The mapping names a field the record does not have. Reload the page.',
  },
  mapping_bad_column: {
    ja: 'ファイルにない列が指定されています。',
    en: 'The chosen column is not in the file.',
  },
  mapping_column_twice: {
    ja: '同じ列が複数の項目に割り当てられています。項目ごとに別の列を選んでください。',
    en: 'One column is assigned to more than one field; choose a different column for each.',
  },
  mapping_required_missing: {
    ja: '必須の項目に列が割り当てられていません。',
    en: 'A required field has no column assigned.',
  },
};
