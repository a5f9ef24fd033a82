import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';

/**
 * A step recorded with its day (「通知書の送付を記録」, 「開示の実施を記録」, 「実施を記録」): a date
 * (today by default, in Tokyo), a button, and the server's refusal in words.
 */
interface DateActionProps {
  label: string;
  button: string;
  pending: boolean;
  error: unknown;
  onSubmit: (date: string) => void;
}

export function DateAction({ label, button, pending, error, onSubmit }: DateActionProps) {
  const { locale } = usePreferences();
  const { t } = useTranslation();
  const dates = useDates();
  const id = useId();
  const [date, setDate] = useState(todayInTokyo());
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      className="mt-3 max-w-xl"
      onSubmit={(e) => {
        e.preventDefault();
        if (!date) {
          setMissing(true);
          return;
        }
        onSubmit(date);
      }}
    >
      <LiveRegion assertive>
        {error ? <Alert tone="error" title={errorMessage(error, locale)} /> : null}
      </LiveRegion>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {missing && !date && (
        <p id={`${id}-error`} className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {t('validation.required')}
        </p>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <div>
          <input
            id={id}
            type="date"
            className="input w-48"
            value={date}
            aria-invalid={missing && !date ? true : undefined}
            aria-describedby={missing && !date ? `${id}-error` : undefined}
            onChange={(e) => setDate(e.target.value)}
          />
          {date && <p className="mt-1 text-sm text-ink-muted">{dates.date(date)}</p>}
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {button}
        </button>
      </div>
    </form>
  );
}

/**
 * A step done once (the notice sent, the disclosure or the remedy carried out): what was recorded
 * (`done`, with its day) once it is, else the form to record it for who may (`allowed`).
 */
export function DateStep({
  done,
  allowed,
  ...action
}: DateActionProps & { done: string | null; allowed: boolean }) {
  if (done) return <p className="mt-2">{done}</p>;
  return allowed ? <DateAction {...action} /> : null;
}
