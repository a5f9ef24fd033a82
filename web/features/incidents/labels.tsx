import { useTranslation } from 'react-i18next';
import type { DeadlineView, NextActionView, PpcDecision } from '../../../shared/api/incidents.ts';
import { useDates } from '../../app/preferences.tsx';

/**
 * Small pieces shared by the incident pages: times in Japan (知った日時 and the law's days are counted
 * in JST, 規則43–44), deadlines that say "期限超過" in words (never colour alone), the PPC badge.
 */

/** Now in Tokyo as the value of a datetime-local input ('YYYY-MM-DDTHH:mm'). */
export function nowInTokyo(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** A datetime-local value read as Japan time, as the contract's instant with its offset. */
export function tokyoInstant(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+09:00`;
}

export const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** 「要報告」「判断中」「報告不要」: the law's decision (法68①), with its cases in words elsewhere. */
export function PpcBadge({ ppc }: { ppc: PpcDecision }) {
  const { t } = useTranslation();
  if (ppc.required === true)
    return <span className="badge border-error bg-error-soft text-error">{t('incidents.ppc.required')}</span>;
  if (ppc.required === null)
    return (
      <span className="badge border-warning bg-warning-soft text-ink-strong">
        {t('incidents.ppc.undecided')}
      </span>
    );
  return <span className="badge border-line text-ink-muted">{t('incidents.ppc.notRequired')}</span>;
}

export function useDeadlineLabel() {
  const { t } = useTranslation();
  return (d: DeadlineView): string =>
    d.what === 'internal' && d.ref
      ? t('incidents.deadline.internalStep', { step: t(`incidents.stepNames.${d.ref}`) })
      : t(`incidents.deadline.what.${d.what}`);
}

/** A due date with its state in words: 期限超過 in red, 済 when met. */
export function Deadline({ deadline, withWhat = true }: { deadline: DeadlineView; withWhat?: boolean }) {
  const { t } = useTranslation();
  const dates = useDates();
  const label = useDeadlineLabel();
  return (
    <span className={deadline.overdue ? 'font-bold text-error' : undefined}>
      {withWhat && <span className="block">{label(deadline)}</span>}
      <span className="whitespace-nowrap">
        {t('incidents.deadline.by', { date: dates.date(deadline.due) })}
      </span>
      {deadline.overdue && (
        <span className="badge ml-2 border-error bg-error-soft text-error">
          <span aria-hidden="true">⚠ </span>
          {t('incidents.deadline.overdue')}
        </span>
      )}
      {deadline.met && (
        <span className="badge ml-2 border-success bg-success-soft text-ink-strong">
          {t('incidents.deadline.met')}
        </span>
      )}
    </span>
  );
}

export function useActionLabel() {
  const { t } = useTranslation();
  return (action: string): string =>
    t([`incidents.stepNames.${action}`, `incidents.actions.${action}`], { defaultValue: action });
}

/** 「山田 花子（保護管理者）」: who must act next, by name and role. */
export function ActorLine({ action }: { action: NextActionView }) {
  const { t } = useTranslation();
  const names =
    action.actorNames.length > 0
      ? action.actorNames.join(t('incidents.next.joiner'))
      : t('incidents.next.nobody');
  return <span>{t('incidents.next.actor', { names, role: t(`incidents.actors.${action.actor}`) })}</span>;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨';
/** 「第34条第3項」 for A34-3, 「法第68条第1項」 for 法68①; other codes as they are. */
export function useArticle() {
  const { t } = useTranslation();
  return (code: string): string => {
    const rule = /^A(\d+)-(\d+)$/.exec(code);
    if (rule) return t('incidents.article.rule', { article: rule[1], para: rule[2] });
    const law = /^法(\d+)(.)$/u.exec(code);
    if (law && CIRCLED.includes(law[2]!))
      return t('incidents.article.law', { article: law[1], para: CIRCLED.indexOf(law[2]!) + 1 });
    return code;
  };
}
