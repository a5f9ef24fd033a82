import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  CHECK_METHODS,
  CHECK_RESULTS,
  type CheckMethod,
  type CheckResult,
  type CheckView,
  type PartyView,
} from '../../../shared/api/provision-parties.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Section } from '../../ui/page.tsx';
import { Badge } from '../../ui/badge.tsx';
import { orNull, required } from '../../ui/form-rules.ts';
import { DocumentField, Saved } from './bits.tsx';
import { useRecordCheck, useUploadEvidence } from './queries.ts';

const RESULT_TONE = { pass: 'good', conditional: 'warn', fail: 'bad' } as const;

function EvidenceUpload({ partyId, check }: { partyId: string; check: CheckView }) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(partyId);
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  return (
    <form
      noValidate
      className="mt-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        void upload
          .mutateAsync({ checkId: check.id, file })
          .then(() => {
            setFile(null);
            setResetKey((k) => k + 1);
          })
          .catch(() => undefined);
      }}
    >
      <FormErrors errors={{}} serverError={upload.error} />
      <DocumentField label={t('provision.checks.addEvidence')} onChoose={setFile} resetKey={resetKey} />
      <button type="submit" className="btn-secondary btn-sm" disabled={!file || upload.isPending}>
        {t('provision.checks.upload')}
      </button>
    </form>
  );
}

function CheckItem({ party, check }: { party: PartyView; check: CheckView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <li className="card py-4">
      <p className="font-bold">
        {`${dates.date(check.checkedOn)} ${t(`provision.checkMethods.${check.method}`)}`}
        {check.certification && `（${check.certification}）`}
        <span className="ml-2">
          <Badge tone={RESULT_TONE[check.result]}>{t(`provision.checkResults.${check.result}`)}</Badge>
        </span>
      </p>
      <p className="mt-1 whitespace-pre-wrap">{check.findings}</p>
      <p className="mt-1 text-sm text-ink-muted">
        {t('provision.checks.by', { name: check.checkedByName })}・
        {t('provision.checks.nextDue', { date: dates.date(check.nextDueOn) })}
      </p>
      {check.evidence.length === 0 ? (
        <p className="mt-1 text-sm">{t('provision.checks.noEvidence')}</p>
      ) : (
        <ul className="mt-2 list-disc pl-6">
          {check.evidence.map((e) => (
            <li key={e.id}>
              <a href={e.path} download={e.fileName}>
                {e.fileName}
              </a>
              <span className="ml-2 text-sm text-ink-muted">{dates.dateTime(e.uploadedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {party.can.check && <EvidenceUpload partyId={party.id} check={check} />}
    </li>
  );
}

interface Values {
  checkedOn: string;
  method: CheckMethod;
  certification: string;
  findings: string;
  result: CheckResult | '';
  nextDueOn: string;
}
const FIELDS = ['checkedOn', 'method', 'certification', 'findings', 'result', 'nextDueOn'] as const;
const EMPTY: Values = {
  checkedOn: '',
  method: 'document',
  certification: '',
  findings: '',
  result: '',
  nextDueOn: '',
};

function CheckForm({ party }: { party: PartyView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const record = useRecordCheck(party.id);
  const form = useForm<Values>({ defaultValues: EMPTY, shouldFocusError: false });
  const [file, setFile] = useState<File | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    record
      .mutateAsync({
        input: {
          checkedOn: v.checkedOn,
          method: v.method,
          certification: v.method === 'certification' ? orNull(v.certification) : null,
          findings: v.findings.trim(),
          result: v.result as CheckResult,
          nextDueOn: v.nextDueOn || null,
        },
        file,
      })
      .then(() => {
        form.reset(EMPTY);
        setFile(null);
        setResetKey((k) => k + 1);
      })
      .catch((e: unknown) => applyServerErrors(e, FIELDS, form.setError)),
  );
  return (
    <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
      <h3 className="mb-3 text-lg">{t('provision.checks.record')}</h3>
      <Saved show={record.isSuccess} />
      <FormErrors errors={errors} serverError={record.error} submitCount={submitCount} />
      <TextField
        label={t('provision.checks.checkedOn')}
        type="date"
        registration={form.register('checkedOn', required(t('validation.date')))}
        error={errors.checkedOn}
        required
        after={<DatePreview text={dates.date(form.watch('checkedOn'))} />}
      />
      <RadioGroupField
        label={t('provision.checks.method')}
        registration={form.register('method')}
        error={errors.method}
        required
        options={CHECK_METHODS.map((m) => ({ value: m, label: t(`provision.checkMethods.${m}`) }))}
      />
      {form.watch('method') === 'certification' && (
        <TextField
          label={t('provision.checks.certification')}
          help={t('provision.checks.certificationHelp')}
          registration={form.register('certification', required(t('validation.required')))}
          error={errors.certification}
          required
        />
      )}
      <TextAreaField
        label={t('provision.checks.findings')}
        registration={form.register('findings', required(t('validation.required')))}
        error={errors.findings}
        required
      />
      <RadioGroupField
        label={t('provision.checks.result')}
        registration={form.register('result', required(t('validation.choose')))}
        error={errors.result}
        required
        options={CHECK_RESULTS.map((r) => ({ value: r, label: t(`provision.checkResults.${r}`) }))}
      />
      <TextField
        label={t('provision.checks.nextDueOn')}
        help={t('provision.checks.nextDueOnHelp')}
        type="date"
        registration={form.register('nextDueOn')}
        error={errors.nextDueOn}
        after={<DatePreview text={dates.date(form.watch('nextDueOn'))} />}
      />
      <DocumentField
        label={t('provision.checks.evidence')}
        help={t('provision.checks.evidenceHelp')}
        onChoose={setFile}
        resetKey={resetKey}
      />
      <button type="submit" className="btn-primary" disabled={record.isPending}>
        {t('provision.checks.submit')}
      </button>
    </form>
  );
}

/** 能力の確認 (A19-1): the checks of a contractor with their evidence, and the form to record one. */
export function ChecksSection({ party }: { party: PartyView }) {
  const { t } = useTranslation();
  if (!party.contractor && party.checks.length === 0) return null;
  return (
    <Section title={t('provision.checks.title')}>
      <p className="mb-4 max-w-3xl">{t('provision.checks.lead')}</p>
      {party.checks.length === 0 ? (
        <p className="text-ink-muted">{t('provision.checks.none')}</p>
      ) : (
        <ul className="grid gap-3">
          {party.checks.map((c) => (
            <CheckItem key={c.id} party={party} check={c} />
          ))}
        </ul>
      )}
      {party.can.check && <CheckForm party={party} />}
    </Section>
  );
}
