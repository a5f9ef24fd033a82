import { useTranslation } from 'react-i18next';
import type { DoorView, EntryView } from '../../../../../shared/api/facility-rooms.ts';
import { Alert } from '../../../../ui/alert.tsx';
import { useEntrantName } from '../labels.tsx';
import { timeOf } from './door-bits.tsx';

/** Who is inside now, each with a large 「退室」 (A32-1: every exit recorded). */
function InsideList({ door, onExit }: { door: DoorView; onExit: (entry: EntryView) => void }) {
  const { t } = useTranslation();
  const name = useEntrantName();
  const inside = [...door.inside].sort(
    (a, b) => a.enteredAt.localeCompare(b.enteredAt) || a.id.localeCompare(b.id),
  );
  return (
    <section aria-labelledby="door-inside" className="card">
      <h2 id="door-inside" className="mb-4 text-3xl">
        {t('facilityRooms.door.insideTitle')}
        <span className="ml-3 tabular-nums">（{inside.length}）</span>
      </h2>
      {inside.length === 0 ? (
        <p className="text-2xl text-ink-muted">{t('facilityRooms.door.nobody')}</p>
      ) : (
        <ul className="grid gap-3">
          {inside.map((e) => (
            <li
              key={e.id}
              className="flex items-center justify-between gap-4 rounded-xl border-2 border-line-soft p-4"
            >
              <div className="min-w-0 flex-1">
                <p className="text-2xl font-bold break-words text-ink-strong">
                  {e.kind === 'visitor' && (
                    <span className="badge mr-2 border-warning text-base">
                      {t('facilityRooms.door.visitor')}
                    </span>
                  )}
                  {name(e)}
                </p>
                <p className="text-lg text-ink-muted">
                  {t('facilityRooms.door.enteredAt', { time: timeOf(e.enteredAt) })}
                  {e.escortName && ` ・ ${t('facilityRooms.door.escortedBy', { name: e.escortName })}`}
                  {e.visitor &&
                    e.visitor.name &&
                    ` ・ ${t('facilityRooms.door.badge', { badge: e.visitor.badgeNumber })}`}
                </p>
              </div>
              {door.can.record && (
                <button
                  type="button"
                  className="btn-secondary min-h-16 shrink-0 px-8 text-2xl"
                  aria-label={t('facilityRooms.door.exitLabel', { name: name(e) })}
                  onClick={() => onExit(e)}
                >
                  {t('facilityRooms.door.exit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One of the start screen's two big buttons, with a line that says what it is for. */
function StartButton({
  className,
  label,
  help,
  onClick,
}: {
  className: string;
  label: string;
  help: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className={`${className} min-h-32 w-full flex-col rounded-2xl`} onClick={onClick}>
      {label}
      <span className="text-lg font-normal">{help}</span>
    </button>
  );
}

/** The start screen: 「入室」 and 「来訪者（部外者）」, then who is inside. */
export function DoorStart({
  door,
  onEnter,
  onVisitor,
  onExit,
}: {
  door: DoorView;
  onEnter: () => void;
  onVisitor: () => void;
  onExit: (entry: EntryView) => void;
}) {
  const { t } = useTranslation();
  const canEnter = door.can.record && door.room.active && door.authorised.length > 0;
  return (
    <div className="grid gap-6 landscape:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="grid content-start gap-4">
        {!door.room.active && <Alert tone="warning" title={t('facilityRooms.door.retired')} />}
        {!door.can.record && <Alert tone="warning" title={t('facilityRooms.door.cannotRecord')} />}
        {door.can.record && door.room.active && door.authorised.length === 0 && (
          <Alert tone="warning" title={t('facilityRooms.door.noAuthorised')} />
        )}
        {canEnter && (
          <>
            <StartButton
              className="btn-primary text-4xl"
              label={t('facilityRooms.door.enter')}
              help={t('facilityRooms.door.enterHelp')}
              onClick={onEnter}
            />
            <StartButton
              className="btn-secondary text-3xl"
              label={t('facilityRooms.door.visitorButton')}
              help={t('facilityRooms.door.visitorHelp')}
              onClick={onVisitor}
            />
          </>
        )}
      </div>
      <InsideList door={door} onExit={onExit} />
    </div>
  );
}
