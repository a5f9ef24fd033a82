import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Purpose, RecordView, VaultFileView } from '../../../shared/api/vault.ts';
import type { FieldDefinition } from '../../../shared/vault/index.ts';
import { DamagedText, MaskedText, grantFields, useValueText } from './labels.tsx';
import { withPurpose } from './purpose.tsx';

const MAX_COLUMNS = 5;

/**
 * The columns of a list of records: the first normal fields of the grant, the identifying field
 * (学生番号) first. 要配慮 and My Number fields are never listed: they are shown one record at a
 * time, when revealed (A11の2, A22).
 */
export function listColumns(file: VaultFileView): FieldDefinition[] {
  const normal = grantFields(file).filter((f) => f.sensitivity === 'normal');
  const key = normal.find((f) => f.key === file.keyField);
  const rest = normal.filter((f) => f !== key);
  return (key ? [key, ...rest] : rest).slice(0, MAX_COLUMNS);
}

/** Where a record stands when its file needs a second check of entries (A26). */
export function RecordStatus({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  if (record.status === 'pending')
    return <span className="badge border-warning bg-warning-soft text-warning">{t('vault.status.new')}</span>;
  if (record.pendingChange)
    return (
      <span className="badge border-warning bg-warning-soft text-warning">{t('vault.status.change')}</span>
    );
  return null;
}

export function RecordTable({
  file,
  purpose,
  records,
  caption,
}: {
  file: VaultFileView;
  purpose: Purpose;
  records: RecordView[];
  caption: string;
}) {
  const { t } = useTranslation();
  const text = useValueText();
  const columns = listColumns(file);
  const [first, ...others] = columns;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
            {file.important && <th scope="col">{t('vault.status.title')}</th>}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            if (r.damaged)
              return (
                <tr key={r.id} className="bg-error-soft">
                  <td colSpan={columns.length + (file.important ? 1 : 0)}>
                    <DamagedText />
                  </td>
                </tr>
              );
            const cell = (f: FieldDefinition) =>
              r.masked.includes(f.key) || !(f.key in r.values) ? <MaskedText /> : text(f, r.values[f.key]);
            return (
              <tr key={r.id}>
                {first && (
                  <th scope="row" className="font-normal">
                    <Link
                      to={withPurpose(`/vault/files/${file.fileId}/records/${r.id}`, purpose)}
                      className="font-bold"
                    >
                      {text(first, r.values[first.key]) === '－' ? t('vault.openRecord') : cell(first)}
                    </Link>
                  </th>
                )}
                {others.map((f) => (
                  <td key={f.key}>{cell(f)}</td>
                ))}
                {file.important && (
                  <td>
                    <RecordStatus record={r} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
