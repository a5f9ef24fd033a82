import type { ReactNode } from 'react';

/** One filter of a list's GET form (kept in the URL): a labelled select whose options are the children. */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="label mb-1 block">
        {label}
      </label>
      <select id={id} name={name} className="input" defaultValue={defaultValue}>
        {children}
      </select>
    </div>
  );
}
