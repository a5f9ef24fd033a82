import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Section } from '../../../ui/page.tsx';
import { DaysLeft } from '../common/labels.tsx';
import { Facts } from './bits.tsx';

/**
 * The arithmetic of the deadline as the server computed it (PeriodsView.steps): 受付日 → 起算日 →
 * 補正（不算入）→ 延長 → 決定期限, with the days left. 法83-1 (30 days), 民法140条 (the first day
 * not counted), 法83-1 ただし書 (補正 not counted), 法83-2 (extension), 法84 (the large case).
 */
export function PeriodsSection({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const p = request.periods;
  const o = (k: string) => t(`requests.overview.${k}`);
  const days = (n: number) => t('requests.overview.days', { count: n });
  return (
    <Section title={o('periods')} id="periods">
      <p className="mb-4 max-w-3xl text-sm text-ink-muted">{o('periodsLead')}</p>
      <ol className="mb-6 grid gap-2" data-testid="period-steps">
        {p.steps.map((s, n) => (
          <li
            key={`${s.label}-${n}`}
            className="flex flex-wrap items-baseline gap-x-4 border-l-4 border-primary pl-3"
          >
            <span className="font-bold">{s.label}</span>
            <span>{dates.date(s.date)}</span>
          </li>
        ))}
      </ol>
      <Facts
        rows={[
          [o('baseDays'), days(p.baseDays)],
          [o('pausedDays'), days(p.pausedDays)],
          [
            o('extendedDays'),
            p.extendedDays > 0 ? (
              <span data-testid="period-extension">
                {days(p.extendedDays)}
                {request.extension && (
                  <span className="block text-sm">
                    {t('requests.overview.extensionBecause', { reason: request.extension.reason })}
                  </span>
                )}
              </span>
            ) : (
              ''
            ),
          ],
          [
            o('daysLeft'),
            request.paused || p.daysLeft !== null ? (
              <DaysLeft request={{ ...request, daysLeft: p.daysLeft, dueOn: p.dueOn }} />
            ) : (
              ''
            ),
          ],
          ...(p.restDueOn ? ([[o('restDueOn'), dates.date(p.restDueOn)]] as [string, string][]) : []),
          ...(p.methodChoiceUntil
            ? ([[o('methodChoiceUntil'), dates.date(p.methodChoiceUntil)]] as [string, string][])
            : []),
          ...(p.remedyUntil ? ([[o('remedyUntil'), dates.date(p.remedyUntil)]] as [string, string][]) : []),
        ]}
      />
    </Section>
  );
}
