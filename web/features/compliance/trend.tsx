import { useTranslation } from 'react-i18next';
import type { TrendView } from '../../../shared/api/compliance.ts';
import { useDates } from '../../app/preferences.tsx';
import { Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { MARK } from './labels.tsx';
import { useTrend } from './queries.ts';

const DAYS = 90;
const BAR = 8;
const HEIGHT = 120;

/** Every calendar day from `from` to `to` (YYYY-MM-DD, inclusive). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= end && out.length < 400; d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/**
 * Red and amber cells per day as stacked bars (a plain SVG, no chart library). The chart is one
 * image with a summary for screen readers; the numbers are in the table below it.
 */
function Chart({ trend }: { trend: TrendView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const byDate = new Map(trend.days.map((d) => [d.date, d]));
  const days = daysBetween(trend.from, trend.to);
  const max = Math.max(1, ...trend.days.map((d) => d.red + d.amber));
  const scale = (n: number) => (n / max) * (HEIGHT - 4);
  const last = trend.days[trend.days.length - 1];
  const label = last
    ? t('compliance.trend.chartLabel', {
        days: DAYS,
        date: dates.date(last.date),
        red: last.red,
        amber: last.amber,
      })
    : '';
  return (
    <figure className="card">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${days.length * BAR} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-40 w-full"
      >
        <line x1="0" y1={HEIGHT} x2={days.length * BAR} y2={HEIGHT} stroke="currentColor" strokeWidth="1" />
        {days.map((date, i) => {
          const d = byDate.get(date);
          if (!d) return null;
          const red = scale(d.red);
          const amber = scale(d.amber);
          return (
            <g key={date}>
              <rect x={i * BAR + 1} y={HEIGHT - red} width={BAR - 2} height={red} className="fill-error" />
              <rect
                x={i * BAR + 1}
                y={HEIGHT - red - amber}
                width={BAR - 2}
                height={amber}
                className="fill-warning opacity-60"
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap justify-between gap-4 text-sm">
        <span>{dates.date(trend.from)}</span>
        <span className="flex gap-4">
          <span>
            <span aria-hidden="true" className="mr-1 inline-block size-3 bg-error" />
            {MARK.red} {t('compliance.trend.red')}
          </span>
          <span>
            <span aria-hidden="true" className="mr-1 inline-block size-3 bg-warning opacity-60" />
            {MARK.amber} {t('compliance.trend.amber')}
          </span>
        </span>
        <span>{dates.date(trend.to)}</span>
      </figcaption>
    </figure>
  );
}

function Numbers({ trend }: { trend: TrendView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <details className="mt-4">
      <summary className="cursor-pointer font-bold text-primary">{t('compliance.trend.table')}</summary>
      <div className="mt-2 max-h-96 overflow-auto">
        <table className="data-table text-sm">
          <caption className="sr-only">{t('compliance.trend.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compliance.trend.date')}</th>
              <th scope="col">{t('compliance.trend.red')}</th>
              <th scope="col">{t('compliance.trend.amber')}</th>
              <th scope="col">{t('compliance.trend.green')}</th>
              <th scope="col">{t('compliance.trend.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            {[...trend.days].reverse().map((d) => (
              <tr key={d.date}>
                <th scope="row">{dates.date(d.date)}</th>
                <td>{d.red}</td>
                <td>{d.amber}</td>
                <td>{d.green}</td>
                <td>{d.gaps}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** 推移: the last 90 days of the daily snapshots (issue 10). */
export function TrendSection() {
  const { t } = useTranslation();
  const trend = useTrend(DAYS);
  return (
    <Section title={t('compliance.trend.title', { days: DAYS })}>
      <p className="mb-4 max-w-3xl">{t('compliance.trend.lead')}</p>
      <QueryState query={trend}>
        {(data) =>
          data.days.length === 0 ? (
            <p className="card">{t('compliance.trend.none')}</p>
          ) : (
            <>
              <Chart trend={data} />
              <Numbers trend={data} />
            </>
          )
        }
      </QueryState>
    </Section>
  );
}
