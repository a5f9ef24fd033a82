import { useTranslation } from 'react-i18next';
import type { ImportPreviewView } from '../../../shared/api/organisation.ts';
import { ImportRowsTable } from '../../ui/import-rows-table.tsx';

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
  return (
    <ImportRowsTable
      rows={rows}
      line={(r) => r.row}
      caption={t('import.previewTitle')}
      lineHeader={t('import.row')}
      columns={[
        { header: t('people.employeeNumber'), cell: (r) => r.employeeNumber, className: 'font-mono' },
        { header: t('people.name'), cell: (r) => r.name },
        { header: t('people.unitSection'), cell: (r) => (r.section ? `${r.unit} / ${r.section}` : r.unit) },
        {
          header: t('import.action'),
          cell: (r) => (r.errors.length > 0 ? '—' : t(`importActions.${r.action}`)),
        },
      ]}
      errorsHeader={t('import.errors')}
      errors={(r) =>
        r.errors.map(
          (e) =>
            `${e.column ? `${columnLabel(e.column)}${t('import.columnSeparator')}` : ''}${t(
              `import.rowErrors.${e.code}`,
              { defaultValue: e.message },
            )}`,
        )
      }
    />
  );
}
