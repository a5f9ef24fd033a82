import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REQUESTER_KINDS } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, TextField } from '../../../ui/field.tsx';
import type { IntakeValues } from './intake-values.ts';

/**
 * The requester (法76-2: the person, a legal representative or an agent) and the particulars that
 * find their records. Sealed at rest by the server; never put in a URL or a log.
 */
export function RequesterFields({ form }: { form: UseFormReturn<IntakeValues> }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { errors } = form.formState;
  const f = (k: string) => t(`requests.intake.${k}`);
  const representative = form.watch('requesterKind') !== 'self';
  const text = (
    name: Exclude<keyof IntakeValues, 'fileIds'>,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => <TextField label={f(name)} registration={form.register(name)} error={errors[name]} {...extra} />;
  return (
    <fieldset className="mb-6">
      <legend className="label mb-2 text-xl">{f('requester')}</legend>
      <RadioGroupField
        label={f('requesterKind')}
        registration={form.register('requesterKind')}
        error={errors.requesterKind}
        required
        options={REQUESTER_KINDS.map((k) => ({ value: k, label: t(`requests.requesterKind.${k}`) }))}
      />
      {representative && (
        <div className="card mb-6">
          {text('representativeName', { required: true, autoComplete: 'off' })}
          {text('representativeRelation', { autoComplete: 'off' })}
        </div>
      )}
      {text('name', { required: true, autoComplete: 'off' })}
      {text('nameKana', { autoComplete: 'off' })}
      {text('birthDate', {
        type: 'date',
        after: <DatePreview text={dates.date(form.watch('birthDate'))} />,
      })}
      {text('address', { autoComplete: 'off' })}
      <div className="grid gap-x-6 md:grid-cols-2">
        {text('phone', { type: 'tel', autoComplete: 'off' })}
        {text('email', { type: 'email', inputMode: 'email', autoComplete: 'off' })}
      </div>
      <div className="grid gap-x-6 md:grid-cols-2">
        {text('studentNumber', { help: f('numbersHelp'), autoComplete: 'off' })}
        {text('staffNumber', { help: f('numbersHelp'), autoComplete: 'off' })}
      </div>
    </fieldset>
  );
}
