import { useTranslation } from 'react-i18next';

/** Previous/next paging with the range shown ("全1,024件中 1〜50件を表示"). */
export function Pagination({
  total,
  offset,
  limit,
  onChange,
}: {
  total: number;
  offset: number;
  limit: number;
  onChange: (offset: number) => void;
}) {
  const { t, i18n } = useTranslation();
  if (total === 0) return null;
  const n = (v: number) => v.toLocaleString(i18n.language);
  const from = offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav
      aria-label={t('common.pagination')}
      className="mt-6 flex flex-wrap items-center justify-between gap-4"
    >
      <p>{t('common.pageRange', { total: n(total), from: n(from), to: n(to) })}</p>
      <div className="flex gap-3">
        <button
          type="button"
          className="btn-secondary btn-sm"
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('common.previous')}
        </button>
        <button
          type="button"
          className="btn-secondary btn-sm"
          disabled={to >= total}
          onClick={() => onChange(offset + limit)}
        >
          {t('common.next')}
        </button>
      </div>
    </nav>
  );
}
