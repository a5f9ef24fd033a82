import { useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  OUT_OF_PURPOSE_GROUNDS,
  MY_NUMBER_USES,
  type MyNumberUse,
  type OutOfPurposeGround,
  type OutOfPurposeMode,
} from '../../../../shared/api/handling-purpose.ts';
import type { VaultFileView } from '../../../../shared/api/vault.ts';
import { Alert } from '../../../ui/alert.tsx';
import { CheckboxField, RadioGroupField } from '../../../ui/choice-field.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useVaultFile } from '../../vault/queries.ts';
import { ExplainedChoices } from './labels.tsx';
import { useRequestOutOfPurpose } from './queries.ts';

interface RequestForm {
  ground: OutOfPurposeGround | '';
  mode: OutOfPurposeMode | '';
  recipient: string;
  purpose: string;
  harmStatement: string;
  otherLawsChecked: boolean;
  myNumberUse: MyNumberUse | '';
}

function RequestForm({ file, recordIds }: { file: VaultFileView; recordIds: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const request = useRequestOutOfPurpose();
  const form = useForm<RequestForm>({
    defaultValues: {
      ground: '',
      mode: '',
      recipient: '',
      purpose: '',
      harmStatement: '',
      otherLawsChecked: false,
      myNumberUse: '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const provide = form.watch('mode') === 'provide';
  const submit = form.handleSubmit(async (v) => {
    const r = await request
      .mutateAsync({
        fileId: file.fileId,
        recordIds: recordIds.length ? recordIds : null,
        ground: v.ground as OutOfPurposeGround,
        mode: v.mode as OutOfPurposeMode,
        recipient: provide ? v.recipient : '',
        purpose: v.purpose,
        harmStatement: v.harmStatement,
        otherLawsChecked: v.otherLawsChecked,
        myNumberUse: file.myNumber && v.myNumberUse ? v.myNumberUse : null,
      })
      .catch(() => null);
    if (r)
      void navigate(`/handling/out-of-purpose/${r.id}`, { state: { notice: 'outOfPurpose.request.sent' } });
  });
  const required = (key: string) => ({ required: `i18n:outOfPurpose.request.${key}` });
  return (
    <>
      <FormErrors errors={errors} serverError={request.error} submitCount={submitCount} />
      <form noValidate onSubmit={(e) => void submit(e)} className="max-w-4xl">
        <Section title={t('outOfPurpose.request.what')}>
          <p className="mb-4">
            {recordIds.length
              ? t('outOfPurpose.request.someRecords', { count: recordIds.length })
              : t('outOfPurpose.request.allRecords')}
          </p>
          <RadioGroupField
            label={t('outOfPurpose.request.mode')}
            registration={form.register('mode', required('modeRequired'))}
            error={errors.mode}
            options={[
              { value: 'use', label: t('outOfPurpose.mode.use') },
              { value: 'provide', label: t('outOfPurpose.mode.provide') },
            ]}
            required
          />
          {provide && (
            <TextField
              label={t('outOfPurpose.request.recipient')}
              help={t('outOfPurpose.request.recipientHelp')}
              registration={form.register('recipient', required('recipientRequired'))}
              error={errors.recipient}
              required
            />
          )}
          <TextAreaField
            label={t('outOfPurpose.request.purpose')}
            help={t('outOfPurpose.request.purposeHelp')}
            registration={form.register('purpose', required('purposeRequired'))}
            error={errors.purpose}
            required
          />
        </Section>
        <Section title={t('outOfPurpose.request.grounds')}>
          <ExplainedChoices
            legend={t('outOfPurpose.request.ground')}
            help={t('outOfPurpose.request.groundHelp')}
            registration={form.register('ground', required('groundRequired'))}
            error={errors.ground}
            options={OUT_OF_PURPOSE_GROUNDS.map((g) => ({
              value: g,
              label: t(`outOfPurpose.ground.${g}`),
              description: t(`outOfPurpose.groundHelp.${g}`),
            }))}
          />
          <TextAreaField
            label={t('outOfPurpose.request.harm')}
            help={t('outOfPurpose.request.harmHelp')}
            registration={form.register('harmStatement', required('harmRequired'))}
            error={errors.harmStatement}
            required
          />
          <CheckboxField
            label={t('outOfPurpose.request.otherLaws')}
            help={t('outOfPurpose.request.otherLawsHelp')}
            registration={form.register('otherLawsChecked', {
              validate: (v) => v || 'i18n:outOfPurpose.request.otherLawsRequired',
            })}
            error={errors.otherLawsChecked}
          />
        </Section>
        {file.myNumber && (
          <Section title={t('outOfPurpose.request.myNumber')}>
            <Alert tone="warning" title={t('outOfPurpose.request.myNumberLead')} />
            <ExplainedChoices
              legend={t('outOfPurpose.request.myNumberUse')}
              registration={form.register('myNumberUse', required('myNumberUseRequired'))}
              error={errors.myNumberUse}
              options={MY_NUMBER_USES.map((u) => ({
                value: u,
                label: t(`outOfPurpose.myNumberUse.${u}`),
                description: t(`outOfPurpose.myNumberUseHelp.${u}`),
              }))}
            />
          </Section>
        )}
        <Alert tone="info">
          <p>{t('outOfPurpose.request.note')}</p>
        </Alert>
        <div className="mt-8 flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={request.isPending}>
            {t('outOfPurpose.request.submit')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => void navigate(-1)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

/** A17-2: a request to use or provide a file's information outside its purpose (?fileId=&recordIds=). */
export function OutOfPurposeRequestPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fileId = params.get('fileId') ?? '';
  const recordIds = (params.get('recordIds') ?? '').split(',').filter(Boolean);
  const file = useVaultFile(fileId);
  return (
    <Page
      title={t('outOfPurpose.request.title')}
      crumbs={[
        { label: t('outOfPurpose.title'), to: '/handling/out-of-purpose' },
        { label: t('outOfPurpose.request.title') },
      ]}
      lead={<p>{t('outOfPurpose.request.lead')}</p>}
    >
      {!fileId ? (
        <Alert tone="warning" title={t('outOfPurpose.request.fromFile')} />
      ) : (
        <QueryState query={file}>
          {(f) => (
            <>
              <p className="mb-4">
                {t('outOfPurpose.file')}: <strong>{f.name}</strong>
              </p>
              <RequestForm file={f} recordIds={recordIds} />
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}
