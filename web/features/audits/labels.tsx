import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditStatus, FindingSeverity, FindingStatus, ItemAnswer } from '../../../shared/api/audits.ts';
import { Alert, LiveRegion } from '../../ui/alert.tsx';

/** Small pieces of the audit pages (issue 10; A36): states in words (never colour alone). */

const TONES = {
  good: 'border-success bg-success-soft text-ink-strong',
  warn: 'border-warning bg-warning-soft text-ink-strong',
  bad: 'border-error bg-error-soft text-error',
  plain: 'border-line text-ink-muted',
  info: 'border-primary bg-primary-soft text-primary',
} as const;
type Tone = keyof typeof TONES;

export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`badge ${TONES[tone]}`}>
      {(tone === 'bad' || tone === 'warn') && <span aria-hidden="true">⚠ </span>}
      {children}
    </span>
  );
}

const STATUS_TONE: Record<AuditStatus, Tone> = {
  planned: 'info',
  in_progress: 'warn',
  reported: 'good',
  closed: 'plain',
};
export function StatusBadge({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`audits.statuses.${status}`)}</Badge>;
}

const ANSWER_TONE: Record<ItemAnswer, Tone> = {
  conforms: 'good',
  partly: 'warn',
  does_not: 'bad',
  not_applicable: 'plain',
};
export function AnswerBadge({ answer }: { answer: ItemAnswer | null }) {
  const { t } = useTranslation();
  if (!answer) return <Badge tone="info">{t('audits.unanswered')}</Badge>;
  return <Badge tone={ANSWER_TONE[answer]}>{t(`audits.answers.${answer}`)}</Badge>;
}

const SEVERITY_TONE: Record<FindingSeverity, Tone> = { high: 'bad', medium: 'warn', low: 'plain' };
export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <Badge tone={SEVERITY_TONE[severity]}>
      {t('audits.severityLabel', { severity: t(`audits.severities.${severity}`) })}
    </Badge>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'done' ? 'good' : 'info'}>{t(`audits.findingStatuses.${status}`)}</Badge>;
}

/** A term and its description in a two-column list. */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-line-soft py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-bold text-ink-strong">{term}</dt>
      <dd className="whitespace-pre-wrap">{children}</dd>
    </div>
  );
}

/** 「記録しました。」 after a change, announced in a live region (always rendered). */
export function Saved({ show, text }: { show: boolean; text?: string }) {
  const { t } = useTranslation();
  return <LiveRegion>{show && <Alert tone="success" title={text ?? t('audits.saved')} />}</LiveRegion>;
}

export const required = (message: string) => ({
  validate: (v: string) => v.trim().length > 0 || message,
});

/** Article numbers as the rule writes them: 第3条・第4条…, runs joined: 第3–19条・第21–35条. */
export function articleRuns(articles: readonly number[], en: boolean): string {
  const sorted = [...new Set(articles)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const a of sorted) {
    const last = runs[runs.length - 1];
    if (last && a === last[1] + 1) last[1] = a;
    else runs.push([a, a]);
  }
  const one = ([from, to]: [number, number]) =>
    en
      ? from === to
        ? `Art. ${from}`
        : `Art. ${from}–${to}`
      : from === to
        ? `第${from}条`
        : `第${from}–${to}条`;
  return runs.map(one).join(en ? ', ' : '・');
}
