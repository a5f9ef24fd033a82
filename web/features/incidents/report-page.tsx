import { Link, useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReportFormView } from '../../../shared/api/incidents.ts';
import { safeNext } from '../../../shared/safe-next.ts';
import { Alert } from '../../ui/alert.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { FormErrors } from '../../ui/form-errors.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { LOCAL_DATETIME, nowInTokyo, tokyoInstant } from './labels.tsx';
import { useReportForm, useReportIncident } from './queries.ts';

interface Values {
  summary: string;
  awareAt: string;
  fileIds: string[];
  systems: string;
  actionsTaken: string;
  sectionId: string;
}

/** The files of the unit, as checkboxes grouped in a fieldset (the first chosen decides the 保護管理者). */
function FilesField({ view, form }: { view: ReportFormView; form: ReturnType<typeof useForm<Values>> }) {
  const { t } = useTranslation();
  return (
    <fieldset className="mb-6">
      <legend className="label mb-1">{t('incidents.report.files')}</legend>
      <p className="mb-2 text-sm text-ink-muted">{t('incidents.report.filesHelp')}</p>
      {view.files.length === 0 ? (
        <p className="text-ink-muted">{t('incidents.report.noFiles')}</p>
      ) : (
        <ul className="grid max-h-72 gap-1 overflow-y-auto rounded-lg border border-line-soft p-3 sm:grid-cols-2">
          {view.files.map((f) => (
            <li key={f.id}>
              <label className="flex min-h-10 items-center gap-2">
                <input
                  type="checkbox"
                  value={f.id}
                  className="size-6 shrink-0 accent-primary"
                  {...form.register('fileIds')}
                />
                <span>
                  {f.name}
                  <span className="text-sm text-ink-muted">{`（${f.sectionName}）`}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function ReportForm({ view, back }: { view: ReportFormView; back: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReportIncident();
  const form = useForm<Values>({
    defaultValues: {
      summary: '',
      awareAt: nowInTokyo(),
      fileIds: [],
      systems: '',
      actionsTaken: '',
      sectionId: view.defaultSectionId ?? '',
    },
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const chosen = form.watch('fileIds');
  const noFile = !chosen || chosen.length === 0;
  const submit = form.handleSubmit((v) =>
    report
      .mutateAsync({
        summary: v.summary,
        awareAt: tokyoInstant(v.awareAt),
        fileIds: v.fileIds,
        systems: v.systems.trim() || null,
        actionsTaken: v.actionsTaken.trim() || null,
        sectionId: v.fileIds.length === 0 && v.sectionId ? v.sectionId : null,
      })
      .then((created) => navigate(`/incidents/${created.id}`, { state: { notice: 'incidents.report.done' } }))
      .catch(() => undefined),
  );
  const labels = {
    summary: t('incidents.report.summary'),
    awareAt: t('incidents.report.awareAt'),
  };
  return (
    <>
      <FormErrors
        errors={errors}
        serverError={report.error}
        submitCount={submitCount}
        fields={[
          { name: 'summary', label: labels.summary },
          { name: 'awareAt', label: labels.awareAt },
        ]}
        onFocusField={(name) => form.setFocus(name as keyof Values)}
      />
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <TextAreaField
          label={labels.summary}
          help={t('incidents.report.summaryHelp')}
          registration={form.register('summary', {
            validate: (v) => v.trim().length > 0 || t('validation.required'),
            maxLength: { value: 2000, message: t('validation.tooLong') },
          })}
          error={errors.summary}
          required
        />
        <TextField
          label={labels.awareAt}
          help={t('incidents.report.awareAtHelp')}
          type="datetime-local"
          registration={form.register('awareAt', {
            validate: (v) => LOCAL_DATETIME.test(v) || t('validation.format'),
          })}
          error={errors.awareAt}
          required
        />
        <FilesField view={view} form={form} />
        {noFile && (
          <SelectField
            label={t('incidents.report.section')}
            help={t('incidents.report.sectionHelp')}
            registration={form.register('sectionId')}
            placeholder={t('incidents.report.ownSection')}
            options={view.sections.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <TextField
          label={t('incidents.report.systems')}
          help={t('incidents.report.systemsHelp')}
          registration={form.register('systems')}
        />
        <TextAreaField
          label={t('incidents.report.actionsTaken')}
          help={t('incidents.report.actionsTakenHelp')}
          registration={form.register('actionsTaken')}
        />
        <div className="mt-8 flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={report.isPending}>
            {t('incidents.report.submit')}
          </button>
          <Link to={back} className="btn-secondary">
            {t('incidents.report.back')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /incidents/report?from=…: anyone reports what happened or is feared, from any page (A34-1). */
export function ReportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const back = safeNext(params.get('from'));
  const view = useReportForm();
  const title = t('incidents.report.title');
  return (
    <Page
      title={title}
      crumbs={[{ label: t('incidents.board.title'), to: '/incidents' }, { label: title }]}
      lead={<p>{t('incidents.report.lead')}</p>}
    >
      <Alert tone="warning" title={t('incidents.report.noNamesTitle')}>
        <p>{t('incidents.report.noNames')}</p>
      </Alert>
      <QueryState query={view}>{(v) => <ReportForm view={v} back={back} />}</QueryState>
    </Page>
  );
}
