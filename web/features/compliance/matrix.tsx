import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CellView, OverviewRowView, OverviewView } from '../../../shared/api/compliance.ts';
import { CELL_TONE, MARK, useFamilyLabel } from './labels.tsx';

/** The page of one cell's gaps; the row 機構全体 (unitId null) carries no unitId. */
export function cellPath(unitId: string | null, family: string): string {
  const q = new URLSearchParams({ family });
  if (unitId) q.set('unitId', unitId);
  return `/compliance/cell?${q.toString()}`;
}

function Cell({ row, cell, unitName }: { row: OverviewRowView; cell: CellView; unitName: string }) {
  const { t } = useTranslation();
  const familyLabel = useFamilyLabel();
  const colour = t(`compliance.colours.${cell.colour}`);
  const meaning = t(`compliance.colourMeaning.${cell.colour}`);
  const family = familyLabel(cell.family);
  const label =
    cell.count === 0
      ? t('compliance.matrix.cellLabelGreen', { unit: unitName, family, colour, meaning })
      : t('compliance.matrix.cellLabel', { unit: unitName, family, colour, meaning, count: cell.count });
  return (
    <td className="border border-line-soft p-0.5">
      {/* Colour, mark and count together (WCAG 1.4.1); the link's name says all three in words. */}
      <Link
        to={cellPath(row.unitId, cell.family)}
        aria-label={label}
        title={label}
        className={`flex min-h-8 items-center justify-center gap-1 rounded border px-1 font-bold no-underline hover:underline ${CELL_TONE[cell.colour]}`}
      >
        <span aria-hidden="true">{MARK[cell.colour]}</span>
        {cell.count > 0 && <span aria-hidden="true">{cell.count}</span>}
      </Link>
    </td>
  );
}

/**
 * The matrix of units × article families (issue 10). 52 rows and 10 columns stay readable: compact
 * cells, the header row sticks to the top of the scrolling box and the unit names to its left.
 */
export function Matrix({ overview }: { overview: OverviewView }) {
  const { t } = useTranslation();
  const familyLabel = useFamilyLabel();
  if (overview.rows.length === 0) return <p className="card">{t('compliance.matrix.empty')}</p>;
  return (
    <div
      className="max-h-[75vh] overflow-auto rounded-lg border border-line-soft"
      tabIndex={0}
      role="region"
      aria-label={t('compliance.matrix.caption')}
    >
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{t('compliance.matrix.caption')}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky top-0 left-0 z-20 border-b-2 border-line bg-surface-muted px-2 py-1"
            >
              {t('compliance.matrix.unit')}
            </th>
            {overview.families.map((f) => (
              <th
                key={f.family}
                scope="col"
                className="sticky top-0 z-10 border-b-2 border-line bg-surface-muted px-1 py-1 text-center leading-tight"
              >
                <span className="block">{familyLabel(f.family)}</span>
                <span className="block text-xs font-normal text-ink-muted">
                  {t(`compliance.familyArticles.${f.family}`)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {overview.rows.map((row) => {
            const unitName = row.unitId === null ? t('compliance.matrix.organisation') : row.unitName;
            return (
              <tr key={row.unitId ?? 'organisation'}>
                <th
                  scope="row"
                  className="sticky left-0 z-[5] border-b border-line-soft bg-surface px-2 py-0.5 whitespace-nowrap"
                >
                  {unitName}
                </th>
                {overview.families.map((f) => {
                  const cell = row.cells.find((c) => c.family === f.family);
                  return cell ? (
                    <Cell key={f.family} row={row} cell={cell} unitName={unitName} />
                  ) : (
                    <td key={f.family} className="border border-line-soft" />
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
