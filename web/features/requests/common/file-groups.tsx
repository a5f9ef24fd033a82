import type { ReactNode } from 'react';

/**
 * A request's records (candidates, confirmed records) grouped by the vault file they are in, in the
 * order of their first record; each group a section under the file's name (`note` after the name).
 */
export function FileGroups<T extends { fileId: string; fileName: string }>({
  items,
  idPrefix,
  note,
  children,
}: {
  items: readonly T[];
  idPrefix: string;
  note?: (list: T[]) => ReactNode;
  children: (list: T[]) => ReactNode;
}) {
  const byFile = new Map<string, T[]>();
  for (const item of items) byFile.set(item.fileId, [...(byFile.get(item.fileId) ?? []), item]);
  return (
    <>
      {[...byFile.entries()].map(([fileId, list]) => (
        <section key={fileId} aria-labelledby={`${idPrefix}-${fileId}`} className="mb-6">
          <h3 id={`${idPrefix}-${fileId}`} className="mb-2 text-xl">
            {list[0]!.fileName}
            {note?.(list)}
          </h3>
          {children(list)}
        </section>
      ))}
    </>
  );
}
