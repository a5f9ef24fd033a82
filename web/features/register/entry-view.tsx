import { useTranslation } from 'react-i18next';
import type { EntryFields } from '../../../shared/api/register.ts';
import { AGENCY_NAME, PUBLISHED_FIELDS } from '../../../shared/register-fields.ts';
import { useFieldLabel, useFieldValue } from './labels.tsx';

const INTERNAL = [
  'exemption',
  'exemptionNote',
  'sensitivity',
  'importance',
  'myNumber',
  'historical',
  'retentionBasis',
  'retentionYears',
  'linkedSystems',
] as const;

/** One version of an entry as a 単票: the 19 published fields of 別紙様式1, then the internal ones. */
export function EntryView({ fields, caption }: { fields: EntryFields; caption: string }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const value = useFieldValue();
  const row = (key: string, v: string) => (
    <tr key={key}>
      <th scope="row" className="w-1/3">
        {label(key)}
      </th>
      <td className="whitespace-pre-line">{v}</td>
    </tr>
  );
  return (
    <table className="data-table">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {PUBLISHED_FIELDS.map((f) =>
          f.key === 'agencyName'
            ? row(f.key, AGENCY_NAME)
            : f.key === 'recordItems'
              ? row(f.key, fields.recordItems.map((x, i) => `${i + 1} ${x}`).join('\n'))
              : row(f.key, value(f.key, fields[f.key])),
        )}
        <tr>
          <th colSpan={2} scope="rowgroup" className="bg-surface-muted">
            {t('fileRegister.detail.internal')}
          </th>
        </tr>
        {INTERNAL.map((k) => row(k, value(k, fields[k])))}
      </tbody>
    </table>
  );
}
