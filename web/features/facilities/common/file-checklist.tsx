import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * The files of the register a device or a system holds (A14, A23): a checkbox per file of the
 * chosen section, in a fieldset whose legend is the label. `empty` is said when there is none.
 */
export function FileChecklist({
  id,
  label,
  help,
  files,
  registration,
  invalid,
  empty,
}: {
  /** The id of the help text the fieldset is described by. */
  id: string;
  label: string;
  help: string;
  files: { id: string; name: string }[];
  registration: UseFormRegisterReturn;
  invalid: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="mb-6" aria-describedby={id}>
      <legend className="label mb-1">{label}</legend>
      <p id={id} className="mb-1 text-sm text-ink-muted">
        {help}
      </p>
      {invalid && (
        <p className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {t('validation.choose')}
        </p>
      )}
      {files.length === 0 ? (
        <p className="text-ink-muted">{empty}</p>
      ) : (
        files.map((file) => (
          <label key={file.id} className="flex min-h-12 items-center gap-3">
            <input type="checkbox" value={file.id} className="size-6 accent-primary" {...registration} />
            {file.name}
          </label>
        ))
      )}
    </fieldset>
  );
}
