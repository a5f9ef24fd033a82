import type { ReactNode } from 'react';

export interface ImportRowsColumn<R> {
  header: string;
  cell: (row: R) => ReactNode;
  className?: string;
}

/**
 * The rows of an uploaded file as the server read them: rows with errors first and highlighted,
 * each error next to its row, the row's number heading the row for screen readers. The imports
 * (staff, register) give their own columns and the texts of the errors.
 */
export function ImportRowsTable<R>({
  rows,
  line,
  caption,
  lineHeader,
  columns,
  errorsHeader,
  errors,
  noErrors,
}: {
  rows: R[];
  line: (row: R) => number;
  caption: string;
  lineHeader: string;
  columns: ImportRowsColumn<R>[];
  errorsHeader: string;
  errors: (row: R) => string[];
  /** Shown in the errors column of a good row. */
  noErrors?: ReactNode;
}) {
  const sorted = rows
    .map((r) => ({ r, messages: errors(r) }))
    .sort((a, b) => Number(b.messages.length > 0) - Number(a.messages.length > 0) || line(a.r) - line(b.r));
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{lineHeader}</th>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
            <th scope="col">{errorsHeader}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map(({ r, messages }) => (
            <tr key={line(r)} className={messages.length > 0 ? 'bg-error-soft' : undefined}>
              <th scope="row" className="tabular-nums">
                {line(r)}
              </th>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(r)}
                </td>
              ))}
              <td>
                {messages.length > 0 ? (
                  <ul className="grid gap-1 font-bold text-error">
                    {messages.map((m, i) => (
                      <li key={i}>
                        <span aria-hidden="true">⚠ </span>
                        {m}
                      </li>
                    ))}
                  </ul>
                ) : (
                  noErrors
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
