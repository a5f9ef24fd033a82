import { useEffect, useId, useState, type ReactNode } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DoorView, EntryView } from '../../../../../shared/api/facility-rooms.ts';
import { fieldErrorText } from '../../../../ui/field.tsx';

/**
 * Pieces of the door tablet (A32): large touch targets (at least 64 px high, big text) that work
 * with a finger and with the on-screen keyboard; every input has a visible label.
 */

/** A react-hook-form rule for a radio group: one must be chosen (an unchecked group gives null or ''). */
export const chosen = (message: string) => ({
  validate: (v: unknown) => (typeof v === 'string' && v !== '') || message,
});

/** The time of an instant in Tokyo, 「09:30」. */
export function timeOf(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));
}

/** The clock on the screen, updated every 15 seconds. */
export function DoorClock() {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date().toISOString()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <p className="text-3xl font-bold tabular-nums text-ink-strong">
      <span className="sr-only">{t('facilityRooms.door.clock')} </span>
      {timeOf(now)}
    </p>
  );
}

function ErrorLine({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="mb-2 text-xl font-bold text-error">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/** A large text input with its label above (the on-screen keyboard opens with `inputMode`). */
export function BigInput({
  label,
  registration,
  error,
  inputMode = 'text',
  enterKeyHint = 'next',
  help,
}: {
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  inputMode?: 'text' | 'numeric';
  enterKeyHint?: 'next' | 'done';
  help?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = fieldErrorText(error, t);
  const described = [help ? `${id}-help` : '', errorText ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="mb-6">
      <label htmlFor={id} className="label mb-2 text-2xl">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="mb-2 text-lg text-ink-muted">
          {help}
        </p>
      )}
      <ErrorLine id={`${id}-error`} text={errorText} />
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        enterKeyHint={enterKeyHint}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-required
        aria-invalid={errorText ? true : undefined}
        aria-describedby={described || undefined}
        className="input min-h-16 text-2xl"
        {...registration}
      />
    </div>
  );
}

/** One choice among several, as big radio cards in a fieldset whose legend is the question. */
export function BigChoice({
  legend,
  registration,
  error,
  errorText: givenError,
  help,
  options,
  columns = 'sm:grid-cols-2',
}: {
  legend: string;
  registration: UseFormRegisterReturn;
  error?: FieldError;
  /** A fixed message shown instead of the generic one (e.g. why an escort is needed). */
  errorText?: string;
  help?: string;
  options: { value: string; label: ReactNode }[];
  columns?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = error ? (givenError ?? fieldErrorText(error, t)) : undefined;
  const described = [help ? `${id}-help` : '', errorText ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`mb-6 ${errorText ? 'border-l-8 border-error pl-4' : ''}`}
      aria-describedby={described || undefined}
    >
      <legend className="label mb-2 text-2xl">{legend}</legend>
      {help && (
        <p id={`${id}-help`} className="mb-2 text-lg text-ink-muted">
          {help}
        </p>
      )}
      <ErrorLine id={`${id}-error`} text={errorText} />
      <div className={`grid grid-cols-1 gap-3 ${columns}`}>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-16 cursor-pointer items-center gap-4 rounded-xl border-2 border-line bg-surface px-4 py-3 text-xl has-checked:border-primary has-checked:bg-primary-soft has-checked:font-bold"
          >
            <input
              type="radio"
              value={o.value}
              className="size-7 shrink-0 accent-primary"
              aria-invalid={errorText ? true : undefined}
              {...registration}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const PURPOSES = ['maintenance', 'trouble', 'inspection', 'media', 'cleaning'] as const;

/** 用件 (A32-1 用件の確認): a few common purposes as buttons that fill the text, which can be typed. */
export function PurposeField({
  registration,
  error,
  value,
  onPick,
}: {
  registration: UseFormRegisterReturn;
  error?: FieldError;
  value: string;
  onPick: (purpose: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div>
      <p id={headingId} className="label mb-2 text-2xl">
        {t('facilityRooms.door.purposeTitle')}
      </p>
      <div role="group" aria-labelledby={headingId} className="mb-3 flex flex-wrap gap-3">
        {PURPOSES.map((p) => {
          const label = t(`facilityRooms.door.purposes.${p}`);
          return (
            <button
              key={p}
              type="button"
              aria-pressed={value === label}
              className={`btn min-h-14 px-5 text-xl ${value === label ? 'border-primary bg-primary text-white' : 'border-primary bg-surface text-primary'}`}
              onClick={() => onPick(label)}
            >
              {label}
            </button>
          );
        })}
      </div>
      <BigInput
        label={t('facilityRooms.door.purposeLabel')}
        registration={registration}
        error={error}
        enterKeyHint="done"
      />
    </div>
  );
}

/** The step's heading with a way back to the start. */
export function StepHeader({ title, onCancel }: { title: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
      <h2 className="text-3xl">{title}</h2>
      <button type="button" className="btn-secondary min-h-16 px-6 text-xl" onClick={onCancel}>
        {t('facilityRooms.door.cancel')}
      </button>
    </div>
  );
}

/** What a step of the door's entry takes: the door, back to the start, and the entry once recorded. */
export interface EntryStepProps {
  door: DoorView;
  onCancel: () => void;
  onDone: (entry: EntryView) => void;
}
