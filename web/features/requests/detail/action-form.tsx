import { useState, type ReactNode } from 'react';
import { useForm, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { Dialog } from '../../../ui/dialog.tsx';
import { applyServerErrors } from '../../../ui/form-errors.tsx';
import { RecordErrors } from '../../facilities/common/record-errors.tsx';
import { useRequestAction } from '../common/queries.ts';

/**
 * One change of a request (補正, its answer, extension, the large case, the fee, withdrawal): a button
 * that opens its form in a dialog, checked with the contract's zod schema, posted to `path`; the
 * server's errors go next to their fields (`codes`: errors about one field by their code).
 */
export function ActionForm<T extends FieldValues>({
  requestId,
  path,
  label,
  schema,
  defaults,
  fields,
  fieldLabel,
  codes = {},
  children,
}: {
  requestId: string;
  path: string;
  label: string;
  schema: ZodType<T, T>;
  defaults: T;
  fields: readonly Path<T>[];
  fieldLabel: (name: string) => string;
  codes?: Record<string, Path<T>>;
  children: (form: UseFormReturn<T>) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const action = useRequestAction<T>(requestId, path);
  const form = useForm<T>({
    resolver: zodResolver(schema),
    defaultValues: defaults as never,
    shouldFocusError: false,
  });
  const close = () => {
    setOpen(false);
    action.reset();
    form.reset(defaults);
  };
  const submit = form.handleSubmit(async (v) => {
    try {
      await action.mutateAsync(v);
      close();
    } catch (e) {
      applyServerErrors(e, fields, form.setError, codes as never);
    }
  });
  return (
    <>
      <button type="button" className="btn-secondary whitespace-normal" onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog open={open} title={label} onClose={close}>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <RecordErrors form={form} fields={fields} label={fieldLabel} serverError={action.error} />
          {children(form)}
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn-primary" disabled={action.isPending}>
              {t('requests.overview.save')}
            </button>
            <button type="button" className="btn-secondary" onClick={close}>
              {t('requests.overview.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
