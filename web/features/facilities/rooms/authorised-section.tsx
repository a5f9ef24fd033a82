import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '../../../../shared/api/facility-rooms.ts';
import { useDates } from '../../../app/preferences.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { SavedNotice } from '../../../ui/alert.tsx';
import { Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useAuthorisedChanges, useCandidates } from './queries.ts';

/** Keepers look up active staff of the unit and add them as authorised persons (A32-1). */
function AddPerson({ room, onAdded }: { room: RoomView; onAdded: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const candidates = useCandidates(room.id, q);
  const { add } = useAuthorisedChanges(room.id);
  const already = new Set(room.authorised.map((a) => a.personId));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  return (
    <div className="card mt-6">
      <h3 className="mb-3 text-xl">{t('facilityRooms.authorised.addHeading')}</h3>
      <FormErrors errors={{}} serverError={add.error} />
      <form role="search" className="flex flex-wrap items-end gap-3" onSubmit={search}>
        <div className="min-w-64 flex-1">
          <label htmlFor={inputId} className="label mb-1">
            {t('facilityRooms.authorised.search')}
          </label>
          <input
            id={inputId}
            className="input"
            value={text}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="btn-secondary">
          {t('facilityRooms.authorised.searchButton')}
        </button>
      </form>
      {q !== null && (
        <QueryState query={candidates}>
          {({ people }) => {
            const shown = people.filter((p) => !already.has(p.personId));
            return shown.length === 0 ? (
              <p role="status" className="mt-4">
                {t('facilityRooms.authorised.noCandidates')}
              </p>
            ) : (
              <ul className="mt-4 grid gap-2">
                {shown.map((p) => (
                  <li
                    key={p.personId}
                    className="flex flex-wrap items-center gap-3 border-b border-line-soft pb-2"
                  >
                    <span className="flex-1">
                      {p.name}
                      <span className="ml-2 font-mono text-sm text-ink-muted">{p.employeeNumber ?? ''}</span>
                      {p.sectionName && <span className="ml-2 text-sm text-ink-muted">{p.sectionName}</span>}
                    </span>
                    <button
                      type="button"
                      className="btn-secondary btn-sm"
                      disabled={add.isPending}
                      aria-label={t('facilityRooms.authorised.addLabel', { name: p.name })}
                      onClick={() => add.mutate(p.personId, { onSuccess: onAdded })}
                    >
                      {t('facilityRooms.authorised.add')}
                    </button>
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryState>
      )}
    </div>
  );
}

/** A32-1: who may enter the room; its keepers add and remove them. */
export function AuthorisedSection({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { remove } = useAuthorisedChanges(room.id);
  const [notice, setNotice] = useState<'added' | 'removed' | null>(null);
  return (
    <Section title={t('facilityRooms.authorised.title')}>
      <SavedNotice show={notice !== null} text={notice ? t(`facilityRooms.authorised.${notice}`) : ''} />
      <FormErrors errors={{}} serverError={remove.error} />
      {room.authorised.length === 0 ? (
        <p className="card">{t('facilityRooms.authorised.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('facilityRooms.authorised.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilityRooms.authorised.name')}</th>
                <th scope="col">{t('facilityRooms.authorised.employeeNumber')}</th>
                <th scope="col">{t('facilityRooms.authorised.addedAt')}</th>
                <th scope="col">{t('facilityRooms.authorised.addedBy')}</th>
                {room.can.keep && (
                  <th scope="col">
                    <span className="sr-only">{t('facilityRooms.authorised.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {room.authorised.map((a) => (
                <tr key={a.personId}>
                  <th scope="row">{a.name}</th>
                  <td className="font-mono">{a.employeeNumber ?? ''}</td>
                  <td className="whitespace-nowrap">{dates.dateTime(a.addedAt)}</td>
                  <td>{a.addedByName}</td>
                  {room.can.keep && (
                    <td>
                      <button
                        type="button"
                        className="btn-danger btn-sm"
                        disabled={remove.isPending}
                        aria-label={t('facilityRooms.authorised.removeLabel', { name: a.name })}
                        onClick={() => remove.mutate(a.personId, { onSuccess: () => setNotice('removed') })}
                      >
                        {t('facilityRooms.authorised.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {room.can.keep && <AddPerson room={room} onAdded={() => setNotice('added')} />}
    </Section>
  );
}
