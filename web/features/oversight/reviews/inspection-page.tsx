import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { INSPECTION_AREAS, type InspectionView } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { applyServerErrors, FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { Saved } from './bits.tsx';
import {
  INSPECTION_FIELDS,
  InspectionFields,
  inspectionDefaults,
  toInspectionInput,
  type InspectionValues,
} from './inspection-form.tsx';
import { InspectionStatusBadge, ResultBadge, useHubCrumb } from './labels.tsx';
import { CompleteSection, ReportSection } from './inspection-steps.tsx';
import { useInspection, useUpdateInspection } from './queries.ts';

function Header({ inspection: i }: { inspection: InspectionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <dl className="max-w-4xl">
      <TermItem term={t('reviews.detail.section')}>{`${i.unitName} ${i.sectionName}`.trim()}</TermItem>
      <TermItem term={t('reviews.detail.inspectedOn')}>{dates.date(i.inspectedOn)}</TermItem>
      <TermItem term={t('reviews.detail.status')}>
        <InspectionStatusBadge status={i.status} />
      </TermItem>
      {i.inspector && <TermItem term={t('reviews.detail.inspector')}>{i.inspector.name}</TermItem>}
      {i.completedAt && (
        <TermItem term={t('reviews.detail.completedAt')}>{dates.dateTime(i.completedAt)}</TermItem>
      )}
    </dl>
  );
}

function Results({ inspection: i }: { inspection: InspectionView }) {
  const { t } = useTranslation();
  return (
    <Section title={t('reviews.detail.areas')}>
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t('reviews.detail.areasCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reviews.detail.area')}</th>
              <th scope="col">{t('reviews.form.result')}</th>
              <th scope="col">{t('reviews.form.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {INSPECTION_AREAS.map((a) => (
              <tr key={a}>
                <th scope="row" className="whitespace-nowrap">
                  {t(`reviews.areas.${a}`)}
                </th>
                <td>
                  <ResultBadge result={i[a].result} />
                </td>
                <td className="min-w-64 whitespace-pre-wrap">{i[a].notes ?? '－'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="mt-6 max-w-4xl">
        <TermItem term={t('reviews.form.issues')}>{i.issues ?? t('reviews.none')}</TermItem>
        <TermItem term={t('reviews.form.actions')}>{i.actions ?? t('reviews.none')}</TermItem>
        {i.remarks && <TermItem term={t('reviews.form.remarks')}>{i.remarks}</TermItem>}
      </dl>
    </Section>
  );
}

function EditForm({ inspection, onDone }: { inspection: InspectionView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateInspection(inspection.id);
  const form = useForm<InspectionValues>({
    defaultValues: inspectionDefaults(inspection),
    shouldFocusError: false,
  });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    update
      .mutateAsync(toInspectionInput(v))
      .then(() => onDone(true))
      .catch((e: unknown) => applyServerErrors(e, INSPECTION_FIELDS, form.setError)),
  );
  return (
    <Section title={t('reviews.form.editTitle')}>
      <form noValidate className="max-w-3xl" onSubmit={(e) => void submit(e)}>
        <FormErrors errors={errors} serverError={update.error} submitCount={submitCount} />
        <InspectionFields form={form} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn-primary" disabled={update.isPending}>
            {t('reviews.form.save')}
          </button>
          <button type="button" className="btn-secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Section>
  );
}

function Inspection({ inspection }: { inspection: InspectionView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <Header inspection={inspection} />
      <Saved show={saved && !editing} />
      {editing ? (
        <EditForm
          inspection={inspection}
          onDone={(s) => {
            setEditing(false);
            setSaved(s);
          }}
        />
      ) : (
        <>
          <Results inspection={inspection} />
          {inspection.can.edit && (
            <button
              type="button"
              className="btn-secondary mt-4"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('reviews.detail.edit')}
            </button>
          )}
          <CompleteSection inspection={inspection} />
        </>
      )}
      <ReportSection inspection={inspection} />
    </>
  );
}

/** /oversight/inspections/:id: one inspection (A37) — the three areas, completion, the report and its receipt. */
export function InspectionPage() {
  const { t } = useTranslation();
  const hub = useHubCrumb();
  const { id = '' } = useParams();
  const inspection = useInspection(id);
  const number = inspection.data?.number;
  const title = number ? t('reviews.detail.title', { number }) : t('reviews.detail.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[
        hub,
        { label: t('reviews.list.title'), to: '/oversight/inspections' },
        { label: number ?? title },
      ]}
    >
      <QueryState query={inspection}>{(v) => <Inspection inspection={v} />}</QueryState>
    </Page>
  );
}
