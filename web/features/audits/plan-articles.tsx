import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AUDITABLE_ARTICLES } from '../../../shared/api/audits.ts';
import { ARTICLE_FAMILIES, familyOfArticle, itemsForArticles } from '../../../shared/compliance/articles.ts';
import { useFamilyLabel } from '../compliance/labels.tsx';
import type { PlanValues } from './plan-form.tsx';

/** The auditable articles (A36: 第3–35条 without 第20条) grouped by the overview's families. */
const GROUPS = ARTICLE_FAMILIES.map((family) => ({
  family,
  articles: AUDITABLE_ARTICLES.filter((a) => familyOfArticle(a) === family),
})).filter((g) => g.articles.length > 0);

/**
 * 対象の条項: a checkbox per article, grouped by family, with how many checklist items each brings
 * (shared/compliance/articles.ts). The default is the whole range of A36.
 */
export function ArticlesField({ form, error }: { form: UseFormReturn<PlanValues>; error?: string }) {
  const { t } = useTranslation();
  const familyLabel = useFamilyLabel();
  const chosen = form.watch('articles');
  const count = itemsForArticles((chosen ?? []).map(Number)).length;
  const set = (articles: number[]) =>
    form.setValue('articles', articles.map(String), { shouldValidate: form.formState.isSubmitted });
  return (
    <fieldset
      id="plan-articles"
      className={`mb-6 ${error ? 'border-l-4 border-error pl-4' : ''}`}
      aria-describedby={`plan-articles-help${error ? ' plan-articles-error' : ''}`}
    >
      <legend className="label mb-1">{t('audits.plan.articles')}</legend>
      <p id="plan-articles-help" className="mb-2 text-sm text-ink-muted">
        {t('audits.plan.articlesHelp')}
      </p>
      {error && (
        <p id="plan-articles-error" className="mb-1 font-bold text-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <div className="mb-3 flex flex-wrap gap-3">
        <button type="button" className="btn-secondary btn-sm" onClick={() => set([...AUDITABLE_ARTICLES])}>
          {t('audits.plan.selectAll')}
        </button>
        <button type="button" className="btn-secondary btn-sm" onClick={() => set([])}>
          {t('audits.plan.clearAll')}
        </button>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {GROUPS.map((g) => (
          <fieldset key={g.family} className="rounded-lg border border-line-soft p-3">
            <legend className="px-1 font-bold">{familyLabel(g.family, true)}</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-1">
              {g.articles.map((a) => (
                <label key={a} className="flex min-h-10 items-center gap-2">
                  <input
                    type="checkbox"
                    value={String(a)}
                    className="size-5 accent-primary"
                    {...form.register('articles', {
                      validate: (v) => v.length > 0 || t('audits.plan.articlesRequired'),
                    })}
                  />
                  {t('article', { n: a })}
                  <span className="text-xs text-ink-muted" aria-hidden="true">
                    ({itemsForArticles([a]).length})
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <p className="mt-2 font-bold" aria-live="polite">
        {t('audits.plan.chosenItems', { count })}
      </p>
    </fieldset>
  );
}
