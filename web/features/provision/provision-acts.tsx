import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PROVISION_MEANS, type ProvisionView } from '../../../shared/api/provision-provisions.ts';
import { useDates } from '../../app/preferences.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { required } from '../../ui/form-rules.ts';
import { Saved } from './bits.tsx';
import { useRecordAct } from './queries-provisions.ts';

type Means = (typeof PROVISION_MEANS)[number];
const k = 'provision.provisionPage';

/** Acts of provision under an active provision: when, which file, how many records, by what means. */
export function ActsSection({ provision: p }: { provision: ProvisionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const record = useRecordAct(p.id);
  const empty = {
    fileId: p.files[0]?.fileId ?? '',
    providedOn: '',
    records: '',
    means: '' as Means | '',
    note: '',
  };
  const form = useForm({ defaultValues: empty, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const fileName = (id: string) => p.files.find((f) => f.fileId === id)?.fileName ?? '';
  const submit = form.handleSubmit((v) =>
    record
      .mutateAsync({
        fileId: v.fileId,
        providedOn: v.providedOn,
        records: Number(v.records),
        means: v.means as Means,
        note: v.note.trim(),
      })
      .then(() => form.reset(empty))
      .catch(() => undefined),
  );
  return (
    <Section title={t(`${k}.acts`)}>
      {p.acts.length === 0 ? (
        <p className="text-ink-muted">{t(`${k}.actsNone`)}</p>
      ) : (
        <ul className="grid gap-2">
          {p.acts.map((a) => (
            <li key={a.id} className="card py-3">
              {t(`${k}.actLine`, {
                date: dates.date(a.providedOn),
                file: fileName(a.fileId),
                count: a.records,
                means: t(`provision.means.${a.means}`),
              })}
              {a.note && <span className="block text-sm">{a.note}</span>}
              <span className="block text-sm text-ink-muted">
                {t('provision.inspections.by', { name: a.recordedByName })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {p.canRecordAct && (
        <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
          <Saved show={record.isSuccess} />
          <FormErrors errors={errors} serverError={record.error} submitCount={submitCount} />
          <SelectField
            label={t(`${k}.actFile`)}
            registration={form.register('fileId', required(t('validation.choose')))}
            error={errors.fileId}
            required
            options={p.files.map((f) => ({ value: f.fileId, label: f.fileName }))}
          />
          <div className="grid gap-x-6 sm:grid-cols-3">
            <TextField
              label={t(`${k}.providedOn`)}
              type="date"
              registration={form.register('providedOn', required(t('validation.date')))}
              error={errors.providedOn}
              required
            />
            <TextField
              label={t(`${k}.records`)}
              inputMode="numeric"
              registration={form.register('records', {
                validate: (v) => /^\d+$/.test(v.trim()) || t('validation.format'),
              })}
              error={errors.records}
              required
            />
            <SelectField
              label={t(`${k}.means`)}
              registration={form.register('means', required(t('validation.choose')))}
              error={errors.means}
              required
              placeholder=""
              options={PROVISION_MEANS.map((m) => ({ value: m, label: t(`provision.means.${m}`) }))}
            />
          </div>
          <TextField label={t(`${k}.note`)} registration={form.register('note')} />
          <button type="submit" className="btn-primary" disabled={record.isPending}>
            {t(`${k}.recordAct`)}
          </button>
        </form>
      )}
    </Section>
  );
}
