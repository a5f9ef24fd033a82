import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  DELIVERY_METHODS,
  FEE_METHODS,
  IDENTITY_METHODS,
  REQUEST_KINDS,
  type OfficeView,
  type RequestKind,
  type RequestView,
} from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { applyServerErrors } from '../../../ui/form-errors.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { RecordErrors } from '../../facilities/common/record-errors.tsx';
import { useIntake } from '../common/queries.ts';
import { FilesField } from './files-field.tsx';
import { OfficeField } from './office-field.tsx';
import { RequesterFields } from './requester-fields.tsx';
import {
  FIELDS,
  REQUESTER_FIELDS,
  flatName,
  intakeResolver,
  toBody,
  type IntakeValues,
} from './intake-values.ts';

/** The form of intake: 種類, the office, how and when received, the requester, content, identity, fee. */
export function IntakeForm({
  offices,
  kind,
  parent,
}: {
  offices: OfficeView[];
  kind: RequestKind;
  parent: RequestView | null;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const navigate = useNavigate();
  const intake = useIntake();
  const today = todayInTokyo();
  const form = useForm<IntakeValues>({
    resolver: intakeResolver,
    shouldFocusError: false,
    defaultValues: {
      kind: parent ? (kind === 'disclosure' ? 'correction' : kind) : kind,
      parentId: parent?.id ?? '',
      sectionId:
        parent?.sectionId && offices.some((o) => o.sectionId === parent.sectionId)
          ? parent.sectionId
          : offices.length === 1
            ? offices[0]!.sectionId
            : '',
      channel: 'counter',
      receivedOn: today,
      requesterKind: 'self',
      representativeName: '',
      representativeRelation: '',
      name: '',
      nameKana: '',
      birthDate: '',
      address: '',
      phone: '',
      email: '',
      studentNumber: '',
      staffNumber: '',
      content: '',
      fileIds: [],
      identityMethod: '',
      feeMethod: 'cash',
      feePaidOn: today,
      preferredMethod: '',
    },
  });
  const { errors } = form.formState;
  const f = (k: string) => t(`requests.intake.${k}`);
  // The summary names each field by its visible label.
  const label = (name: string) =>
    f(
      name === 'identityMethod'
        ? 'identity'
        : name === 'parentId'
          ? 'parent'
          : name === 'fileIds'
            ? 'files'
            : name,
    );
  const current = form.watch('kind');
  const feeMethod = form.watch('feeMethod');
  const disclosure = current === 'disclosure';
  // Without a parent only a disclosure can be received; correction and suspension follow one (法90-3).
  const kinds = parent ? REQUEST_KINDS.filter((k) => k !== 'disclosure') : REQUEST_KINDS;

  const submit = form.handleSubmit(async (v) => {
    try {
      const view = await intake.mutateAsync(toBody(v));
      void navigate(`/requests/${view.id}`, { state: { notice: 'requests.intake.saved' } });
    } catch (e) {
      applyServerErrors<Record<string, string>>(
        e,
        [...FIELDS, ...REQUESTER_FIELDS.map((n) => `requester.${n}`)],
        (name, err) => form.setError(flatName(name) as keyof IntakeValues, err),
        {
          'requests.office_invalid': 'sectionId',
          'requests.received_in_future': 'receivedOn',
          'requests.fee_method_invalid': 'feeMethod',
          'requests.file_invalid': 'fileIds',
        },
      );
    }
  });

  if (offices.length === 0) return <p className="card">{f('noOffices')}</p>;
  return (
    <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)} aria-label={f('title')}>
      <RecordErrors form={form} fields={FIELDS} label={label} serverError={intake.error} />
      {parent && (
        <p className="card mb-6" data-testid="intake-parent">
          <span className="label mr-2">{f('parent')}</span>
          <Link to={`/requests/${parent.id}`} className="font-mono">
            {parent.number}
          </Link>
          <span className="mt-1 block text-sm text-ink-muted">{f('parentHelp')}</span>
        </p>
      )}
      {!parent && kind !== 'disclosure' && <p className="card mb-6">{f('parentMissing')}</p>}
      <RadioGroupField
        label={f('kind')}
        registration={form.register('kind')}
        error={errors.kind}
        required
        options={kinds.map((k) => ({ value: k, label: t(`requests.kindLong.${k}`) }))}
      />
      <OfficeField form={form} offices={offices} />
      <RadioGroupField
        label={f('channel')}
        registration={form.register('channel')}
        error={errors.channel}
        required
        options={CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))}
      />
      <TextField
        label={f('receivedOn')}
        type="date"
        registration={form.register('receivedOn')}
        error={errors.receivedOn}
        required
        after={<DatePreview text={dates.date(form.watch('receivedOn'))} />}
      />
      <RequesterFields form={form} />
      <TextAreaField
        label={f('content')}
        help={t(`requests.intake.contentHelp.${current}`)}
        registration={form.register('content')}
        error={errors.content}
        required
      />
      <FilesField form={form} offices={offices} />
      <SelectField
        label={f('identity')}
        help={f('identityNote')}
        registration={form.register('identityMethod')}
        error={errors.identityMethod}
        required
        placeholder={f('choose')}
        options={IDENTITY_METHODS.map((m) => ({ value: m, label: t(`requests.identity.${m}`) }))}
      />
      <fieldset className="mb-6">
        <legend className="label mb-2 text-xl">{f('feeTitle')}</legend>
        {disclosure ? (
          <>
            <p className="mb-3">{f('feeAmount')}</p>
            <SelectField
              label={f('feeMethod')}
              registration={form.register('feeMethod')}
              error={errors.feeMethod}
              required
              options={FEE_METHODS.filter((m) => m !== 'none').map((m) => ({
                value: m,
                label: t(`requests.fee.${m}`),
              }))}
            />
            {feeMethod !== 'exempt' && (
              <TextField
                label={f('feePaidOn')}
                help={f('feePaidOnHelp')}
                type="date"
                registration={form.register('feePaidOn')}
                error={errors.feePaidOn}
                after={<DatePreview text={dates.date(form.watch('feePaidOn'))} />}
              />
            )}
          </>
        ) : (
          <p>{f('feeNone')}</p>
        )}
      </fieldset>
      {disclosure && (
        <SelectField
          label={f('preferredMethod')}
          registration={form.register('preferredMethod')}
          error={errors.preferredMethod}
          options={[
            { value: '', label: f('preferredNone') },
            ...DELIVERY_METHODS.map((m) => ({ value: m, label: t(`requests.delivery.${m}`) })),
          ]}
        />
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary" disabled={intake.isPending}>
          {intake.isPending ? f('saving') : f('submit')}
        </button>
        <Link to={parent ? `/requests/${parent.id}` : '/requests'} className="btn-secondary">
          {f('cancel')}
        </Link>
      </div>
    </form>
  );
}
