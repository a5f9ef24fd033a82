import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';
import { CheckboxField } from '../../ui/choice-field.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Item, Saved } from './form-bits.tsx';
import { LOCAL_DATETIME, PpcBadge, nowInTokyo, tokyoInstant } from './labels.tsx';
import { useContain, useSaveFacts } from './queries.ts';

/** 応急措置 (A34-2): what was done at once to stop the damage, with when. */
export function ContainmentSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const contain = useContain(incident.id);
  const form = useForm({ defaultValues: { at: nowInTokyo(), text: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const entries = incident.timeline.filter((e) => e.kind === 'containment');
  const submit = form.handleSubmit((v) =>
    contain
      .mutateAsync({ at: tokyoInstant(v.at), text: v.text })
      .then(() => form.reset({ at: nowInTokyo(), text: '' }))
      .catch(() => undefined),
  );
  return (
    <Section title={t('incidents.containment.title')}>
      <p className="mb-4 max-w-3xl">{t('incidents.containment.lead')}</p>
      {entries.length === 0 ? (
        <p className="mb-4 text-ink-muted">{t('incidents.containment.none')}</p>
      ) : (
        <ul className="mb-6 grid gap-2">
          {entries.map((e) => (
            <li key={e.id} className="card py-3">
              <p className="text-sm text-ink-muted">
                {dates.dateTime(e.at)} {e.byName}
              </p>
              <p className="whitespace-pre-wrap">{e.text}</p>
            </li>
          ))}
        </ul>
      )}
      {incident.can.contain && (
        <>
          <Saved show={contain.isSuccess} />
          <FormErrors errors={errors} serverError={contain.error} submitCount={submitCount} />
          <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
            <h3 className="mb-3 text-lg">{t('incidents.containment.add')}</h3>
            <TextAreaField
              label={t('incidents.containment.text')}
              registration={form.register('text', {
                validate: (v) => v.trim().length > 0 || t('validation.required'),
              })}
              error={errors.text}
              required
            />
            <TextField
              label={t('incidents.containment.at')}
              type="datetime-local"
              registration={form.register('at', {
                validate: (v) => LOCAL_DATETIME.test(v) || t('validation.format'),
              })}
              error={errors.at}
              required
            />
            <button type="submit" className="btn-primary" disabled={contain.isPending}>
              {t('incidents.containment.submit')}
            </button>
          </form>
        </>
      )}
    </Section>
  );
}

const FLAGS = [
  'sensitive',
  'strongEncryption',
  'financialRisk',
  'wrongfulPurpose',
  'myNumber',
  'serious',
] as const;

/** The investigation (A34-3, A34-5; 規則44's items): cause, damage, scope; saved as often as needed. */
export function FactsSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const save = useSaveFacts(incident.id);
  const f = incident.facts;
  const form = useForm({
    defaultValues: {
      cause: f.cause ?? '',
      damage: f.damage ?? '',
      items: f.items ?? '',
      personsCount: f.personsCount === null || f.personsCount === undefined ? '' : String(f.personsCount),
      secondaryDamage: f.secondaryDamage ?? '',
      sensitive: f.sensitive ?? false,
      strongEncryption: f.strongEncryption ?? false,
      financialRisk: f.financialRisk ?? false,
      wrongfulPurpose: f.wrongfulPurpose ?? false,
      myNumber: f.myNumber ?? false,
      serious: f.serious ?? false,
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    save
      .mutateAsync({
        cause: v.cause.trim() || null,
        damage: v.damage.trim() || null,
        items: v.items.trim() || null,
        personsCount: v.personsCount.trim() === '' ? null : Number(v.personsCount),
        secondaryDamage: v.secondaryDamage.trim() || null,
        sensitive: v.sensitive,
        strongEncryption: v.strongEncryption,
        financialRisk: v.financialRisk,
        wrongfulPurpose: v.wrongfulPurpose,
        myNumber: v.myNumber,
        serious: v.serious,
      })
      .catch(() => undefined),
  );
  if (!incident.can.investigate)
    return (
      <Section title={t('incidents.facts.title')}>
        <dl className="max-w-4xl">
          <Item term={t('incidents.facts.cause')}>{f.cause ?? '－'}</Item>
          <Item term={t('incidents.facts.damage')}>{f.damage ?? '－'}</Item>
          <Item term={t('incidents.facts.items')}>{f.items ?? '－'}</Item>
          <Item term={t('incidents.facts.personsCount')}>
            {f.personsCount === null || f.personsCount === undefined
              ? t('incidents.facts.unknown')
              : t('incidents.facts.persons', { count: f.personsCount })}
          </Item>
          <Item term={t('incidents.facts.secondaryDamage')}>{f.secondaryDamage ?? '－'}</Item>
          {FLAGS.filter((k) => f[k]).map((k) => (
            <Item key={k} term={t(`incidents.facts.flags.${k}`)}>
              {t('incidents.facts.yes')}
            </Item>
          ))}
        </dl>
      </Section>
    );
  return (
    <Section title={t('incidents.facts.title')}>
      <p className="mb-4 max-w-3xl">{t('incidents.facts.lead')}</p>
      {f.updatedAt && (
        <p className="mb-4 text-sm text-ink-muted">
          {t('incidents.facts.updatedAt', { date: dates.dateTime(f.updatedAt) })}
        </p>
      )}
      <Saved show={save.isSuccess} />
      <FormErrors errors={errors} serverError={save.error} submitCount={submitCount} />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <TextAreaField label={t('incidents.facts.cause')} registration={form.register('cause')} />
        <TextAreaField label={t('incidents.facts.damage')} registration={form.register('damage')} />
        <TextField
          label={t('incidents.facts.items')}
          help={t('incidents.facts.itemsHelp')}
          registration={form.register('items')}
        />
        <TextField
          label={t('incidents.facts.personsCount')}
          help={t('incidents.facts.personsCountHelp')}
          type="number"
          inputMode="numeric"
          registration={form.register('personsCount', {
            validate: (v) => v.trim() === '' || /^\d{1,9}$/.test(v.trim()) || t('validation.format'),
          })}
          error={errors.personsCount}
        />
        <fieldset className="mb-6">
          <legend className="label mb-2">{t('incidents.facts.flagsLegend')}</legend>
          {FLAGS.map((k) => (
            <CheckboxField
              key={k}
              label={t(`incidents.facts.flags.${k}`)}
              help={t(`incidents.facts.flagsHelp.${k}`)}
              registration={form.register(k)}
            />
          ))}
        </fieldset>
        <TextAreaField
          label={t('incidents.facts.secondaryDamage')}
          registration={form.register('secondaryDamage')}
        />
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {t('incidents.facts.submit')}
        </button>
      </form>
    </Section>
  );
}

/** The law's decision (法68①, 規則43): required, undecided while the count is unknown, or not required. */
export function PpcSection({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const { ppc } = incident;
  return (
    <Section title={t('incidents.ppc.title')}>
      <p className="mb-3">
        <PpcBadge ppc={ppc} />
      </p>
      <p className="mb-3 max-w-3xl">
        {t(
          `incidents.ppc.explain.${ppc.required === true ? 'required' : ppc.required === null ? 'undecided' : 'notRequired'}`,
        )}
      </p>
      {ppc.cases.length > 0 && (
        <ul className="mb-3 list-disc pl-6">
          {ppc.cases.map((c) => (
            <li key={c}>{t(`incidents.ppc.cases.${c}`)}</li>
          ))}
        </ul>
      )}
      {ppc.myNumber && <p className="font-bold">{t('incidents.ppc.myNumber')}</p>}
    </Section>
  );
}
