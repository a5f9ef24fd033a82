import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from './field.tsx';
import { FormErrors } from './form-errors.tsx';
import { required } from './form-rules.ts';

/**
 * A one-field form under an item of a list: a required note (what was done, how it went), then a
 * small submit button. `onSubmit` gets the trimmed note; its rejection shows through `serverError`.
 */
export function NoteForm({
  label,
  submitLabel,
  pending,
  serverError,
  onSubmit,
  secondary = false,
  clearAfter = false,
  className = 'mt-3',
  onCancel,
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  serverError: unknown;
  onSubmit: (note: string) => Promise<unknown>;
  /** The quieter button, where recording is not the item's main step. */
  secondary?: boolean;
  /** Empty the note after it is saved (where the form stays for the next note). */
  clearAfter?: boolean;
  className?: string;
  /** A 「キャンセル」 button beside the submit button (where the form was opened by a button). */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ defaultValues: { note: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    onSubmit(v.note.trim())
      .then(() => clearAfter && form.reset({ note: '' }))
      .catch(() => undefined),
  );
  const button = (
    <button
      type="submit"
      className={secondary ? 'btn-secondary btn-sm' : 'btn-primary btn-sm'}
      disabled={pending}
    >
      {submitLabel}
    </button>
  );
  return (
    <form noValidate className={className} onSubmit={(e) => void submit(e)}>
      <FormErrors errors={errors} serverError={serverError} submitCount={submitCount} />
      <TextAreaField
        label={label}
        registration={form.register('note', required(t('validation.required')))}
        error={errors.note}
        required
      />
      {onCancel ? (
        <div className="flex flex-wrap gap-3">
          {button}
          <button type="button" className="btn-secondary btn-sm" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        button
      )}
    </form>
  );
}
