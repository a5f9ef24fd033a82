import type { PublicEntryView } from '../../../../shared/api/register.ts';
import { PUBLISHED_FIELDS } from '../../../../shared/register-fields.ts';
import type { Table } from '../../../platform/tabular/index.ts';
import { fieldText } from './public-html.ts';

/**
 * The published register as one table (CSV and Excel downloads): an id and the unit, then the 19
 * fields of 別紙様式1 in their order and words, then the date of the accepted version. 記録項目 stay
 * numbered, one to a line within their cell.
 */
export function registerTable(entries: PublicEntryView[]): Table {
  return {
    header: ['ID', '学校等', ...PUBLISHED_FIELDS.map((f) => f.ja), '最終更新日'],
    rows: entries.map((e) => [
      e.id,
      e.unitName,
      ...PUBLISHED_FIELDS.map((f) => {
        const v = fieldText(e, f.key);
        return Array.isArray(v) ? v.map((x, i) => `${i + 1} ${x}`).join('\n') : v;
      }),
      e.updatedAt.slice(0, 10),
    ]),
  };
}

/** Column widths of the Excel sheet (characters). */
export const REGISTER_WIDTHS = [
  38, 12, 30, 30, 36, 48, 36, 28, 24, 20, 24, 36, 30, 34, 12, 20, 30, 30, 30, 24, 30, 14,
];
