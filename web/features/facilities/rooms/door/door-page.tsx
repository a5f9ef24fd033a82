import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../../shared/api/facility-rooms.ts';
import { LiveRegion } from '../../../../ui/alert.tsx';
import { FormErrors } from '../../../../ui/form-errors.tsx';
import { QueryState } from '../../../../ui/query-state.tsx';
import { useEntrantName } from '../labels.tsx';
import { useDoor, useDoorActions } from '../queries.ts';
import { DoorClock } from './door-bits.tsx';
import { DoorStart } from './door-start.tsx';
import { StaffEntry } from './staff-entry.tsx';
import { VisitorEntry } from './visitor-entry.tsx';

type Mode =
  | { step: 'start' }
  | { step: 'staff' }
  | { step: 'visitor' }
  | { step: 'exit'; entry: EntryView }
  | { step: 'done'; message: string };

/** Seconds the confirmation stays before the start screen comes back. */
const DONE_SECONDS = 6;
/** A form left untouched this long goes back to the start, so that a visitor's details do not stay on the screen. */
const IDLE_FORM_MS = 120_000;

/** Calls `onIdle` after IDLE_FORM_MS without a touch or a key while `active`. */
function useIdleReturn(active: boolean, onIdle: () => void) {
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => idle.current(), IDLE_FORM_MS);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => idle.current(), IDLE_FORM_MS);
    };
    window.addEventListener('pointerdown', reset);
    window.addEventListener('keydown', reset);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointerdown', reset);
      window.removeEventListener('keydown', reset);
    };
  }, [active]);
}

/** 「入室を記録しました。」 in big letters, then back to the start after a few seconds. */
function Done({ message, onBack }: { message: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(DONE_SECONDS);
  const back = useRef(onBack);
  back.current = onBack;
  useEffect(() => {
    if (left <= 0) {
      back.current();
      return;
    }
    const timer = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return (
    <div className="grid justify-items-center gap-6 rounded-2xl border-4 border-success bg-success-soft p-10 text-center">
      <p className="text-4xl font-bold text-ink-strong">
        <span aria-hidden="true">✓ </span>
        {message}
      </p>
      <p className="text-xl">{t('facilityRooms.door.returning', { seconds: left })}</p>
      <button type="button" className="btn-primary min-h-16 px-8 text-2xl" onClick={onBack}>
        {t('facilityRooms.door.back')}
      </button>
    </div>
  );
}

/** 「退室を記録しますか」: one more tap, so that a stray touch records nothing. */
function ConfirmExit({
  roomId,
  entry,
  onCancel,
  onDone,
}: {
  roomId: string;
  entry: EntryView;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const name = useEntrantName()(entry);
  const { exit } = useDoorActions(roomId);
  return (
    <div className="card grid gap-6">
      <h2 className="text-3xl">{t('facilityRooms.door.confirmExitTitle')}</h2>
      <p className="text-3xl font-bold text-ink-strong">{name}</p>
      <FormErrors errors={{}} serverError={exit.error} submitCount={exit.failureCount} />
      <div className="grid gap-4 sm:grid-cols-2">
        <button
          type="button"
          className="btn-primary min-h-20 text-2xl"
          disabled={exit.isPending}
          onClick={() =>
            exit.mutate(entry.id, { onSuccess: () => onDone(t('facilityRooms.door.exitedDone', { name })) })
          }
        >
          {t('facilityRooms.door.confirmExit')}
        </button>
        <button type="button" className="btn-secondary min-h-20 text-2xl" onClick={onCancel}>
          {t('facilityRooms.door.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * /facilities/rooms/:id/door — the tablet at the door of a room (A32-1): who is inside, 「入室」 for an
 * authorised person, 「来訪者（部外者）」 with identification, badge and escort, and 「退室」. Shown
 * without the navigation; large touch targets for landscape and portrait tablets. It does not poll:
 * a request every few seconds would keep the session alive for ever (A31); it reloads after each
 * action and when the start screen comes back.
 */
export function DoorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const door = useDoor(id);
  const name = useEntrantName();
  const [mode, setMode] = useState<Mode>({ step: 'start' });
  const main = useRef<HTMLElement>(null);
  const { refetch } = door;
  const go = (next: Mode) => {
    setMode(next);
    window.scrollTo(0, 0);
    main.current?.focus();
  };
  const backToStart = () => {
    go({ step: 'start' });
    void refetch();
  };
  useIdleReturn(mode.step === 'staff' || mode.step === 'visitor' || mode.step === 'exit', backToStart);
  const entered = (e: EntryView) =>
    go({ step: 'done', message: t('facilityRooms.door.enteredDone', { name: name(e) }) });
  const roomName = door.data?.room.name ?? '';
  return (
    <main id="main" ref={main} tabIndex={-1} className="min-h-screen bg-surface-muted p-4 text-xl sm:p-6">
      <title>{`${roomName ? `${roomName} ` : ''}${t('facilityRooms.door.title')} | ${t('app.name')}`}</title>
      <header className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <div>
          <p className="text-xl text-ink-muted">{t('facilityRooms.door.title')}</p>
          <h1 className="text-4xl">{roomName || t('facilityRooms.title')}</h1>
        </div>
        <DoorClock />
      </header>
      <QueryState query={door}>
        {(d) => (
          <>
            <LiveRegion>
              {mode.step === 'done' && <Done message={mode.message} onBack={backToStart} />}
            </LiveRegion>
            {mode.step === 'start' && (
              <DoorStart
                door={d}
                onEnter={() => go({ step: 'staff' })}
                onVisitor={() => go({ step: 'visitor' })}
                onExit={(entry) => go({ step: 'exit', entry })}
              />
            )}
            {mode.step === 'staff' && <StaffEntry door={d} onCancel={backToStart} onDone={entered} />}
            {mode.step === 'visitor' && <VisitorEntry door={d} onCancel={backToStart} onDone={entered} />}
            {mode.step === 'exit' && (
              <ConfirmExit
                roomId={id}
                entry={mode.entry}
                onCancel={backToStart}
                onDone={(message) => go({ step: 'done', message })}
              />
            )}
          </>
        )}
      </QueryState>
    </main>
  );
}
