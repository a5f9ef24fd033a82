import type { ReactNode } from 'react';

/** The term column's width on wider screens: 14rem by default, 12rem where the terms are short. */
const COLUMNS = {
  wide: 'sm:grid-cols-[14rem_1fr]',
  narrow: 'sm:grid-cols-[12rem_1fr]',
} as const;

/** A term and its description in a two-column list; put it inside a <dl>. */
export function TermItem({
  term,
  narrow = false,
  children,
}: {
  term: string;
  narrow?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`grid gap-1 border-b border-line-soft py-2 ${COLUMNS[narrow ? 'narrow' : 'wide']}`}>
      <dt className="font-bold text-ink-strong">{term}</dt>
      <dd className="whitespace-pre-wrap">{children}</dd>
    </div>
  );
}
