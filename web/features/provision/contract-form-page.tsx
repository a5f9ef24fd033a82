import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONTRACT_KINDS, type ContractKind } from '../../../shared/api/provision-contracts.ts';
import { useDates } from '../../app/preferences.tsx';
import { RadioGroupField } from '../../ui/choice-field.tsx';
import { DatePreview, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { applyServerErrors, FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { asList, orNull, required } from '../../ui/form-rules.ts';
import { DocumentField } from './bits.tsx';
import { useParties, useRegisterFileChoices } from './queries.ts';
import { useCreateContract } from './queries-contracts.ts';

interface Values {
  partyId: string;
  sectionId: string;
  fileIds: string[];
  title: string;
  work: string;
  reference: string;
  kind: ContractKind;
  startsOn: string;
  endsOn: string;
  supervisionPlan: string;
}
const FIELDS = [
  'partyId',
  'sectionId',
  'fileIds',
  'title',
  'work',
  'reference',
  'kind',
  'startsOn',
  'endsOn',
  'supervisionPlan',
] as const;

/** The sections of the register's files the caller reads, each once. */
function useSections() {
  const files = useRegisterFileChoices();
  const all = (files.data?.files ?? []).filter((f) => f.state !== 'discontinued');
  const sections = new Map<string, string>();
  for (const f of all) sections.set(f.sectionId, `${f.unitName} ${f.sectionName}`.trim());
  return { files: all, sections: [...sections].map(([value, label]) => ({ value, label })) };
}

/** /provision/contracts/new: a contract (A19) — contractor, the section's files, work, period, kind, document. */
export function ContractNewPage() {
  const { t } = useTranslation();
  const dates = useDates();
  const navigate = useNavigate();
  const create = useCreateContract();
  const parties = useParties({ contractor: 'true' });
  const { files, sections } = useSections();
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<Values>({
    defaultValues: {
      partyId: '',
      sectionId: '',
      fileIds: [],
      title: '',
      work: '',
      reference: '',
      kind: 'outsourcing',
      startsOn: '',
      endsOn: '',
      supervisionPlan: '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  // One section (a 保護管理者 of one 係): chosen for them once the register's files are read.
  const only = sections.length === 1 ? sections[0]!.value : '';
  useEffect(() => {
    if (only && !form.getValues('sectionId')) form.setValue('sectionId', only);
  }, [only, form]);
  const sectionId = form.watch('sectionId');
  const sectionFiles = files.filter((f) => f.sectionId === sectionId);
  const chosen = asList(form.watch('fileIds'));
  const myNumber = sectionFiles.some((f) => f.myNumber && chosen.includes(f.id));
  const submit = form.handleSubmit((v) =>
    create
      .mutateAsync({
        input: {
          partyId: v.partyId,
          sectionId: v.sectionId,
          title: v.title.trim(),
          work: v.work.trim(),
          reference: orNull(v.reference),
          kind: v.kind,
          fileIds: asList(v.fileIds).filter((id) => sectionFiles.some((f) => f.id === id)),
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          supervisionPlan: orNull(v.supervisionPlan),
        },
        file,
      })
      .then((view) =>
        navigate(`/provision/contracts/${view.id}`, { state: { notice: 'provision.contractForm.created' } }),
      )
      .catch((e: unknown) => applyServerErrors(e, FIELDS, form.setError)),
  );
  const contractors = (parties.data?.parties ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Page
      title={t('provision.contractForm.title')}
      crumbs={[
        { label: t('provision.hub.title'), to: '/provision' },
        { label: t('provision.contracts.title'), to: '/provision/contracts' },
        { label: t('provision.contractForm.title') },
      ]}
    >
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={create.error} submitCount={submitCount} />
        {parties.isSuccess && contractors.length === 0 && (
          <p className="mb-4 font-bold">{t('provision.contractForm.noParties')}</p>
        )}
        <SelectField
          label={t('provision.contractForm.party')}
          help={t('provision.contractForm.partyHelp')}
          registration={form.register('partyId', required(t('validation.choose')))}
          error={errors.partyId}
          required
          placeholder=""
          options={contractors}
        />
        <SelectField
          label={t('provision.contractForm.section')}
          help={t('provision.contractForm.sectionHelp')}
          registration={form.register('sectionId', required(t('validation.choose')))}
          error={errors.sectionId}
          required
          placeholder=""
          options={sections}
        />
        {sectionId && (
          <fieldset className="mb-6">
            <legend className="label mb-1">{t('provision.contractForm.files')}</legend>
            <p className="mb-2 text-sm text-ink-muted">{t('provision.contractForm.filesHelp')}</p>
            {sectionFiles.length === 0 ? (
              <p>{t('provision.contractForm.noFiles')}</p>
            ) : (
              sectionFiles.map((f) => (
                <label key={f.id} className="flex min-h-12 items-center gap-3">
                  <input
                    type="checkbox"
                    value={f.id}
                    className="size-6 accent-primary"
                    {...form.register('fileIds')}
                  />
                  {f.name}
                  {f.myNumber && (
                    <span className="text-sm text-ink-muted">（{t('provision.myNumber')}）</span>
                  )}
                </label>
              ))
            )}
          </fieldset>
        )}
        <TextField
          label={t('provision.contractForm.titleLabel')}
          help={t('provision.contractForm.titleHelp')}
          registration={form.register('title', required(t('validation.required')))}
          error={errors.title}
          required
        />
        <TextAreaField
          label={t('provision.contractForm.work')}
          registration={form.register('work', required(t('validation.required')))}
          error={errors.work}
          required
        />
        <TextField
          label={t('provision.contractForm.reference')}
          registration={form.register('reference')}
          error={errors.reference}
        />
        <RadioGroupField
          label={t('provision.contractForm.kind')}
          help={t('provision.contractForm.kindHelp')}
          registration={form.register('kind')}
          error={errors.kind}
          required
          options={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`provision.contractKinds.${k}`) }))}
        />
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextField
            label={t('provision.contractForm.startsOn')}
            type="date"
            registration={form.register('startsOn', required(t('validation.date')))}
            error={errors.startsOn}
            required
            after={<DatePreview text={dates.date(form.watch('startsOn'))} />}
          />
          <TextField
            label={t('provision.contractForm.endsOn')}
            type="date"
            registration={form.register('endsOn', required(t('validation.date')))}
            error={errors.endsOn}
            required
            after={<DatePreview text={dates.date(form.watch('endsOn'))} />}
          />
        </div>
        {myNumber && (
          <TextAreaField
            label={t('provision.contractForm.supervisionPlan')}
            help={t('provision.contractForm.supervisionPlanHelp')}
            registration={form.register('supervisionPlan')}
            error={errors.supervisionPlan}
          />
        )}
        <DocumentField
          label={t('provision.contractForm.document')}
          help={t('provision.contractForm.documentHelp')}
          onChoose={setFile}
        />
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {t('provision.contractForm.submit')}
        </button>
      </form>
    </Page>
  );
}
