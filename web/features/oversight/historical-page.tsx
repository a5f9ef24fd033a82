import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HistoricalView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Badge } from '../../ui/badge.tsx';
import { MarkForm, UnmarkDialog } from './historical-mark.tsx';
import { useHistorical } from './queries.ts';

function HistoricalTable({
  files,
  onUnmark,
}: {
  files: HistoricalView[];
  onUnmark: (f: HistoricalView) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const k = 'oversight.historical';
  const sorted = [...files].sort(
    (a, b) =>
      Number(a.unmarkedAt !== null) - Number(b.unmarkedAt !== null) ||
      b.markedAt.localeCompare(a.markedAt) ||
      a.id.localeCompare(b.id),
  );
  if (sorted.length === 0) return <p className="text-ink-muted">{t(`${k}.none`)}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t(`${k}.caption`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${k}.file`)}</th>
            <th scope="col">{t(`${k}.section`)}</th>
            <th scope="col">{t(`${k}.facilityName`)}</th>
            <th scope="col">{t(`${k}.designatedOn`)}</th>
            <th scope="col">{t(`${k}.markedBy`)}</th>
            <th scope="col">{t('oversight.col.status')}</th>
            <th scope="col">{t('oversight.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                <Link to={f.filePath}>{f.fileName}</Link>
              </th>
              <td>{`${f.unitName} ${f.sectionName}`}</td>
              <td>
                {f.facilityName}
                {f.note && <p className="mt-1 text-sm whitespace-pre-wrap text-ink-muted">{f.note}</p>}
              </td>
              <td>{dates.date(f.designatedOn)}</td>
              <td>{`${f.markedBy?.name ?? '—'}（${dates.date(f.markedAt)}）`}</td>
              <td>
                {f.unmarkedAt ? (
                  <>
                    <Badge tone="plain">{t(`${k}.unmarked`, { date: dates.date(f.unmarkedAt) })}</Badge>
                    {f.unmarkReason && <p className="mt-1 text-sm whitespace-pre-wrap">{f.unmarkReason}</p>}
                  </>
                ) : (
                  <Badge tone="info">{t(`${k}.marked`)}</Badge>
                )}
              </td>
              <td>
                {f.canUnmark && !f.unmarkedAt && (
                  <button
                    type="button"
                    className="btn-secondary btn-sm"
                    aria-label={t(`${k}.unmarkOf`, { name: f.fileName })}
                    onClick={() => onUnmark(f)}
                  >
                    {t(`${k}.unmark`)}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * /oversight/historical: 歴史資料等 (A41) — register files whose records are historical, cultural or
 * research material held at a facility designated under 公文書管理法施行令第5条第1項第四号. Their
 * handling stays under A11–A19 and A34–A38, read with 「歴史資料等個人情報」.
 */
export function HistoricalPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [unmarking, setUnmarking] = useState<HistoricalView | null>(null);
  const list = useHistorical({ status: all ? 'all' : 'marked' });
  const k = 'oversight.historical';
  return (
    <Page
      title={t(`${k}.title`)}
      crumbs={[{ label: t('oversight.hub.title'), to: '/oversight' }, { label: t(`${k}.title`) }]}
      lead={<p>{t(`${k}.lead`)}</p>}
    >
      <Alert tone="info" title={t(`${k}.stillApplies`)}>
        <p>{t(`${k}.stillAppliesText`)}</p>
      </Alert>
      <QueryState query={list}>
        {(l) => (
          <>
            <Section title={t(`${k}.list`)}>
              <label className="mb-4 flex min-h-12 items-center gap-2">
                <input
                  type="checkbox"
                  className="size-6 accent-primary"
                  checked={all}
                  onChange={(e) => setAll(e.target.checked)}
                />
                {t(`${k}.showUnmarked`)}
              </label>
              <HistoricalTable files={l.files} onUnmark={setUnmarking} />
            </Section>
            {l.canMarkSectionIds.length > 0 && (
              <Section title={t(`${k}.markTitle`)}>
                <MarkForm sectionIds={l.canMarkSectionIds} marked={l.files} />
              </Section>
            )}
          </>
        )}
      </QueryState>
      <UnmarkDialog file={unmarking} onClose={() => setUnmarking(null)} />
    </Page>
  );
}
