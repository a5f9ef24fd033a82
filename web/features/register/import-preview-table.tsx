import { useTranslation } from 'react-i18next';
import type { RegisterImportRowView } from '../../../shared/api/register-import.ts';
import { usePreferences } from '../../app/preferences.tsx';

/**
 * The rows of a register file as the server read them (A20-1, A20-2): rows with errors first, each
 * error in the reader's language next to its row (the row's number heads the row for screen readers).
 */
export function RegisterImportPreviewTable({ rows }: { rows: RegisterImportRowView[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const sorted = [...rows].sort(
    (a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.line - b.line,
  );
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('registerImport.previewTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registerImport.line')}</th>
            <th scope="col">{t('registerImport.unit')}</th>
            <th scope="col">{t('registerImport.section')}</th>
            <th scope="col">{t('registerImport.name')}</th>
            <th scope="col">{t('registerImport.publication')}</th>
            <th scope="col">{t('registerImport.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const bad = r.errors.length > 0;
            return (
              <tr key={r.line} className={bad ? 'bg-error-soft' : undefined}>
                <th scope="row" className="tabular-nums">
                  {r.line}
                </th>
                <td>{r.unitName}</td>
                <td>{r.sectionName}</td>
                <td className="font-bold">{r.name}</td>
                <td>
                  {r.published ? t('registerImport.published') : t('registerImport.notPublished')}
                  {r.myNumber && <p className="text-sm">{t('registerImport.myNumber')}</p>}
                </td>
                <td>
                  {bad ? (
                    <ul className="grid gap-1 font-bold text-error">
                      {r.errors.map((e, i) => (
                        <li key={`${e.code}-${e.column}-${i}`}>
                          <span aria-hidden="true">⚠ </span>
                          {e.message[locale]}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-ink-muted">{t('registerImport.noErrors')}</span>
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
