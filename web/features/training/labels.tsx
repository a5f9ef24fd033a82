import { useTranslation } from 'react-i18next';
import {
  COURSE_KIND_ARTICLE,
  type CourseKind,
  type TrainingPurposeCode,
  type TrainingStatus,
} from '../../../shared/api/training.ts';
import { Badge, type Tone } from '../../ui/badge.tsx';

/** Labels of the training pages (A10): kinds with their article, standings in words, recurrence. */

/** 「第10条第1項」 for A10-1. */
export function useArticle() {
  const { t } = useTranslation();
  return (code: string): string => {
    const m = /^A10-(\d)$/.exec(code);
    return m ? t('training.article', { para: m[1] }) : code;
  };
}

/** 「一般の教職員等向け」 with its article underneath (A10-1..4). */
export function KindLabel({ kind }: { kind: CourseKind }) {
  const { t } = useTranslation();
  const article = useArticle();
  return (
    <span>
      <span className="block">{t(`training.kinds.${kind}`)}</span>
      <span className="block text-sm text-ink-muted">{article(COURSE_KIND_ARTICLE[kind])}</span>
    </span>
  );
}

const STATUS_TONE: Record<TrainingStatus, Tone> = {
  completed: 'good',
  due_soon: 'warn',
  overdue: 'bad',
  never: 'info',
};
/** 修了 / 期限間近 / 期限超過 / 未受講, never by colour alone. */
export function StatusBadge({ status }: { status: TrainingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`training.statuses.${status}`)}</Badge>;
}

/** 「1回のみ」「毎年」「6か月ごと」. */
export function useRecurrence() {
  const { t } = useTranslation();
  return (months: number | null): string => {
    if (months === null) return t('training.recurrence.once');
    if (months === 12) return t('training.recurrence.yearly');
    return t('training.recurrence.months', { count: months });
  };
}

/** The preconditions a course is for (保管庫の権限・特定個人情報取扱担当者の指定), or 「なし」. */
export function RequiredFor({ purposes }: { purposes: TrainingPurposeCode[] }) {
  const { t } = useTranslation();
  if (purposes.length === 0) return <span className="text-ink-muted">{t('training.none')}</span>;
  return (
    <ul className="grid gap-1">
      {purposes.map((p) => (
        <li key={p}>
          <Badge tone="info">{t(`training.purposeShort.${p}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** Who may keep courses, arrange participation or read the lists (A10; 監査責任者・理事長 read all). */
export const KEEPER_ROLES = [
  'chief_manager',
  'chief_protection_manager',
  'protection_manager',
  'audit_officer',
  'president',
] as const;
