import { useTranslation } from 'react-i18next';
import type { RegisterImportRowView } from '../../../shared/api/register-import.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { ImportRowsTable } from '../../ui/import-rows-table.tsx';

/** The rows of a register file as the server read them (A20-1, A20-2), errors in the reader's language. */
export function RegisterImportPreviewTable({ rows }: { rows: RegisterImportRowView[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <ImportRowsTable
      rows={rows}
      line={(r) => r.line}
      caption={t('registerImport.previewTitle')}
      lineHeader={t('registerImport.line')}
      columns={[
        { header: t('registerImport.unit'), cell: (r) => r.unitName },
        { header: t('registerImport.section'), cell: (r) => r.sectionName },
        { header: t('registerImport.name'), cell: (r) => r.name, className: 'font-bold' },
        {
          header: t('registerImport.publication'),
          cell: (r) => (
            <>
              {r.published ? t('registerImport.published') : t('registerImport.notPublished')}
              {r.myNumber && <p className="text-sm">{t('registerImport.myNumber')}</p>}
            </>
          ),
        },
      ]}
      errorsHeader={t('registerImport.errors')}
      errors={(r) => r.errors.map((e) => e.message[locale])}
      noErrors={<span className="text-ink-muted">{t('registerImport.noErrors')}</span>}
    />
  );
}
