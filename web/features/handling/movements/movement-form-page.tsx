import { useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  CARRY_MEANS,
  MOVEMENT_KINDS,
  TRANSMIT_MEANS,
  type MovementFormView,
  type MovementKind,
} from '../../../../shared/api/handling-movements.ts';
import { useDates } from '../../../app/preferences.tsx';
import { todayInTokyo } from '../../../ui/format-date.ts';
import { Alert } from '../../../ui/alert.tsx';
import { RadioGroupField } from '../../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../../ui/field.tsx';
import { FormErrors, applyServerErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useVaultFiles } from '../../vault/queries.ts';
import { useMovementForm, useSubmitMovement } from './queries.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const movementForm = z.object({
  purpose: z.string().min(1, { message: 'i18n:validation.choose' }),
  recordsCount: z.string().regex(/^\d{1,8}$/, 'count'),
  recordsDescription: z.string().trim().min(1).max(500),
  recipient: z.string().trim().min(1).max(300),
  means: z.string().min(1),
  plannedAt: isoDate,
  mediumId: z.string(),
  dueBack: z.string(),
  reason: z.string().trim().min(1).max(2000),
});
type FormIn = z.input<typeof movementForm>;
type FormOut = z.output<typeof movementForm>;
const FIELDS = [
  'purpose',
  'recordsCount',
  'recordsDescription',
  'recipient',
  'means',
  'plannedAt',
  'mediumId',
  'dueBack',
  'reason',
] as const;

/** Which file and which act: the first step when the page is opened without them. */
function Chooser() {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const files = useVaultFiles();
  const form = useForm<{ fileId: string; kind: MovementKind }>({
    defaultValues: { fileId: '', kind: 'transmit' },
  });
  const choices = (files.data?.files ?? []).filter(
    (f) => f.inVault && (f.myPermissions.includes('transmit') || f.myPermissions.includes('take_out')),
  );
  return (
    <Section title={t('movement.form.chooseTitle')}>
      <form
        noValidate
        className="max-w-3xl"
        onSubmit={(e) => void form.handleSubmit((v) => setParams({ fileId: v.fileId, kind: v.kind }))(e)}
      >
        <SelectField
          label={t('movement.form.file')}
          help={t('movement.form.fileHelp')}
          registration={form.register('fileId', { required: true })}
          error={form.formState.errors.fileId}
          placeholder=""
          required
          options={choices.map((f) => ({ value: f.fileId, label: f.name }))}
        />
        <RadioGroupField
          label={t('movement.form.kind')}
          registration={form.register('kind')}
          required
          options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`movement.kinds.${k}`) }))}
        />
        <button type="submit" className="btn-primary">
          {t('movement.form.next')}
        </button>
      </form>
    </Section>
  );
}

