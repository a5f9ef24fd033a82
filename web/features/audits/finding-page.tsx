import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { FindingCard } from './finding-card.tsx';
import { useFinding } from './queries.ts';

/**
 * /audits/:id/findings/:findingId: one finding, for its owner too (A36: the owner of a corrective
 * action reads that finding and records its progress, without reading the rest of the audit).
 */
export function FindingPage() {
  const { t } = useTranslation();
  const { id = '', findingId = '' } = useParams();
  const finding = useFinding(id, findingId);
  return (
    <Page
      title={t('audits.findings.pageTitle')}
      crumbs={[{ label: t('audits.detail.crumb'), to: '/audits' }, { label: t('audits.findings.pageTitle') }]}
    >
      <QueryState query={finding}>
        {(f) => (
          <>
            <p className="mb-4">
              <span className="font-bold">{t('audits.findings.audit')}：</span>
              <Link to={`/audits/${f.auditId}`}>{`${f.auditNumber} ${f.auditTitle}`}</Link>
            </p>
            <ul className="max-w-4xl">
              <FindingCard finding={f} />
            </ul>
          </>
        )}
      </QueryState>
    </Page>
  );
}
