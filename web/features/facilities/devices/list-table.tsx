import type { ReactNode } from 'react';

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  /** Classes of the table cell (widths, wrapping). */
  className?: string;
}

/** Japanese words stay whole where they can (breaks at spaces and punctuation); long ones still wrap. */
export const KEEP_WORDS = 'break-keep [overflow-wrap:break-word]';

/**
 * Rows of a facilities list: a table on wider screens; on a phone each row becomes a card whose
 * first column is its title and the others a list of terms, so that nothing scrolls sideways.
 * Only one of the two is shown (the other is display:none, out of the accessibility tree).
 */
export function ListTable<R>({
  rows,
  rowKey,
  caption,
  columns,
}: {
  rows: R[];
  rowKey: (row: R) => string;
  caption: string;
  /** The first column names the row (its row header, and the card's title). */
  columns: [Column<R>, ...Column<R>[]];
}) {
  const [head, ...rest] = columns;
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="data-table">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={KEEP_WORDS}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                <th scope="row" className={`${KEEP_WORDS} ${head.className ?? ''}`}>
                  {head.cell(r)}
                </th>
                {rest.map((c) => (
                  <td key={c.header} className={`${KEEP_WORDS} ${c.className ?? ''}`}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="grid gap-3 md:hidden" aria-label={caption}>
        {rows.map((r) => (
          <li key={rowKey(r)} className="rounded-xl border border-line-soft bg-surface p-4">
            <p className={`font-bold ${KEEP_WORDS}`}>{head.cell(r)}</p>
            <dl className="mt-2 grid gap-1">
              {rest.map((c) => (
                <div key={c.header} className="grid grid-cols-[7rem_1fr] gap-2">
                  <dt className={`text-sm font-bold text-ink-muted ${KEEP_WORDS}`}>{c.header}</dt>
                  <dd className={KEEP_WORDS}>{c.cell(r)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
