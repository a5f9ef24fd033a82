import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EvaluationView } from '../../../../shared/api/oversight.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Section } from '../../../ui/page.tsx';
import { InspectionStatusBadge } from './labels.tsx';

/** 評価の材料 (A38 「監査又は点検の結果等を踏まえ」): the year's audits and inspections, each linked. */
export function InputsSection({ evaluation: e }: { evaluation: EvaluationView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const audits = [...e.audits].sort((a, b) => a.number.localeCompare(b.number));
  const inspections = [...e.inspections].sort(
    (a, b) => a.inspectedOn.localeCompare(b.inspectedOn) || a.number.localeCompare(b.number),
  );
  return (
    <Section title={t('reviews.evaluation.inputs')}>
      <p className="mb-4 max-w-3xl">{t('reviews.evaluation.inputsLead')}</p>
      <h3 className="mb-2 text-xl">{t('reviews.evaluation.audits')}</h3>
      {audits.length === 0 ? (
        <p className="mb-6 text-ink-muted">{t('reviews.evaluation.noAudits')}</p>
      ) : (
        <div className="mb-6 overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('reviews.evaluation.auditsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviews.evaluation.auditCol')}</th>
                <th scope="col">{t('reviews.evaluation.reportedAt')}</th>
                <th scope="col">{t('reviews.evaluation.findings')}</th>
              </tr>
            </thead>
            <tbody>
              {audits.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={a.path}>{a.title}</Link>
                    <span className="block font-mono text-sm font-normal text-ink-muted">{a.number}</span>
                  </th>
                  <td className="whitespace-nowrap">{a.reportedAt ? dates.date(a.reportedAt) : '－'}</td>
                  <td>
                    {t('reviews.evaluation.findingsValue', { count: a.findings, open: a.openFindings })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="mb-2 text-xl">{t('reviews.evaluation.inspections')}</h3>
      {inspections.length === 0 ? (
        <p className="text-ink-muted">{t('reviews.evaluation.noInspections')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('reviews.evaluation.inspectionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reviews.list.number')}</th>
                <th scope="col">{t('reviews.list.section')}</th>
                <th scope="col">{t('reviews.list.inspectedOn')}</th>
                <th scope="col">{t('reviews.list.status')}</th>
                <th scope="col">{t('reviews.form.issues')}</th>
                <th scope="col">{t('reviews.form.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {inspections.map((i) => (
                <tr key={i.id}>
                  <th scope="row" className="whitespace-nowrap">
                    <Link to={`/oversight/inspections/${i.id}`} className="font-mono">
                      {i.number}
                    </Link>
                  </th>
                  <td>{`${i.unitName} ${i.sectionName}`.trim()}</td>
                  <td className="whitespace-nowrap">{dates.date(i.inspectedOn)}</td>
                  <td>
                    <InspectionStatusBadge status={i.status} />
                  </td>
                  <td className="min-w-48 whitespace-pre-wrap">{i.issues ?? t('reviews.none')}</td>
                  <td className="min-w-48 whitespace-pre-wrap">{i.actions ?? '－'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
