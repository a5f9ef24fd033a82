import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/api/organisation.ts';
import { QueryState } from '../../ui/query-state.tsx';
import { RequiredBadge } from '../../ui/field.tsx';
import { usePeople } from './queries.ts';

/** Chooses a person by searching name, kana or employee number (within a unit when given). */
export function PersonPicker({
  label,
  unitId,
  value,
  onChange,
  errorText,
}: {
  label: string;
  unitId: string | null;
  value: PersonView | null;
  onChange: (p: PersonView | null) => void;
  errorText?: string;
}) {
  const { t } = useTranslation();
  const groupId = useId();
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const people = usePeople({ q, unitId: unitId ?? undefined, limit: 10, offset: 0 }, q.length > 0 && !value);
  const search = () => setQ(draft.trim());
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };
  return (
    <div
      role="group"
      aria-labelledby={groupId}
      aria-describedby={errorText ? errorId : undefined}
      className="mb-6"
    >
      <p id={groupId} className="label mb-1">
        {label}
        <span className="ml-2 inline-block">
          <RequiredBadge />
        </span>
      </p>
      {errorText && (
        <p id={errorId} className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {errorText}
        </p>
      )}
      {value ? (
        <div className="flex flex-wrap items-center gap-4 rounded-lg border-2 border-primary bg-primary-soft px-4 py-3">
          <p className="font-bold">
            {t('appointForm.selected', {
              name: `${value.familyName} ${value.givenName}`,
              number: value.employeeNumber,
            })}
          </p>
          <button type="button" className="btn-secondary btn-sm" onClick={() => onChange(null)}>
            {t('appointForm.changePerson')}
          </button>
        </div>
      ) : (
        <>
          <label htmlFor={inputId} className="mb-1 block">
            {t('appointForm.personSearch')}
          </label>
          <div className="flex flex-wrap gap-3">
            <input
              id={inputId}
              type="text"
              enterKeyHint="search"
              className="input max-w-md flex-1"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
              aria-invalid={errorText ? true : undefined}
            />
            <button type="button" className="btn-secondary" onClick={search}>
              {t('common.search')}
            </button>
          </div>
          <div aria-live="polite">
            {q && (
              <QueryState query={people}>
                {(page) =>
                  page.items.length === 0 ? (
                    <p className="mt-3">{t('appointForm.noPersons')}</p>
                  ) : (
                    <>
                      <p className="mt-3 text-sm text-ink-muted">
                        {t('appointForm.personResults', { count: page.total })}
                      </p>
                      <ul className="mt-2 grid gap-2">
                        {page.items.map((p) => (
                          <li
                            key={p.id}
                            className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-line-soft px-4 py-2"
                          >
                            <span className="font-bold">
                              {p.familyName} {p.givenName}
                            </span>
                            <span className="text-sm text-ink-muted">
                              {p.familyNameKana} {p.givenNameKana} ・ {p.employeeNumber} ・{' '}
                              {t(`personKinds.${p.kind}`)}
                              {p.title ? ` ・ ${p.title}` : ''}
                            </span>
                            <button
                              type="button"
                              className="btn-secondary btn-sm ml-auto"
                              onClick={() => onChange(p)}
                              aria-label={`${t('appointForm.selectPerson')}：${p.familyName} ${p.givenName}（${p.employeeNumber}）`}
                            >
                              {t('appointForm.selectPerson')}
                            </button>
                          </li>
                        ))}
                      </ul>
                    </>
                  )
                }
              </QueryState>
            )}
          </div>
        </>
      )}
    </div>
  );
}
