import { useTranslation } from 'react-i18next';
import type { MatchStatus, SearchTerm } from '../../../../shared/api/requests-search.ts';
import { Badge, type Tone } from '../../../ui/badge.tsx';

/** 氏名・フリガナ・生年月日・学生番号・職員番号 as small chips (what agreed, what a file answers). */
export function TermChips({ terms, label }: { terms: readonly SearchTerm[]; label: string }) {
  const { t } = useTranslation();
  if (terms.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {terms.map((term) => (
        <li key={term} className="badge border-primary bg-primary-soft text-primary">
          {t(`requestsWork.terms.${term}`)}
        </li>
      ))}
    </ul>
  );
}

const MATCH_TONES: Record<MatchStatus, Tone> = { candidate: 'warn', confirmed: 'good', rejected: 'plain' };

/** 未確認 / 本人のもの / 本人のものではない — in words, never colour alone. */
export function MatchStatusBadge({ status }: { status: MatchStatus }) {
  const { t } = useTranslation();
  return <Badge tone={MATCH_TONES[status]}>{t(`requestsWork.matchStatus.${status}`)}</Badge>;
}
