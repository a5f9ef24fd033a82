import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/api/training.ts';
import { CheckboxField } from '../../ui/choice-field.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { useCompleteSelf } from './queries.ts';

/**
 * 受講を完了する: online material completed by the person themself (A10), after saying that they
 * read it to the end — a confirmation in a dialog, so that completion is never a stray click.
 */
export function SelfComplete({ session: s }: { session: SessionView }) {
  const { t } = useTranslation();
  const complete = useCompleteSelf(s.id);
  const [open, setOpen] = useState(false);
  const form = useForm({ defaultValues: { confirmed: false }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit(() =>
    complete
      .mutateAsync(undefined)
      .then(() => setOpen(false))
      .catch(() => undefined),
  );
  return (
    <>
      <button
        type="button"
        className="btn-primary"
        onClick={() => {
          form.reset({ confirmed: false });
          setOpen(true);
        }}
      >
        {t('training.complete.open')}
      </button>
      <Dialog open={open} title={t('training.complete.title')} onClose={() => setOpen(false)}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <FormErrors errors={errors} serverError={complete.error} submitCount={submitCount} />
          <p className="mb-4">{t('training.complete.lead', { title: s.courseTitle })}</p>
          <CheckboxField
            label={t('training.complete.confirm')}
            registration={form.register('confirmed', {
              validate: (v) => v || t('training.complete.confirmRequired'),
            })}
            error={errors.confirmed}
          />
          <button type="submit" className="btn-primary" disabled={complete.isPending}>
            {t('training.complete.submit')}
          </button>
        </form>
      </Dialog>
    </>
  );
}