function MovementForm({ view }: { view: MovementFormView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const navigate = useNavigate();
  const submitting = useSubmitMovement();
  const media = view.kind !== 'transmit';
  const means = media ? CARRY_MEANS : TRANSMIT_MEANS;
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(movementForm),
    defaultValues: {
      purpose: view.purposes.length === 1 ? view.purposes[0]!.code : '',
      recordsCount: '0',
      recordsDescription: '',
      recipient: '',
      means: means[0],
      plannedAt: todayInTokyo(),
      mediumId: view.media[0]?.id ?? '',
      dueBack: '',
      reason: '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const send = (mode: 'request' | 'record') =>
    form.handleSubmit((v) => {
      // A12(3): a take-out names the day it comes back.
      if (view.kind === 'take_out' && !v.dueBack) {
        form.setError('dueBack', { type: 'server', message: 'error:handling.due_back_required' });
        return;
      }
      return submitting
        .mutateAsync({
          mode,
          input: {
            kind: view.kind,
            fileId: view.fileId,
            purpose: v.purpose,
            recordsCount: Number(v.recordsCount),
            recordsDescription: v.recordsDescription,
            recipient: v.recipient,
            means: v.means as (typeof means)[number],
            plannedAt: v.plannedAt,
            mediumId: media ? v.mediumId || null : null,
            dueBack: media && v.dueBack ? v.dueBack : null,
            reason: v.reason,
          },
        })
        .then(() =>
          navigate('/handling/movements', {
            state: { notice: mode === 'request' ? 'movement.form.requested' : 'movement.form.recorded' },
          }),
        )
        .catch((e: unknown) =>
          applyServerErrors(e, FIELDS, form.setError, {
            'handling.due_back_required': 'dueBack',
            'handling.due_back_before_planned': 'dueBack',
            'handling.medium_required': 'mediumId',
            'handling.medium_not_stored': 'mediumId',
            'handling.medium_file_mismatch': 'mediumId',
            'handling.means_invalid': 'means',
            'vault.purpose_not_registered': 'purpose',
          }),
        );
    });
  const labels: Record<(typeof FIELDS)[number], string> = {
    purpose: t('movement.form.purpose'),
    recordsCount: t('movement.form.recordsCount'),
    recordsDescription: t('movement.form.recordsDescription'),
    recipient: t('movement.form.recipient'),
    means: t('movement.form.means'),
    plannedAt: t('movement.form.plannedAt'),
    mediumId: t('movement.form.medium'),
    dueBack: t('movement.form.dueBack'),
    reason: t('movement.form.reason'),
  };
  return (
    <>
      <Alert tone={view.requirement === 'none' ? 'info' : 'warning'}>
        <p>{t(`movement.form.needs.${view.requirement}`)}</p>
      </Alert>
      <FormErrors
        errors={errors}
        serverError={submitting.error}
        submitCount={submitCount}
        fields={FIELDS.map((name) => ({ name, label: labels[name] }))}
        onFocusField={(name) => form.setFocus(name as keyof FormIn)}
      />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void send('request')(e)}>
        <SelectField
          label={labels.purpose}
          help={t('movement.form.purposeHelp')}
          registration={form.register('purpose')}
          error={errors.purpose}
          placeholder=""
          required
          options={view.purposes.map((p) => ({ value: p.code, label: p.label }))}
        />
        <TextField
          label={labels.recordsDescription}
          help={t('movement.form.recordsDescriptionHelp')}
          registration={form.register('recordsDescription')}
          error={errors.recordsDescription}
          required
        />
        <TextField
          label={labels.recordsCount}
          help={t('movement.form.recordsCountHelp')}
          type="number"
          inputMode="numeric"
          registration={form.register('recordsCount')}
          error={errors.recordsCount}
          required
        />
        <TextField
          label={labels.recipient}
          help={t('movement.form.recipientHelp')}
          registration={form.register('recipient')}
          error={errors.recipient}
          required
        />
        <SelectField
          label={labels.means}
          registration={form.register('means')}
          error={errors.means}
          required
          options={means.map((m) => ({ value: m, label: t(`movement.means.${m}`) }))}
        />
        {media &&
          (view.media.length === 0 ? (
            <Alert tone="error" title={t('movement.form.noMedia')} />
          ) : (
            <SelectField
              label={labels.mediumId}
              help={t('movement.form.mediumHelp')}
              registration={form.register('mediumId')}
              error={errors.mediumId}
              required
              options={view.media.map((m) => ({ value: m.id, label: `${m.label}（${m.storagePlace}）` }))}
            />
          ))}
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            label={labels.plannedAt}
            type="date"
            registration={form.register('plannedAt')}
            error={errors.plannedAt}
            required
            after={<DatePreview text={dates.date(form.watch('plannedAt'))} />}
          />
          {media && (
            <TextField
              label={labels.dueBack}
              help={t('movement.form.dueBackHelp')}
              type="date"
              registration={form.register('dueBack')}
              error={errors.dueBack}
              required={view.kind === 'take_out'}
              after={<DatePreview text={dates.date(form.watch('dueBack'))} />}
            />
          )}
        </div>
        <TextAreaField
          label={labels.reason}
          help={t('movement.form.reasonHelp')}
          registration={form.register('reason')}
          error={errors.reason}
          required
        />
        <div className="mt-8 flex flex-wrap gap-4">
          {view.requirement === 'none' && (
            <button
              type="button"
              className="btn-primary"
              disabled={submitting.isPending}
              onClick={(e) => void send('record')(e)}
            >
              {t('movement.form.record')}
            </button>
          )}
          <button
            type="submit"
            className={view.requirement === 'none' ? 'btn-secondary' : 'btn-primary'}
            disabled={submitting.isPending}
          >
            {t('movement.form.request')}
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => void navigate('/handling/movements')}
          >
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

/** A12(2), A12(3): a request to transmit or to send or take out a medium (`?fileId=…&kind=…`). */
export function MovementFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fileId = params.get('fileId') ?? '';
  const asked = params.get('kind') as MovementKind | null;
  const kind = asked && MOVEMENT_KINDS.includes(asked) ? asked : null;
  const view = useMovementForm(fileId, kind);
  const title = t('movement.form.title');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('movement.list.title'), to: '/handling/movements' }, { label: title }]}
      lead={<p>{t('movement.form.lead')}</p>}
    >
      {fileId && kind ? (
        <QueryState query={view}>
          {(v) => (
            <>
              <p className="mb-2 text-lg font-bold">
                {v.fileName}（{v.sectionName}）— {t(`movement.kinds.${v.kind}`)}
              </p>
              <MovementForm view={v} />
            </>
          )}
        </QueryState>
      ) : (
        <Chooser />
      )}
    </Page>
  );
}
