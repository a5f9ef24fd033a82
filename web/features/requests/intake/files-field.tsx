import { useEffect, useId, useMemo } from 'react';
import type { FieldError, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OfficeView } from '../../../../shared/api/requests.ts';
import { fieldErrorText } from '../../../ui/field.tsx';
import type { IntakeValues } from './intake-values.ts';

/**
 * 請求に係る個人情報ファイル（分かる場合）: the register's files of the chosen office's unit, as
 * checkboxes (法77-1-2: the request names the information it is about when the requester knows the
 * file). None chosen: every file is concerned. Files of another unit are dropped when the office
 * changes; the server checks every id it receives.
 */
export function FilesField({ form, offices }: { form: UseFormReturn<IntakeValues>; offices: OfficeView[] }) {
  const { t } = useTranslation();
  const id = useId();
  const sectionId = form.watch('sectionId');
  const chosen = form.watch('fileIds');
  const office = offices.find((o) => o.sectionId === sectionId);
  const files = useMemo(() => office?.files ?? [], [office]);
  const errorText = fieldErrorText(form.formState.errors.fileIds as FieldError | undefined, t);

  useEffect(() => {
    const known = new Set(files.map((f) => f.id));
    const kept = form.getValues('fileIds').filter((f) => known.has(f));
    if (kept.length !== form.getValues('fileIds').length) form.setValue('fileIds', kept);
  }, [files, form]);

  const toggle = (fileId: string, on: boolean) => {
    const rest = chosen.filter((f) => f !== fileId);
    form.setValue('fileIds', on ? [...rest, fileId] : rest, { shouldDirty: true });
  };

  return (
    <fieldset
      className={`mb-6 ${errorText ? 'border-l-4 border-error pl-4' : ''}`}
      aria-describedby={errorText ? `${id}-help ${id}-error` : `${id}-help`}
    >
      <legend className="label mb-1">{t('requests.intake.files')}</legend>
      <p id={`${id}-help`} className="mb-1 text-sm text-ink-muted">
        {t('requests.intake.filesHelp')}
      </p>
      {errorText && (
        <p id={`${id}-error`} className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {errorText}
        </p>
      )}
      {!office ? (
        <p className="text-ink-muted">{t('requests.intake.filesChooseOffice')}</p>
      ) : files.length === 0 ? (
        <p className="text-ink-muted">{t('requests.intake.filesNone')}</p>
      ) : (
        <ul className="grid gap-1">
          {files.map((f) => (
            <li key={f.id}>
              <label className="flex min-h-12 items-center gap-2">
                <input
                  type="checkbox"
                  className="size-6 shrink-0 accent-primary"
                  checked={chosen.includes(f.id)}
                  onChange={(e) => toggle(f.id, e.target.checked)}
                />
                {f.name}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
