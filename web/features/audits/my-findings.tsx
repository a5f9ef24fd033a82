import { useTranslation } from 'react-i18next';
import { Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { FindingCard } from './finding-card.tsx';
import { useMyFindings } from './queries.ts';

/** The corrective actions the caller owns (A36): they read those findings and record progress. */
export function MyFindingsSection() {
  const { t } = useTranslation();
  const mine = useMyFindings();
  // Shown only to those who own an action; nothing while loading or when none.
  if (!mine.data || mine.data.items.length === 0) return null;
  return (
    <Section title={t('audits.myFindings.title')}>
      <p className="mb-4 max-w-3xl">{t('audits.myFindings.lead')}</p>
      <QueryState query={mine}>
        {({ items }) => (
          <ul className="grid gap-3">
            {items.map((f) => (
              <FindingCard key={f.id} finding={f} withAudit />
            ))}
          </ul>
        )}
      </QueryState>
    </Section>
  );
}
