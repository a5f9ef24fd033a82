import { useId } from 'react';
import { RequiredBadge } from './field.tsx';

/** What the import pages accept: CSV (UTF-8 or Shift_JIS) and, where the page says so, XLSX. */
export const CSV_ONLY = '.csv,text/csv';
export const CSV_OR_XLSX =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The required file field of the import pages (staff, register, vault): a label with its 必須
 * badge, a help text the input is described by, and the input itself. `onChoose` gets the file
 * chosen, or null when the choice is cleared. A new `resetKey` empties the input.
 */
export function FilePicker(props: {
  label: string;
  help: string;
  accept: string;
  onChoose: (file: File | null) => void;
  disabled?: boolean;
  resetKey?: number;
}) {
  const inputId = useId();
  const helpId = useId();
  return (
    <>
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="label">
          {props.label}
        </label>
        <RequiredBadge />
      </div>
      <p id={helpId} className="mb-2 text-sm text-ink-muted">
        {props.help}
      </p>
      <input
        key={props.resetKey}
        id={inputId}
        type="file"
        accept={props.accept}
        aria-describedby={helpId}
        aria-required="true"
        disabled={props.disabled}
        className="input file:mr-4 file:rounded-md file:border-0 file:bg-primary-soft file:px-3 file:py-1 file:font-bold file:text-primary"
        onChange={(e) => props.onChoose(e.target.files?.[0] ?? null)}
      />
    </>
  );
}

/**
 * An optional file field (a document to attach): a label, a help text the input is described by
 * when there is one, and the input. `onChoose` and `resetKey` work as in FilePicker.
 */
export function OptionalFilePicker({
  label,
  help,
  accept,
  onChoose,
  resetKey,
}: {
  label: string;
  help?: string;
  accept: string;
  onChoose: (file: File | null) => void;
  resetKey?: number;
}) {
  const id = useId();
  return (
    <div className="mb-6">
      <label htmlFor={id} className="label mb-1 block">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
          {help}
        </p>
      )}
      <input
        key={resetKey}
        id={id}
        type="file"
        accept={accept}
        aria-describedby={help ? `${id}-help` : undefined}
        className="input file:mr-4 file:rounded-md file:border-0 file:bg-primary-soft file:px-3 file:py-1 file:font-bold file:text-primary"
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}
