import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView, RoomView } from '../../../../shared/api/facility-rooms.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { DatePreview } from '../../../ui/field.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useEntrantName } from './labels.tsx';
import { useEntries } from './queries.ts';

function DateInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const dates = useDates();
  return (
    <div>
      <label htmlFor={id} className="label mb-1">
        {label}
      </label>
      <input id={id} type="date" className="input" value={value} onChange={(e) => onChange(e.target.value)} />
      <DatePreview text={dates.date(value)} />
    </div>
  );
}

function EntryRow({ e }: { e: EntryView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const name = useEntrantName();
  return (
    <tr>
      <th scope="row" className="whitespace-nowrap font-normal">
        {dates.dateTime(e.enteredAt)}
      </th>
      <td className="whitespace-nowrap">
        {e.exitedAt ? (
          dates.dateTime(e.exitedAt)
        ) : (
          <Badge tone="info">{t('facilityRooms.log.insideNow')}</Badge>
        )}
      </td>
      <td>
        {e.kind === 'visitor' && (
          <span className="mr-2">
            <Badge tone="warn">{t('facilityRooms.log.visitor')}</Badge>
          </span>
        )}
        {name(e)}
        {e.visitor && (
          <span className="block text-sm text-ink-muted">
            {e.visitor.name && `${t('facilityRooms.log.visitorBadge', { badge: e.visitor.badgeNumber })} ・ `}
            {t('facilityRooms.log.idChecked', { kind: t(`facilityRooms.idKinds.${e.visitor.idKind}`) })}
          </span>
        )}
      </td>
      <td className="whitespace-nowrap">{e.escortName ?? '－'}</td>
      <td className="whitespace-pre-wrap">{e.purpose}</td>
      <td className="whitespace-nowrap">
        {e.recordedByName}
        {e.exitRecordedByName && e.exitRecordedByName !== e.recordedByName && (
          <span className="block text-sm text-ink-muted">{e.exitRecordedByName}</span>
        )}
      </td>
    </tr>
  );
}

/** A32-1: every entry and exit, by day (Tokyo); readers of the log see visitors' names. */
export function EntryLogSection({ room }: { room: RoomView }) {
  const { t } = useTranslation();
  const today = todayInTokyo();
  const [draft, setDraft] = useState({ from: today, to: today });
  const [shown, setShown] = useState(draft);
  const entries = useEntries(room.id, shown, room.can.readLog);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setShown(draft);
  };
  return (
    <Section title={t('facilityRooms.log.title')}>
      {!room.can.readLog ? (
        <p className="card">{t('facilityRooms.log.notAllowed')}</p>
      ) : (
        <>
          <form className="mb-6 flex flex-wrap items-start gap-4" onSubmit={apply}>
            <DateInput
              label={t('facilityRooms.log.from')}
              value={draft.from}
              onChange={(from) => setDraft({ ...draft, from })}
            />
            <DateInput
              label={t('facilityRooms.log.to')}
              value={draft.to}
              onChange={(to) => setDraft({ ...draft, to })}
            />
            <button type="submit" className="btn-secondary mt-8">
              {t('facilityRooms.log.show')}
            </button>
          </form>
          <QueryState query={entries}>
            {(data) =>
              data.entries.length === 0 ? (
                <p role="status" className="card">
                  {t('facilityRooms.log.empty')}
                </p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="data-table">
                    <caption className="sr-only">{t('facilityRooms.log.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('facilityRooms.log.enteredAt')}</th>
                        <th scope="col">{t('facilityRooms.log.exitedAt')}</th>
                        <th scope="col">{t('facilityRooms.log.who')}</th>
                        <th scope="col">{t('facilityRooms.log.escort')}</th>
                        <th scope="col">{t('facilityRooms.log.purpose')}</th>
                        <th scope="col">{t('facilityRooms.log.recordedBy')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...data.entries]
                        .sort((a, b) => b.enteredAt.localeCompare(a.enteredAt) || b.id.localeCompare(a.id))
                        .map((e) => (
                          <EntryRow key={e.id} e={e} />
                        ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </QueryState>
        </>
      )}
    </Section>
  );
}
