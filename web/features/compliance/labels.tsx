import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Colour } from '../../../shared/api/compliance.ts';
import type { ArticleFamily } from '../../../shared/compliance/articles.ts';

/**
 * Words and marks of the compliance overview (issue 10). A colour is never shown alone (WCAG 1.4.1):
 * each carries a mark of its own shape (✕ red, △ amber, ○ green) and its name.
 */
export const MARK: Record<Colour, string> = { red: '✕', amber: '△', green: '○' };

/** Background, border and text of a cell: each passes 4.5:1 for its text. */
export const CELL_TONE: Record<Colour, string> = {
  red: 'bg-error-soft text-error border-error',
  amber: 'bg-warning-soft text-ink-strong border-warning',
  green: 'bg-success-soft text-success border-success',
};

/** 'A10-1' → 第10条第1項, 'A11の2' → 第11条の2, 'A34' → 第34条; anything else as given. */
export function useArticleLabel() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useCallback(
    (id: string): string => {
      const m = /^A(\d+)(?:の(\d+))?(?:-(\d+))?$/.exec(id);
      if (!m) return id;
      const [, n, sub, para] = m;
      if (en) return `Art. ${n}${sub ? `-${sub}` : ''}${para ? `(${para})` : ''}`;
      return `第${n}条${sub ? `の${sub}` : ''}${para ? `第${para}項` : ''}`;
    },
    [en],
  );
}

/** 「組織・役割（第3–9条）」. */
export function useFamilyLabel() {
  const { t } = useTranslation();
  return useCallback(
    (family: ArticleFamily, withArticles = false): string => {
      const name = t(`compliance.families.${family}`);
      return withArticles
        ? t('compliance.familyWithArticles', {
            family: name,
            articles: t(`compliance.familyArticles.${family}`),
          })
        : name;
    },
    [t],
  );
}

/** A colour in words with its mark: 「✕ 赤（要対応）」. */
export function ColourBadge({ colour }: { colour: Colour }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${CELL_TONE[colour]}`}>
      <span aria-hidden="true">{MARK[colour]} </span>
      {t('compliance.colourWithMeaning', {
        colour: t(`compliance.colours.${colour}`),
        meaning: t(`compliance.colourMeaning.${colour}`),
      })}
    </span>
  );
}

/** The legend above the matrix. */
export function Legend() {
  const { t } = useTranslation();
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
      <span className="font-bold">{t('compliance.legend')}</span>
      {(['red', 'amber', 'green'] as const).map((c) => (
        <ColourBadge key={c} colour={c} />
      ))}
    </div>
  );
}
