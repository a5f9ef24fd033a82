import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LINK_KINDS, type IncidentView, type LinkKind } from '../../../shared/api/incidents.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Saved } from './form-bits.tsx';
import { useAddLink, useRemoveLink, useReportForm } from './queries.ts';

/** 影響の範囲 (A34-3): the files, records, log entries and requests the incident concerns. */
export function LinksSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const add = useAddLink(incident.id);
  const remove = useRemoveLink(incident.id);
  const form = useForm<{ kind: LinkKind; ref: string }>({
    defaultValues: { kind: 'file', ref: '' },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const kind = form.watch('kind');
  // A file is chosen from the register of the unit (the report form's list), not typed as an id.
  const files = useReportForm().data?.files ?? [];
  const refRules = { validate: (v: string) => v.trim().length > 0 || t('validation.required') };
  const submit = form.handleSubmit((v) =>
    add
      .mutateAsync({ kind: v.kind, ref: v.ref.trim() })
      .then(() => form.reset({ kind: v.kind, ref: '' }))
      .catch(() => undefined),
  );
  return (
    <Section title={t('incidents.links.title')}>
      {incident.links.length === 0 ? (
        <p className="mb-4 text-ink-muted">{t('incidents.links.none')}</p>
      ) : (
        <ul className="mb-6 grid gap-2">
          {incident.links.map((l) => (
            <li key={l.id} className="card flex flex-wrap items-center justify-between gap-3 py-3">
              <span>
                <span className="badge mr-2 border-line">{t(`incidents.links.kinds.${l.kind}`)}</span>
                {l.path ? <Link to={l.path}>{l.label}</Link> : l.label}
              </span>
              {incident.can.link && (
                <button
                  type="button"
                  className="btn-danger btn-sm"
                  disabled={remove.isPending}
                  aria-label={t('incidents.links.removeNamed', { label: l.label })}
                  onClick={() => remove.mutate(l.id)}
                >
                  {t('incidents.links.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Saved show={add.isSuccess || remove.isSuccess} />
      <FormErrors errors={{}} serverError={remove.error} />
      {incident.can.link && (
        <>
          <FormErrors errors={errors} serverError={add.error} submitCount={submitCount} />
          <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
            <h3 className="mb-3 text-lg">{t('incidents.links.add')}</h3>
            <div className="grid gap-x-6 sm:grid-cols-[14rem_1fr]">
              <SelectField
                label={t('incidents.links.kind')}
                registration={form.register('kind')}
                required
                options={LINK_KINDS.map((k) => ({ value: k, label: t(`incidents.links.kinds.${k}`) }))}
              />
              {kind === 'file' && files.length > 0 ? (
                <SelectField
                  label={t('incidents.links.file')}
                  registration={form.register('ref', refRules)}
                  error={errors.ref}
                  required
                  placeholder={t('incidents.links.choose')}
                  options={files.map((f) => ({ value: f.id, label: `${f.name}（${f.sectionName}）` }))}
                />
              ) : (
                <TextField
                  label={t('incidents.links.ref')}
                  help={t(`incidents.links.refHelp.${kind}`)}
                  registration={form.register('ref', refRules)}
                  error={errors.ref}
                  required
                />
              )}
            </div>
            <button type="submit" className="btn-primary" disabled={add.isPending}>
              {t('incidents.links.submit')}
            </button>
          </form>
        </>
      )}
    </Section>
  );
}
