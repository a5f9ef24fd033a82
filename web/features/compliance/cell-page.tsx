import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ARTICLE_FAMILIES, type ArticleFamily } from '../../../shared/compliance/articles.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { NotFoundPage } from '../../app/not-found.tsx';
import { GapTable } from './gap-table.tsx';
import { ColourBadge, useArticleLabel, useFamilyLabel } from './labels.tsx';
import { useCell } from './queries.ts';

const isFamily = (v: string | null): v is ArticleFamily =>
  v !== null && (ARTICLE_FAMILIES as readonly string[]).includes(v);

function Cell({ unitId, family }: { unitId: string | null; family: ArticleFamily }) {
  const { t } = useTranslation();
  const dates = useDates();
  const familyLabel = useFamilyLabel();
  const article = useArticleLabel();
  const cell = useCell(unitId, family);
  const unitName = (name: string) => (unitId === null ? t('compliance.matrix.organisation') : name);
  const title = cell.data
    ? t('compliance.cell.title', { unit: unitName(cell.data.unitName), family: familyLabel(family, true) })
    : familyLabel(family, true);
  return (
    <Page
      title={title}
      crumbs={[{ label: t('compliance.title'), to: '/compliance' }, { label: t('compliance.cell.crumb') }]}
    >
      <QueryState query={cell}>
        {(data) => (
          <>
            <div className="mb-6 max-w-4xl">
              <p className="flex flex-wrap items-center gap-3">
                <span className="font-bold">{t('compliance.cell.state')}</span>
                <ColourBadge colour={data.colour} />
                <span>{t('common.count', { count: data.gaps.length })}</span>
                <span className="text-ink-muted">
                  {t('compliance.asOf', { date: dates.date(data.asOf) })}
                </span>
              </p>
              <p className="mt-2 text-sm text-ink-muted">
                {t('compliance.cell.articles', { list: data.articles.map(article).join('・') })}
              </p>
            </div>
            {data.gaps.length === 0 ? (
              <p className="card text-lg font-bold">{t('compliance.cell.none')}</p>
            ) : (
              <>
                <p className="mb-4 max-w-3xl">
                  {t('compliance.cell.lead', { articles: t(`compliance.familyArticles.${family}`) })}
                </p>
                <GapTable gaps={data.gaps} caption={t('compliance.cell.caption')} />
              </>
            )}
          </>
        )}
      </QueryState>
      <p className="mt-8">
        <Link to="/compliance">{t('compliance.cell.back')}</Link>
      </p>
    </Page>
  );
}

/** /compliance/cell?family=&unitId=: the gaps behind one cell of the overview (no unitId: 機構全体). */
export function CellPage() {
  const [params] = useSearchParams();
  const family = params.get('family');
  if (!isFamily(family)) return <NotFoundPage />;
  return <Cell key={`${params.get('unitId')}-${family}`} unitId={params.get('unitId')} family={family} />;
}
