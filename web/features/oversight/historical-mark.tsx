import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { HistoricalView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { orNull, required } from '../../ui/form-rules.ts';
import { Saved } from './bits.tsx';
import { useMarkHistorical, useRegisterFiles, useUnmarkHistorical } from './queries.ts';

interface Values {
  fileId: string;
  facilityName: string;
  designatedOn: string;
  note: string;
}
const FIELDS = ['fileId', 'facilityName', 'designatedOn', 'note'] as const;

/**
 * Marks a register file as historical material (A41): the file is one the reader keeps (a section in
 * `sectionIds`, where the server lets them mark), held at a facility designated by the 内閣総理大臣.
 */
export function MarkForm({ sectionIds, marked }: { sectionIds: string[]; marked: HistoricalView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const files = useRegisterFiles();
  const mark = useMarkHistorical();
  const taken = new Set(marked.filter((m) => m.unmarkedAt === null).map((m) => m.fileId));
  const choices = (files.data?.files ?? [])
    .filter((f) => sectionIds.includes(f.sectionId) && f.state !== 'discontinued' && !taken.has(f.id))
    .sort((a, b) =>
      `${a.unitName}${a.sectionName}${a.name}`.localeCompare(`${b.unitName}${b.sectionName}${b.name}`, 'ja'),
    );
  const blank = { fileId: '', facilityName: '', designatedOn: '', note: '' };
  const form = useForm<Values>({ defaultValues: blank, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const k = 'oversight.historical';
  const submit = form.handleSubmit((v) =>
    mark
      .mutateAsync({
        fileId: v.fileId,
        facilityName: v.facilityName.trim(),
        designatedOn: v.designatedOn,
        note: orNull(v.note),
      })
      .then(() => form.reset(blank))
      .catch((e: unknown) =>
        applyServerErrors(e, FIELDS, form.setError, {
          'oversight.already_marked': 'fileId',
          'oversight.file_invalid': 'fileId',
        }),
      ),
  );
  if (files.isSuccess && choices.length === 0) return <p className="text-ink-muted">{t(`${k}.noFiles`)}</p>;
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
      <Saved show={mark.isSuccess} text={t(`${k}.markedNotice`)} />
      <FormErrors
        errors={errors}
        serverError={mark.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: t(`${k}.${name}`) }))}
        onFocusField={(name) => form.setFocus(name as (typeof FIELDS)[number])}
      />
      <SelectField
        label={t(`${k}.fileId`)}
        help={t(`${k}.fileHelp`)}
        required
        placeholder={t('oversight.choose')}
        options={choices.map((f) => ({ value: f.id, label: `${f.name}（${f.unitName} ${f.sectionName}）` }))}
        registration={form.register('fileId', required('i18n:validation.required'))}
        error={errors.fileId}
      />
      <TextField
        label={t(`${k}.facilityName`)}
        help={t(`${k}.facilityHelp`)}
        required
        registration={form.register('facilityName', required('i18n:validation.required'))}
        error={errors.facilityName}
      />
      <TextField
        label={t(`${k}.designatedOn`)}
        type="date"
        required
        registration={form.register('designatedOn', required('i18n:validation.required'))}
        error={errors.designatedOn}
        after={<DatePreview text={dates.date(form.watch('designatedOn'))} />}
      />
      <TextAreaField label={t(`${k}.note`)} registration={form.register('note')} error={errors.note} />
      <button type="submit" className="btn-primary" disabled={mark.isPending}>
        {t(`${k}.mark`)}
      </button>
    </form>
  );
}

/** 指定の解除: the mark ends with its reason; its history is kept (A41). */
export function UnmarkDialog({ file, onClose }: { file: HistoricalView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const unmark = useUnmarkHistorical();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const k = 'oversight.historical';
  const close = () => {
    form.reset({ reason: '' });
    unmark.reset();
    onClose();
  };
  const submit = form.handleSubmit((v) =>
    file
      ? unmark
          .mutateAsync({ id: file.id, reason: v.reason.trim() })
          .then(close)
          .catch((e: unknown) => applyServerErrors(e, ['reason'], form.setError))
      : undefined,
  );
  return (
    <Dialog open={file !== null} title={t(`${k}.unmarkTitle`)} onClose={close}>
      {file && (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <p className="mb-4">{t(`${k}.unmarkLead`, { name: file.fileName })}</p>
          <FormErrors errors={errors} serverError={unmark.error} submitCount={submitCount} />
          <TextAreaField
            label={t(`${k}.unmarkReason`)}
            required
            registration={form.register('reason', required('i18n:validation.required'))}
            error={errors.reason}
          />
          <button type="submit" className="btn-primary" disabled={unmark.isPending}>
            {t(`${k}.unmark`)}
          </button>
        </form>
      )}
    </Dialog>
  );
}
