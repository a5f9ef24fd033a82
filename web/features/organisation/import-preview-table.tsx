import { useTranslation } from 'react-i18next';
import type { ImportPreviewView } from '../../../shared/api/organisation.ts';

// The server names columns by their Japanese template heading; shown in the reader's language.
const FIELD_BY_JA_HEADING: Record<string, string> = {
  職員番号: 'employeeNumber',
  姓: 'familyName',
  名: 'givenName',
  '姓（カナ）': 'familyNameKana',
  '名（カナ）': 'givenNameKana',
  メールアドレス: 'email',
  区分: 'kind',
  職名: 'title',
  学校等コード: 'unitCode',
  課等: 'sectionName',
};

/** The rows of a staff CSV as the server read them; rows with errors are highlighted with the reasons. */
export function ImportPreviewTable({ rows }: { rows: ImportPreviewView['rows'] }) {
  const { t } = useTranslation();
  const columnLabel = (heading: string) => {
    const field = FIELD_BY_JA_HEADING[heading];
    return field ? t(`import.columns.${field}`, { defaultValue: heading }) : heading;
  };
  const sorted = [...rows].sort(
    (a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.row - b.row,
  );
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('import.previewTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('people.employeeNumber')}</th>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.unitSection')}</th>
            <th scope="col">{t('import.action')}</th>
            <th scope="col">{t('import.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const bad = r.errors.length > 0;
            return (
              <tr key={r.row} className={bad ? 'bg-error-soft' : undefined}>
                <th scope="row" className="tabular-nums">
                  {r.row}
                </th>
                <td className="font-mono">{r.employeeNumber}</td>
                <td>{r.name}</td>
                <td>
                  {r.unit}
                  {r.section && ` / ${r.section}`}
                </td>
                <td>{bad ? '—' : t(`importActions.${r.action}`)}</td>
                <td>
                  {bad && (
                    <ul className="grid gap-1 font-bold text-error">
                      {r.errors.map((e, i) => (
                        <li key={`${e.column}-${i}`}>
                          <span aria-hidden="true">⚠ </span>
                          {e.column && `${columnLabel(e.column)}${t('import.columnSeparator')}`}
                          {t(`import.rowErrors.${e.code}`, { defaultValue: e.message })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
