import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreTestView } from '../../../../shared/api/facility-backups.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { TestStatusBadge } from './labels.tsx';

/** 一致 / 不一致 / －, in words. */
function Check({ value, yes, no }: { value: boolean | null; yes: string; no: string }) {
  const { t } = useTranslation();
  if (value === null) return <>{t('facilityBackups.tests.unknown')}</>;
  return value ? <Badge tone="good">{yes}</Badge> : <Badge tone="bad">{no}</Badge>;
}

/** A27: restore tests — the backup restored into scratch space, its counts and its log checked. */
export function TestsSection({ tests, pager }: { tests: RestoreTestView[]; pager: ReactNode }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Section title={t('facilityBackups.tests.title')}>
      {tests.length === 0 ? (
        <p className="card">{t('facilityBackups.tests.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">{t('facilityBackups.tests.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilityBackups.tests.startedAt')}</th>
                <th scope="col">{t('facilityBackups.tests.status')}</th>
                <th scope="col">{t('facilityBackups.tests.backup')}</th>
                <th scope="col">{t('facilityBackups.tests.counts')}</th>
                <th scope="col">{t('facilityBackups.tests.log')}</th>
                <th scope="col">{t('facilityBackups.tests.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {tests.map((x) => (
                <tr key={x.id}>
                  <th scope="row" className="whitespace-nowrap font-normal">
                    {dates.dateTime(x.startedAt)}
                    <span className="block text-sm text-ink-muted">
                      {t(`facilityBackups.triggers.${x.trigger}`)}
                      {x.startedBy && ` ・ ${x.startedBy.name}`}
                    </span>
                  </th>
                  <td>
                    <TestStatusBadge status={x.status} />
                  </td>
                  <td className="font-mono text-sm break-all">{x.fileName ?? '－'}</td>
                  <td>
                    <Check
                      value={x.countsMatch}
                      yes={t('facilityBackups.tests.yes')}
                      no={t('facilityBackups.tests.no')}
                    />
                  </td>
                  <td>
                    <Check
                      value={x.logVerified}
                      yes={t('facilityBackups.tests.verified')}
                      no={t('facilityBackups.tests.notVerified')}
                    />
                  </td>
                  <td>
                    {x.problems.length === 0 ? (
                      t('facilityBackups.tests.none')
                    ) : (
                      <ul className="grid gap-1 font-mono text-sm">
                        {x.problems.map((p, i) => (
                          <li key={i}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pager}
    </Section>
  );
}
