import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NOTICE_METHODS, type IncidentView, type NoticeMethod } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { orNull } from '../../ui/form-rules.ts';
import { Item, Saved } from './form-bits.tsx';
import { useSaveNotice, useSavePublication } from './queries.ts';

/** Notice to the persons affected (法68②), or the substitute measure where notice is impossible. */
export function NoticeSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const save = useSaveNotice(incident.id);
  const n = incident.notice;
  const form = useForm({
    defaultValues: {
      notifiedOn: n?.notifiedOn ?? '',
      method: n?.method ?? '',
      count: n?.count === null || n?.count === undefined ? '' : String(n.count),
      substitute: n?.substitute ?? '',
      note: n?.note ?? '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    save
      .mutateAsync({
        notifiedOn: v.notifiedOn || null,
        method: (v.method || null) as NoticeMethod | null,
        count: v.count.trim() === '' ? null : Number(v.count),
        substitute: orNull(v.substitute),
        note: orNull(v.note),
      })
      .catch(() => undefined),
  );
  if (!incident.can.notice)
    return (
      <Section title={t('incidents.notice.title')}>
        {!n ? (
          <p className="text-ink-muted">{t('incidents.notice.none')}</p>
        ) : (
          <dl className="max-w-4xl">
            <Item term={t('incidents.notice.notifiedOn')}>{dates.date(n.notifiedOn) || '－'}</Item>
            <Item term={t('incidents.notice.method')}>
              {n.method ? t(`incidents.notice.methods.${n.method}`) : '－'}
            </Item>
            <Item term={t('incidents.notice.count')}>{n.count ?? '－'}</Item>
            <Item term={t('incidents.notice.substitute')}>{n.substitute ?? '－'}</Item>
            <Item term={t('incidents.notice.note')}>{n.note ?? '－'}</Item>
          </dl>
        )}
      </Section>
    );
  return (
    <Section title={t('incidents.notice.title')}>
      <p className="mb-4 max-w-3xl">{t('incidents.notice.lead')}</p>
      <Saved show={save.isSuccess} />
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <div className="grid gap-x-6 sm:grid-cols-3">
          <TextField
            label={t('incidents.notice.notifiedOn')}
            type="date"
            registration={form.register('notifiedOn')}
            after={<DatePreview text={dates.date(form.watch('notifiedOn'))} />}
          />
          <SelectField
            label={t('incidents.notice.method')}
            registration={form.register('method')}
            placeholder=""
            options={NOTICE_METHODS.map((m) => ({ value: m, label: t(`incidents.notice.methods.${m}`) }))}
          />
          <TextField
            label={t('incidents.notice.count')}
            type="number"
            inputMode="numeric"
            registration={form.register('count', {
              validate: (v) => v.trim() === '' || /^\d{1,9}$/.test(v.trim()) || t('validation.format'),
            })}
            error={errors.count}
          />
        </div>
        <TextAreaField
          label={t('incidents.notice.substitute')}
          help={t('incidents.notice.substituteHelp')}
          registration={form.register('substitute')}
        />
        <TextAreaField label={t('incidents.notice.note')} registration={form.register('note')} />
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {t('incidents.notice.submit')}
        </button>
      </form>
    </Section>
  );
}

/** The decision on publication (A35-1) and, when published, its text, day and the response to persons. */
export function PublicationSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const save = useSavePublication(incident.id);
  const p = incident.publication;
  const form = useForm({
    defaultValues: {
      publish: p ? (p.publish ? 'yes' : 'no') : 'no',
      reason: p?.reason ?? '',
      text: p?.text ?? '',
      publishedOn: p?.publishedOn ?? '',
      response: p?.response ?? '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const publish = form.watch('publish') === 'yes';
  const submit = form.handleSubmit((v) =>
    save
      .mutateAsync({
        publish: v.publish === 'yes',
        reason: orNull(v.reason),
        text: orNull(v.text),
        publishedOn: v.publishedOn || null,
        response: orNull(v.response),
      })
      .catch(() => undefined),
  );
  if (!incident.can.publication)
    return (
      <Section title={t('incidents.publication.title')}>
        {!p ? (
          <p className="text-ink-muted">{t('incidents.publication.none')}</p>
        ) : (
          <dl className="max-w-4xl">
            <Item term={t('incidents.publication.publish')}>
              {t(p.publish ? 'incidents.publication.yes' : 'incidents.publication.no')}
            </Item>
            {p.reason && <Item term={t('incidents.publication.reason')}>{p.reason}</Item>}
            {p.text && <Item term={t('incidents.publication.text')}>{p.text}</Item>}
            {p.publishedOn && (
              <Item term={t('incidents.publication.publishedOn')}>{dates.date(p.publishedOn)}</Item>
            )}
            {p.response && <Item term={t('incidents.publication.response')}>{p.response}</Item>}
          </dl>
        )}
      </Section>
    );
  return (
    <Section title={t('incidents.publication.title')}>
      <p className="mb-4 max-w-3xl">{t('incidents.publication.lead')}</p>
      <Saved show={save.isSuccess} />
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <RadioGroupField
          label={t('incidents.publication.publish')}
          registration={form.register('publish')}
          required
          options={[
            { value: 'yes', label: t('incidents.publication.yes') },
            { value: 'no', label: t('incidents.publication.no') },
          ]}
        />
        {publish ? (
          <>
            <TextAreaField
              label={t('incidents.publication.text')}
              registration={form.register('text')}
              required
            />
            <TextField
              label={t('incidents.publication.publishedOn')}
              type="date"
              registration={form.register('publishedOn')}
              after={<DatePreview text={dates.date(form.watch('publishedOn'))} />}
            />
          </>
        ) : (
          <TextAreaField
            label={t('incidents.publication.reason')}
            registration={form.register('reason')}
            required
          />
        )}
        <TextAreaField label={t('incidents.publication.response')} registration={form.register('response')} />
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {t('incidents.publication.submit')}
        </button>
      </form>
    </Section>
  );
}
